package postmantest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

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
}

// postmanTime is the layout of the description's date-time fields.
const postmanTime = time.RFC3339

// AddWorkspace stores ws (an ID is generated when empty, Type and
// Visibility default to "team") and returns its ID.
func (s *Server) AddWorkspace(ws Workspace) string {
	s.mu.Lock()
	defer s.mu.Unlock()
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
	s.state.workspaces = append(s.state.workspaces, &ws)
	return ws.ID
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
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"name": "workspaceNotFoundError", "message": "Workspace not found", "statusCode": 404}})
		return
	}
	body := ws.summary()
	body["description"] = ws.Description
	body["updatedBy"] = ws.CreatedBy
	for _, kind := range []string{"collections", "environments", "mocks", "monitors", "apis", "specs"} {
		body[kind] = []any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"workspace": body})
}
