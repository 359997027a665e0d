package postmantest

// governance is the state of the Package Library, the Component Library
// and the Private API Network; Server.mu
// guards it. state.governance holds it once an endpoint or seeding helper
// needs it (see state.gov).
type governance struct {
	packages   []*storedPackage
	components []*storedComponent
	network    networkState
}

// gov returns the governance state, creating it on first use. The caller
// holds s.mu.
func (st *state) gov() *governance {
	if st.governance == nil {
		st.governance = &governance{}
	}
	return st.governance
}

// routesGovernance registers the endpoints of the Package Library, the
// Component Library and the Private API Network (the Secret Scanner, API
// validation and search are routesScanning's).
func (s *Server) routesGovernance() {
	s.mux.HandleFunc("GET /packages", s.listPackages)
	s.mux.HandleFunc("POST /packages", s.createPackage)
	s.mux.HandleFunc("GET /packages/{packageId}", s.getPackage)
	s.mux.HandleFunc("PATCH /packages/{packageId}", s.updatePackage)
	s.mux.HandleFunc("DELETE /packages/{packageId}", s.deletePackage)

	s.mux.HandleFunc("GET /components", s.listComponents)
	s.mux.HandleFunc("POST /components", s.createComponent)
	s.mux.HandleFunc("GET /components/{componentId}", s.getComponent)
	s.mux.HandleFunc("PATCH /components/{componentId}", s.updateComponent)
	s.mux.HandleFunc("GET /components/{componentId}/drafts", s.getComponentDraft)
	s.mux.HandleFunc("PATCH /components/{componentId}/drafts", s.updateComponentDraft)
	s.mux.HandleFunc("GET /components/{componentId}/versions", s.listComponentVersions)
	s.mux.HandleFunc("POST /components/{componentId}/versions", s.publishComponentVersion)
	s.mux.HandleFunc("GET /components/{componentId}/versions/{versionId}", s.getComponentVersion)

	s.mux.HandleFunc("GET /network/private", s.listNetwork)
	s.mux.HandleFunc("POST /network/private", s.addToNetwork)
	s.mux.HandleFunc("PUT /network/private/workspace/{workspaceId}", s.updateNetworkWorkspace)
	s.mux.HandleFunc("DELETE /network/private/workspace/{workspaceId}", s.removeFromNetwork)
	s.mux.HandleFunc("GET /network/private/network-entity/request/all", s.listNetworkRequests)
	s.mux.HandleFunc("PUT /network/private/network-entity/request/{requestId}", s.respondToNetworkRequest)
}
