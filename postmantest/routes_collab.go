package postmantest

// routesCollab registers the collaboration endpoints: pull requests,
// workspace updates and activities, and the transfers of collection items
// and workspace elements, and of workspaces between teams.
//
// Creating a pull request (POST /collections/{collectionId}/pull-requests)
// is dispatched by postCollectionChild.
func (s *Server) routesCollab() {
	s.mux.HandleFunc("GET /collections/{collectionId}/pull-requests", s.listPullRequests)
	s.mux.HandleFunc("GET /pull-requests/{pullRequestId}", s.getPullRequest)
	s.mux.HandleFunc("PUT /pull-requests/{pullRequestId}", s.updatePullRequest)
	s.mux.HandleFunc("POST /pull-requests/{pullRequestId}/tasks", s.reviewPullRequest)

	s.mux.HandleFunc("GET /workspaces/{workspaceId}/updates", s.listWorkspaceUpdates)
	s.mux.HandleFunc("POST /workspaces/{workspaceId}/updates", s.createWorkspaceUpdate)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/updates/{updateId}", s.getWorkspaceUpdate)
	s.mux.HandleFunc("PATCH /workspaces/{workspaceId}/updates/{updateId}", s.patchWorkspaceUpdate)
	s.mux.HandleFunc("DELETE /workspaces/{workspaceId}/updates/{updateId}", s.deleteWorkspaceUpdate)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/activities", s.listWorkspaceActivities)

	s.mux.HandleFunc("POST /collection-folders-transfers", s.transferItems(kindFolder))
	s.mux.HandleFunc("POST /collection-requests-transfers", s.transferItems(kindRequest))
	s.mux.HandleFunc("POST /collection-responses-transfers", s.transferItems(kindResponse))
	s.mux.HandleFunc("POST /workspaces/{workspaceId}/element-transfers", s.transferElement)
	s.mux.HandleFunc("PATCH /workspaces/{workspaceId}/transfers", s.transferToTeam)
}

// collabState is what the collaboration endpoints store; it lives in
// state.collab, created on first use by (*state).collabs. Server.mu guards
// it.
type collabState struct {
	pullRequests []*pullRequest
	// updates are the workspace updates, oldest first; updateSeq is the
	// last update ID given out (Postman numbers them).
	updates   []*workspaceUpdate
	updateSeq int64
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
