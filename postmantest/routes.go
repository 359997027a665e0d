package postmantest

import "net/http"

// routes registers every endpoint the fake serves. Unknown paths get
// Postman's 404 body.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /me", s.getMe)
	s.mux.HandleFunc("GET /workspaces", s.listWorkspaces)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}", s.getWorkspace)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		notFound(w, "notFound", "The requested resource "+r.Method+" "+r.URL.Path+" is not served by postmantest.")
	})
}
