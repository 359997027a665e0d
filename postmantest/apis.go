package postmantest

import (
	"net/http"
	"strings"
	"time"
)

// apiState is the API Builder APIs, in the order they were added.
type apiState struct {
	apis []*storedAPI
}

func (s *Server) routeAPIs() {
	s.mux.HandleFunc("/apis/{apiId}", s.serveAPI)
	s.mux.HandleFunc("/apis/{apiId}/{rest...}", s.serveAPI)
}

// storedAPI is an API Builder API: version 9 (the retired model, which
// the v10 endpoints refuse) or 10.
type storedAPI struct {
	id, name    string
	version     int
	workspaceID string
	createdAt   time.Time
	schema      *apiSchema    // nil until SetAPISchema
	migration   *apiMigration // the last migration to Spec Hub
}

// v10Accept is the media type the v10 API Builder endpoints require.
const v10Accept = "application/vnd.api.v10+json"

// AddAPI stores an API Builder API of the given version (9 or 10) in the
// personal workspace and returns its ID. GET /apis/{apiId} serves a v10
// API, and /apis/{apiId}/spec-migrations moves it to Spec Hub (see
// SetAPISchema), to requests that send the Accept:
// application/vnd.api.v10+json header and answers 400 to others; every
// /apis/{apiId}… request about a v9 API answers 422 "This endpoint does
// not support v9 APIs.".
func (s *Server) AddAPI(name string, version int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &storedAPI{id: newID(), name: name, version: version, createdAt: time.Now().UTC()}
	if len(s.state.workspaces) > 0 {
		a.workspaceID = s.state.workspaces[0].ID
	}
	s.state.apis = append(s.state.apis, a)
	return a.id
}

func (st *state) api(id string) *storedAPI { return byID(st.apis, id) }

// serveAPI answers the /apis/{apiId}… requests: the v9 refusal, the
// missing v10 Accept header, a v10 API for GET /apis/{apiId}, or its
// migration to Spec Hub.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	api := s.state.api(r.PathValue("apiId"))
	s.mu.Unlock()
	switch {
	case api == nil:
		writeProblem(w, http.StatusNotFound, map[string]any{"type": "instanceNotFoundError",
			"title": "We could not find the API you are looking for", "detail": "We could not find the API you are looking for."})
	case api.version < 10:
		writeProblem(w, http.StatusUnprocessableEntity, map[string]any{"type": "unsupportedEntityError",
			"title": "Unsupported API", "detail": "This endpoint does not support v9 APIs."})
	case !strings.Contains(r.Header.Get("Accept"), v10Accept):
		writeProblem(w, http.StatusBadRequest, map[string]any{"name": "instanceNotFoundError",
			"message": "API not found. For v10 and later APIs, ensure that your request sends the \"" + v10Accept + "\" Accept header."})
	case r.Method == http.MethodGet && r.PathValue("rest") == "":
		by := s.userID()
		body := map[string]any{"id": api.id, "name": api.name, "summary": "", "description": "",
			"createdAt": api.createdAt.Format(postmanTime), "updatedAt": api.createdAt.Format(postmanTime),
			"createdBy": by, "updatedBy": by}
		for _, inc := range r.URL.Query()["include"] {
			for part := range strings.SplitSeq(inc, ",") {
				if part == "collections" || part == "versions" || part == "schemas" {
					body[part] = []any{}
				}
			}
		}
		writeJSON(w, http.StatusOK, body)
	case r.Method == http.MethodPost && r.PathValue("rest") == "spec-migrations":
		s.migrateAPI(w, r, api)
	case r.Method == http.MethodGet && r.PathValue("rest") == "spec-migrations":
		s.apiMigrationStatus(w, api)
	default:
		notServed(w, r)
	}
}

func (s *Server) userID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.user.ID
}
