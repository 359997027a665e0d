package postmantest

import "sync"

// miscState is what the fake stores for collection access keys and public
// documentation, the user directory and Partner Workspace invitations,
// audit actions and private monitor runners; it lives in state.misc,
// which newState creates so that the pointer never changes (the access
// key check reads it without s.mu). Server.mu guards it, except keys (see
// keysMu).
type miscState struct {
	// keysMu guards keys, which authorize requests before any handler
	// runs, where s.mu may be held already (lock order: s.mu, then keysMu).
	keysMu sync.Mutex
	keys   []*accessKey
	keySeq int64

	docs map[string]*publishedDocs // collection ID → its published documentation

	users       []*TeamUser
	partners    []*Partner
	invitations []*Invitation

	auditActions []AuditAction

	runners []*Runner
}

func newMiscState(u User) *miscState {
	return &miscState{keySeq: 680, docs: map[string]*publishedDocs{}, users: defaultTeamUsers(u),
		auditActions: defaultAuditActions()}
}

// mis returns the state of these areas. The caller holds s.mu.
func (st *state) mis() *miscState { return st.misc }

// routesMisc registers the endpoints of collection access keys, public
// documentation and transformations, the user directory and invitations,
// audit actions, runners, SCIM discovery and the generic task status.
func (s *Server) routesMisc() {
	s.mux.HandleFunc("GET /collection-access-keys", s.listAccessKeys)
	s.mux.HandleFunc("DELETE /collection-access-keys/{keyId}", s.deleteAccessKey)
	s.mux.HandleFunc("PUT /collections/{collectionId}/public-documentations", s.publishDocs)
	s.mux.HandleFunc("DELETE /collections/{collectionId}/public-documentations", s.unpublishDocs)
	s.mux.HandleFunc("GET /collections/{collectionId}/transformations", s.transformCollection)

	s.mux.HandleFunc("GET /users", s.listTeamUsers)
	s.mux.HandleFunc("GET /users/{userId}", s.getTeamUser)
	s.mux.HandleFunc("POST /invitations", s.manageInvitations)

	s.mux.HandleFunc("GET /audit-actions", s.listAuditActions)

	s.mux.HandleFunc("GET /runners/{runnerId}/instances", s.listRunnerInstances)
	s.mux.HandleFunc("GET /runners/{runnerId}/metrics", s.runnerMetrics)

	s.mux.HandleFunc("GET /scim/v2/ServiceProviderConfig", s.scimServiceProviderConfig)
	s.mux.HandleFunc("GET /scim/v2/ResourceTypes", s.scimResourceTypes)
	s.mux.HandleFunc("GET /scim/v2/Schemas", s.scimSchemas)
	s.mux.HandleFunc("DELETE /scim/v2/Users/{userId}", s.deleteSCIMUser)
}
