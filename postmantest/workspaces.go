package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// workspaceState is the workspaces, in creation order as Postman lists
// them, and their global variables by workspace ID.
type workspaceState struct {
	workspaces []*Workspace
	globals    map[string][]any
}

// newWorkspaceState gives u a personal and a team workspace.
func newWorkspaceState(u User) workspaceState {
	now := time.Now().UTC()
	return workspaceState{globals: map[string][]any{}, workspaces: []*Workspace{
		{ID: newID(), Name: "My Workspace", Type: "personal", Visibility: "personal", About: "Personal workspace", CreatedBy: strconv.FormatInt(u.ID, 10), CreatedAt: now, UpdatedAt: now},
		{ID: newID(), Name: "Team Workspace", Type: "team", Visibility: "team", About: "Shared with the team", CreatedBy: strconv.FormatInt(u.ID, 10), CreatedAt: now, UpdatedAt: now},
	}}
}

func (s *Server) routeWorkspaces() {
	s.mux.HandleFunc("GET /workspaces", s.listWorkspaces)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}", s.getWorkspace)
	s.mux.HandleFunc("POST /workspaces", s.createWorkspace)
	s.mux.HandleFunc("PUT /workspaces/{workspaceId}", s.updateWorkspace)
	s.mux.HandleFunc("DELETE /workspaces/{workspaceId}", s.deleteWorkspace)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/global-variables", s.getGlobals)
	s.mux.HandleFunc("PUT /workspaces/{workspaceId}/global-variables", s.putGlobals)
}

func (st *state) workspace(idOrUID string) *Workspace { return byID(st.workspaces, idOrUID) }

// Workspace is a workspace stored by the fake API.
type Workspace struct {
	ID          string
	Name        string
	Type        string // personal, team, private, public, partner
	Visibility  string
	Description string
	About       string
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Publisher is the team that owns the workspace when it is not the
	// user's: a public or partner workspace of another team, which POST
	// /search finds with ownership external or all, reporting CreatedBy
	// as the creator of its elements. The user's lists (GET /workspaces,
	// and GET /collections and /environments without a workspace) leave
	// such workspaces and their elements out, as Postman lists only the
	// user's own.
	Publisher Publisher
}

// postmanTime is the layout of the description's date-time fields.
const postmanTime = time.RFC3339

// AddWorkspace stores ws (an ID is generated when empty, Type and
// Visibility default to "team") and returns its ID.
func (s *Server) AddWorkspace(ws Workspace) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addWorkspace(ws).ID
}

func (st *state) addWorkspace(ws Workspace) *Workspace {
	if ws.ID == "" {
		ws.ID = newID()
	}
	if ws.Type == "" {
		ws.Type = "team"
	}
	if ws.Visibility == "" {
		ws.Visibility = ws.Type
	}
	now := time.Now().UTC()
	if ws.CreatedAt.IsZero() {
		ws.CreatedAt = now
	}
	if ws.UpdatedAt.IsZero() {
		ws.UpdatedAt = ws.CreatedAt
	}
	st.workspaces = append(st.workspaces, &ws)
	return &ws
}

// Workspaces returns a copy of the stored workspaces.
func (s *Server) Workspaces() []Workspace {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Workspace, len(s.state.workspaces))
	for i, ws := range s.state.workspaces {
		out[i] = *ws
	}
	return out
}

func (ws *Workspace) summary() map[string]any {
	return map[string]any{
		"id": ws.ID, "name": ws.Name, "type": ws.Type, "visibility": ws.Visibility,
		"createdBy": ws.CreatedBy, "about": ws.About,
		"createdAt": ws.CreatedAt.Format(postmanTime), "updatedAt": ws.UpdatedAt.Format(postmanTime),
	}
}

func (s *Server) listWorkspaces(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if t := q.Get("type"); t != "" && !slices.Contains([]string{"personal", "team", "private", "public", "partner"}, t) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"type": "invalidParamError", "title": "Invalid type filter",
			"detail": "The type filter must be one of personal, team, private, public, partner.", "status": 400})
		return
	}
	page, ok := parsePage(w, q)
	if !ok {
		return
	}
	s.mu.Lock()
	var matched []map[string]any
	for _, ws := range s.state.workspaces {
		if !s.state.own(ws) {
			continue
		}
		if t := q.Get("type"); t != "" && ws.Type != t {
			continue
		}
		if by := q.Get("createdBy"); by != "" && !slices.Contains(strings.Split(by, ","), ws.CreatedBy) {
			continue
		}
		matched = append(matched, ws.summary())
	}
	s.mu.Unlock()
	items, next := page.slice(len(matched))
	body := map[string]any{"workspaces": matched[items.start:items.end]}
	if page.limited {
		body["meta"] = map[string]any{"nextCursor": next}
		if next == "" {
			body["meta"] = map[string]any{}
		}
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) getWorkspace(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		workspaceNotFound(w)
		return
	}
	body := ws.summary()
	body["description"] = ws.Description
	body["updatedBy"] = ws.CreatedBy
	for _, kind := range []string{"collections", "environments", "mocks", "monitors", "apis", "specs"} {
		body[kind] = []any{}
	}
	body["collections"] = s.state.elements(ws.ID, "collections")
	body["environments"] = s.state.elements(ws.ID, "environments")
	body["mocks"] = s.state.workspaceMocks(ws.ID)
	body["monitors"] = s.state.workspaceMonitors(ws.ID)
	body["specs"] = s.state.workspaceSpecs(ws.ID)
	writeJSON(w, http.StatusOK, map[string]any{"workspace": body})
}

