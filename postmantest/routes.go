package postmantest

import "net/http"

// routes registers every endpoint the fake serves. Unknown paths get
// Postman's 404 body.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /me", s.getMe)
	s.mux.HandleFunc("GET /workspaces", s.listWorkspaces)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}", s.getWorkspace)
	s.mux.HandleFunc("POST /workspaces", s.createWorkspace)
	s.mux.HandleFunc("PUT /workspaces/{workspaceId}", s.updateWorkspace)
	s.mux.HandleFunc("DELETE /workspaces/{workspaceId}", s.deleteWorkspace)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/global-variables", s.getGlobals)
	s.mux.HandleFunc("PUT /workspaces/{workspaceId}/global-variables", s.putGlobals)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/tags", s.getTags)
	s.mux.HandleFunc("PUT /workspaces/{workspaceId}/tags", s.putTags)
	s.mux.HandleFunc("GET /tags/{slug}/entities", s.taggedEntities)

	s.mux.HandleFunc("GET /collections", s.listCollections)
	s.mux.HandleFunc("POST /collections", s.createCollection)
	s.mux.HandleFunc("GET /collections/{collectionId}", s.getCollection)
	s.mux.HandleFunc("PUT /collections/{collectionId}", s.putCollection)
	s.mux.HandleFunc("PATCH /collections/{collectionId}", s.patchCollection)
	s.mux.HandleFunc("DELETE /collections/{collectionId}", s.deleteCollection)
	s.mux.HandleFunc("POST /collections/{collectionId}/{child}", s.postCollectionChild)
	s.mux.HandleFunc("GET /collection-duplicate-tasks/{taskId}", s.duplicateTask)
	s.mux.HandleFunc("GET /collection-updates-tasks/{taskId}", s.collectionUpdateTask)
	s.mux.HandleFunc("GET /collections/{collectionId}/tags", s.getTags)
	s.mux.HandleFunc("PUT /collections/{collectionId}/tags", s.putTags)
	s.itemRoutes()
	s.commentRoutes()

	s.mux.HandleFunc("POST /collections/fork/{collectionId}", s.createCollectionFork)
	s.mux.HandleFunc("GET /collections/collection-forks", s.listForkedCollections)
	s.mux.HandleFunc("GET /collections/{collectionId}/forks", s.listCollectionForks)
	s.mux.HandleFunc("GET /collections/{collectionId}/source-status", s.sourceStatus)
	s.mux.HandleFunc("PUT /collections/{collectionId}/pulls", s.pullCollection)
	s.mux.HandleFunc("PUT /collection-merges", s.mergeCollections)
	s.mux.HandleFunc("GET /collection-merges-tasks/{taskId}", s.mergeTask)
	s.mux.HandleFunc("POST /collections/merge", s.mergeCollectionFork)

	s.mux.HandleFunc("GET /environments", s.listEnvironments)
	s.mux.HandleFunc("POST /environments", s.createEnvironment)
	s.mux.HandleFunc("GET /environments/{environmentId}", s.getEnvironment)
	s.mux.HandleFunc("PUT /environments/{environmentId}", s.putEnvironment)
	s.mux.HandleFunc("PATCH /environments/{environmentId}", s.patchEnvironment)
	s.mux.HandleFunc("DELETE /environments/{environmentId}", s.deleteEnvironment)
	s.mux.HandleFunc("POST /import/openapi", s.importOpenAPI)
	s.mux.HandleFunc("GET /environments/{environmentId}/forks", s.listEnvironmentForks)
	s.mux.HandleFunc("POST /environments/{environmentId}/forks", s.forkEnvironmentHandler)
	s.mux.HandleFunc("POST /environments/{environmentId}/merges", s.mergeEnvironment)
	s.mux.HandleFunc("POST /environments/{environmentUid}/pulls", s.pullEnvironment)

	s.mux.HandleFunc("GET /mocks", s.listMocks)
	s.mux.HandleFunc("POST /mocks", s.createMock)
	s.mux.HandleFunc("GET /mocks/{mockId}", s.getMock)
	s.mux.HandleFunc("PUT /mocks/{mockId}", s.updateMock)
	s.mux.HandleFunc("DELETE /mocks/{mockId}", s.deleteMock)
	s.mux.HandleFunc("POST /mocks/{mockId}/publish", s.publishMock)
	s.mux.HandleFunc("DELETE /mocks/{mockId}/unpublish", s.unpublishMock)
	s.mux.HandleFunc("GET /mocks/{mockId}/call-logs", s.listCallLogs)
	s.mux.HandleFunc("GET /mocks/{mockId}/server-responses", s.listServerResponses)
	s.mux.HandleFunc("POST /mocks/{mockId}/server-responses", s.createServerResponse)
	s.mux.HandleFunc("GET /mocks/{mockId}/server-responses/{serverResponseId}", s.getServerResponse)
	s.mux.HandleFunc("PUT /mocks/{mockId}/server-responses/{serverResponseId}", s.updateServerResponse)
	s.mux.HandleFunc("DELETE /mocks/{mockId}/server-responses/{serverResponseId}", s.deleteServerResponse)

	s.mux.HandleFunc("GET /monitors", s.listMonitors)
	s.mux.HandleFunc("POST /monitors", s.createMonitor)
	s.mux.HandleFunc("GET /monitors/{monitorId}", s.getMonitor)
	s.mux.HandleFunc("PUT /monitors/{monitorId}", s.updateMonitor)
	s.mux.HandleFunc("DELETE /monitors/{monitorId}", s.deleteMonitor)
	s.mux.HandleFunc("POST /monitors/{monitorId}/run", s.runMonitor)

	s.mux.HandleFunc("GET /specs", s.listSpecs)
	s.mux.HandleFunc("POST /specs", s.createSpec)
	s.mux.HandleFunc("GET /specs/{specId}", s.getSpec)
	s.mux.HandleFunc("DELETE /specs/{specId}", s.deleteSpec)
	s.mux.HandleFunc("GET /specs/{specId}/files", s.listSpecFiles)
	s.mux.HandleFunc("GET /specs/{specId}/files/{filePath...}", s.getSpecFile)
	s.mux.HandleFunc("PATCH /specs/{specId}/files/{filePath...}", s.updateSpecFile)
	s.mux.HandleFunc("POST /specs/{specId}/generations/{elementType}", s.generateCollection)
	s.mux.HandleFunc("GET /specs/{specId}/generations/{elementType}", s.listSpecCollections)
	s.mux.HandleFunc("GET /specs/{specId}/tasks/{taskId}", s.specTask)
	s.mux.HandleFunc("PUT /collections/{collectionUid}/synchronizations", s.syncCollection)
	s.mux.HandleFunc("GET /collections/{collectionUid}/tasks/{taskId}", s.collectionTask)
	s.specHubRoutes()

	s.mux.HandleFunc("/apis/{apiId}", s.serveAPI)
	s.mux.HandleFunc("/apis/{apiId}/{rest...}", s.serveAPI)

	s.mux.HandleFunc("GET /scim/v2/Users", s.listSCIMUsers)
	s.mux.HandleFunc("POST /scim/v2/Users", s.createSCIMUser)
	s.mux.HandleFunc("GET /scim/v2/Users/{userId}", s.getSCIMUser)
	s.mux.HandleFunc("PUT /scim/v2/Users/{userId}", s.putSCIMUser)
	s.mux.HandleFunc("PATCH /scim/v2/Users/{userId}", s.patchSCIMUser)
	s.mux.HandleFunc("GET /scim/v2/Groups", s.listSCIMGroups)
	s.mux.HandleFunc("POST /scim/v2/Groups", s.createSCIMGroup)
	s.mux.HandleFunc("GET /scim/v2/Groups/{groupId}", s.getSCIMGroup)
	s.mux.HandleFunc("PATCH /scim/v2/Groups/{groupId}", s.patchSCIMGroup)
	s.mux.HandleFunc("DELETE /scim/v2/Groups/{groupId}", s.deleteSCIMGroup)

	s.routeAuditLogs()

	s.mux.HandleFunc("/", notServed)
	s.routePackages()
	s.routeComponents()
	s.routeNetwork()
	s.routeSDKs()
	s.routeOAuth()
	s.routeWebhooks()
	s.routePostbot()
	s.routeGroups()
	s.routeBilling()
	s.routeRoles()
	s.routeCollectionRoles()
	s.routeTeams()
	s.routeAnalytics()
	s.routeSecrets()
	s.routeSecurity()
	s.routeSearch()
	s.routeAccessKeys()
	s.routeDocs()
	s.routeTransformations()
	s.routeDirectory()
	s.routeInvitations()
	s.routeRunners()
	s.routeSCIMDiscovery()
	s.routePullRequests()
	s.routeWorkspaceUpdates()
	s.routeWorkspaceActivities()
	s.routeCollectionTransfers()
	s.routeWorkspaceTransfers()
}

func notServed(w http.ResponseWriter, r *http.Request) {
	notFound(w, "notFound", "The requested resource "+r.Method+" "+r.URL.Path+" is not served by postmantest.")
}

// postCollectionChild dispatches POST /collections/{collectionId}/{child}:
// Go's mux cannot register these next to POST /collections/fork/{id}.
func (s *Server) postCollectionChild(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("child") {
	case "duplicates":
		s.duplicateCollection(w, r)
	case "comments":
		commentHandlers{s: s}.create(w, r)
	case "folders":
		s.createFolder(w, r)
	case "requests":
		s.createRequest(w, r)
	case "responses":
		s.createResponse(w, r)
	case "pull-requests":
		s.createPullRequest(w, r)
	default:
		notServed(w, r)
	}
}
