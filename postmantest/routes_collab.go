package postmantest

// routesCollab registers the collaboration endpoints: pull requests,
// workspace updates and activities, and the transfers of collection items
// and workspace elements.
func (s *Server) routesCollab() {

	s.mux.HandleFunc("GET /workspaces/{workspaceId}/activities", s.listWorkspaceActivities)

}

// collabState is what the collaboration endpoints store; it lives in
// state.collab, created on first use by (*state).collabs. Server.mu guards
// it.
type collabState struct {
	// activities is every workspace's activity feed, oldest first;
	// activitySeq is the last activity ID given out.
	activities  []*activity
	activitySeq int64
}

// collabs returns the collaboration state, creating it on first use.
func (st *state) collabs() *collabState {
	if st.collab == nil {
		st.collab = &collabState{activitySeq: 15000}
	}
	return st.collab
}
