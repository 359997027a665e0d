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

	s.mux.HandleFunc("GET /collections", s.listCollections)
	s.mux.HandleFunc("POST /collections", s.createCollection)
	s.mux.HandleFunc("GET /collections/{collectionId}", s.getCollection)
	s.mux.HandleFunc("PUT /collections/{collectionId}", s.putCollection)
	s.mux.HandleFunc("PATCH /collections/{collectionId}", s.patchCollection)
	s.mux.HandleFunc("DELETE /collections/{collectionId}", s.deleteCollection)
	s.mux.HandleFunc("POST /collections/{collectionId}/duplicates", s.duplicateCollection)
	s.mux.HandleFunc("GET /collection-duplicate-tasks/{taskId}", s.duplicateTask)
	s.mux.HandleFunc("GET /collection-updates-tasks/{taskId}", s.collectionUpdateTask)

	s.mux.HandleFunc("GET /environments", s.listEnvironments)
	s.mux.HandleFunc("POST /environments", s.createEnvironment)
	s.mux.HandleFunc("GET /environments/{environmentId}", s.getEnvironment)
	s.mux.HandleFunc("PUT /environments/{environmentId}", s.putEnvironment)
	s.mux.HandleFunc("PATCH /environments/{environmentId}", s.patchEnvironment)
	s.mux.HandleFunc("DELETE /environments/{environmentId}", s.deleteEnvironment)
	s.mux.HandleFunc("POST /import/openapi", s.importOpenAPI)

	s.mux.HandleFunc("GET /monitors", s.listMonitors)
	s.mux.HandleFunc("GET /monitors/{monitorId}", s.getMonitor)
	s.mux.HandleFunc("POST /monitors/{monitorId}/run", s.runMonitor)

	s.mux.HandleFunc("GET /scim/v2/Users", s.listSCIMUsers)
	s.mux.HandleFunc("POST /scim/v2/Users", s.createSCIMUser)
	s.mux.HandleFunc("GET /scim/v2/Users/{userId}", s.getSCIMUser)
	s.mux.HandleFunc("PUT /scim/v2/Users/{userId}", s.putSCIMUser)
	s.mux.HandleFunc("PATCH /scim/v2/Users/{userId}", s.patchSCIMUser)

	s.mux.HandleFunc("GET /audit/logs", s.listAuditLogs)

	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		notFound(w, "notFound", "The requested resource "+r.Method+" "+r.URL.Path+" is not served by postmantest.")
	})
}