type workspaceBody struct {
	Workspace *struct {
		Name        string `json:"name"`
		Type        string `json:"type"`
		Description string `json:"description"`
		About       string `json:"about"`
	} `json:"workspace"`
}

func workspaceNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"name": "workspaceNotFoundError", "message": "Workspace not found", "statusCode": 404}})
}

func (s *Server) createWorkspace(w http.ResponseWriter, r *http.Request) {
	var body workspaceBody
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Workspace == nil || body.Workspace.Name == "" || body.Workspace.Type == "" {
		paramMissing(w, "workspace.name and workspace.type are required fields")
		return
	}
	s.mu.Lock()
	by := strconv.FormatInt(s.state.user.ID, 10)
	s.mu.Unlock()
	id := s.AddWorkspace(Workspace{Name: body.Workspace.Name, Type: body.Workspace.Type, Description: body.Workspace.Description,
		About: body.Workspace.About, CreatedBy: by})
	writeJSON(w, http.StatusOK, map[string]any{"workspace": map[string]any{"id": id, "name": body.Workspace.Name}})
}

func (s *Server) updateWorkspace(w http.ResponseWriter, r *http.Request) {
	var body workspaceBody
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Workspace == nil {
		paramMissing(w, "workspace is a required field")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		workspaceNotFound(w)
		return
	}
	b := body.Workspace
	for dst, v := range map[*string]string{&ws.Name: b.Name, &ws.Type: b.Type, &ws.Description: b.Description, &ws.About: b.About} {
		if v != "" {
			*dst = v
		}
	}
	if b.Type != "" {
		ws.Visibility = b.Type
	}
	ws.UpdatedAt = time.Now().UTC()
	s.state.logActivity(ws.ID, "update", "workspace", ws.ID, ws.Name)
	writeJSON(w, http.StatusOK, map[string]any{"workspace": map[string]any{"id": ws.ID, "name": ws.Name}})
}

func (s *Server) deleteWorkspace(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		workspaceNotFound(w)
		return
	}
	s.state.workspaces = slices.DeleteFunc(s.state.workspaces, func(o *Workspace) bool { return o == ws })
	writeJSON(w, http.StatusOK, map[string]any{"workspace": map[string]any{"id": ws.ID}})
}

// SetGlobals replaces the global variables of a workspace.
func (s *Server) SetGlobals(workspaceID string, vars ...EnvironmentVariable) {
	values := variableValues(vars)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.globals[workspaceID] = values
}

func (s *Server) getGlobals(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		workspaceNotFound(w)
		return
	}
	values := s.state.globals[ws.ID]
	if values == nil {
		values = []any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"values": values})
}

func (s *Server) putGlobals(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Values []any `json:"values"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		workspaceNotFound(w)
		return
	}
	if body.Values == nil {
		body.Values = []any{}
	}
	s.state.globals[ws.ID] = body.Values
	writeJSON(w, http.StatusOK, map[string]any{"values": body.Values})
}

// elements lists the collections or environments of a workspace the way
// GET /workspaces/{id} does.
func (st *state) elements(workspaceID, kind string) []any {
	out := []any{}
	switch kind {
	case "collections":
		for _, c := range st.collections {
			if c.workspaceID == workspaceID {
				out = append(out, map[string]any{"id": c.id, "name": c.name(), "uid": st.uid(c.id)})
			}
		}
	case "environments":
		for _, e := range st.environments {
			if e.workspaceID == workspaceID {
				out = append(out, map[string]any{"id": e.id, "name": e.name, "uid": st.uid(e.id)})
			}
		}
	}
	return out
}

// listed reports whether GET /collections or /environments lists an
// element of workspace workspaceID when asked for the elements of
// workspace filter ("": the user's, so not those of other teams).
func (st *state) listed(workspaceID, filter string) bool {
	if filter != "" {
		return workspaceID == filter
	}
	return st.own(st.workspace(workspaceID))
}
