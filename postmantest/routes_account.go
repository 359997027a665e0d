package postmantest

// routesAccount registers the endpoints of the team's administration:
// user groups, billing, workspace roles, teams and analytics.
func (s *Server) routesAccount() {
	s.mux.HandleFunc("GET /groups", s.listGroups)
	s.mux.HandleFunc("GET /groups/{groupId}", s.getGroup)

	s.mux.HandleFunc("GET /accounts", s.getBillingAccount)
	s.mux.HandleFunc("GET /accounts/{accountId}/invoices", s.listInvoices)

	s.mux.HandleFunc("GET /workspaces-roles", s.listAvailableRoles)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/roles", s.getWorkspaceRoles)
	s.mux.HandleFunc("PATCH /workspaces/{workspaceId}/roles", s.updateWorkspaceRoles)
	s.mux.HandleFunc("GET /collections/{collectionId}/roles", s.getCollectionRoles)
	s.mux.HandleFunc("PATCH /collections/{collectionId}/roles", s.updateCollectionRoles)

	s.mux.HandleFunc("GET /teams", s.listTeams)
	s.mux.HandleFunc("POST /teams", s.createTeam)
	s.mux.HandleFunc("GET /teams/{teamId}", s.getTeam)
	s.mux.HandleFunc("GET /teams/{teamId}/settings", s.getTeamSettings)
	s.mux.HandleFunc("PUT /teams/{teamId}/settings", s.updateTeamSettings)
	s.mux.HandleFunc("POST /teams/{teamId}/bulk-members", s.updateTeamMembers)
	s.mux.HandleFunc("DELETE /teams/{teamId}/bulk-members", s.removeTeamMembers)
	s.mux.HandleFunc("GET /teams/{teamId}/access-requests", s.listAccessRequests)
	s.mux.HandleFunc("POST /teams/{teamId}/access-requests", s.createAccessRequest)
	s.mux.HandleFunc("POST /teams/{teamId}/access-requests/{requestId}", s.respondToAccessRequest)

	s.mux.HandleFunc("GET /analytics", s.analyticsData)
	s.mux.HandleFunc("GET /analytics-metadata", s.analyticsMetadata)
}

// accountState is what the team's administration endpoints store; it
// lives in state.account, created on first use by (*state).acct. Server.mu
// guards it.
type accountState struct {
	groups   []*Group
	groupSeq int64
	billing  BillingAccount
	invoices []Invoice
	roles    map[string][]roleGrant // workspace ID → who holds which role

	collectionRoles map[string][]CollectionRole // collection ID → who has which role

	teams          []*Team
	accessRequests []*TeamAccessRequest
	seq            int64 // the last team or access request ID given out

	analytics map[analyticsKey]AnalyticsTable
}

// acct returns the administration state, creating it on first use.
func (st *state) acct() *accountState {
	if st.account == nil {
		st.account = &accountState{groupSeq: 100, billing: defaultBillingAccount(st.user), roles: map[string][]roleGrant{},
			teams: defaultTeams(st.user), seq: 1000}
	}
	return st.account
}
