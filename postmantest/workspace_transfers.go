package postmantest

import (
	"net/http"
	"slices"
	"time"
)

func (s *Server) routeWorkspaceTransfers() {
	s.mux.HandleFunc("POST /workspaces/{workspaceId}/element-transfers", s.transferElement)
	s.mux.HandleFunc("PATCH /workspaces/{workspaceId}/transfers", s.transferToTeam)
}

// elementWorkspace returns a pointer to the workspace field of the stored
// element of this type and ID, and its name; nil when there is none.
// Flows are not stored, so they are never found.
func (st *state) elementWorkspace(elementType, id string) (*string, string) {
	switch elementType {
	case "collection":
		if c := st.collection(id); c != nil {
			return &c.workspaceID, c.name()
		}
	case "environment":
		if e := st.environment(id); e != nil {
			return &e.workspaceID, e.name
		}
	case "mock":
		if m := st.mock(id); m != nil {
			return &m.WorkspaceID, m.Name
		}
	case "monitor":
		if m := st.monitor(id); m != nil {
			return &m.WorkspaceID, m.Name
		}
	case "api":
		if a := st.api(id); a != nil {
			return &a.workspaceID, a.name
		}
	}
	return nil, ""
}

// transferElement moves an element between two workspaces of the user's
// team. Both feeds record the move: the source's as the element's
// destruction, the destination's as its creation, each with the trigger
// "transfer" (Postman's description does not say which entries a move
// makes).
func (s *Server) transferElement(w http.ResponseWriter, r *http.Request) {
	var b struct {
		ID   string `json:"id"`
		Type string `json:"type"`
		To   string `json:"to"`
	}
	if !decodeBody(w, r, &b) {
		return
	}
	for _, f := range []struct{ name, value string }{{"id", b.ID}, {"type", b.Type}, {"to", b.To}} {
		if f.value == "" {
			transferBadRequest(w, "The '"+f.name+"' property is required")
			return
		}
	}
	switch b.Type {
	case "collection", "environment", "api", "flow", "mock", "monitor":
	default:
		transferBadRequest(w, "element type is not register or is falsy")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	from, to := s.state.workspace(r.PathValue("workspaceId")), s.state.workspace(b.To)
	if from == nil || to == nil {
		problem(w, http.StatusNotFound, "not-found", "Not Found", "Workspace not found")
		return
	}
	if !s.state.own(from) || !s.state.own(to) {
		problem(w, http.StatusForbidden, "forbidden", "Forbidden", "Forbidden")
		return
	}
	field, name := s.state.elementWorkspace(b.Type, b.ID)
	if field == nil || *field != from.ID {
		problem(w, http.StatusNotFound, "not-found", "Not Found", "The "+b.Type+" "+b.ID+" was not found in the workspace.")
		return
	}
	if from.Type != "personal" && to.Type == "personal" {
		transferBadRequest(w, "Cannot move elements from team level workspace to personal")
		return
	}
	*field = to.ID
	s.state.logTriggered(from.ID, "destroy", "transfer", b.Type, b.ID, name)
	s.state.logTriggered(to.ID, "create", "transfer", b.Type, b.ID, name)
	writeJSON(w, http.StatusOK, map[string]any{"workspace": map[string]any{"element-transfers": map[string]any{
		"id": b.ID, "type": b.Type, "from": from.ID, "to": to.ID}}})
}

// transferToTeam moves a workspace from its team to another team of the
// same organization. The workspace then belongs to that team
// (Workspace.Publisher; none when it is the user's own team), so that the
// user's lists, which show their own team's workspaces, follow the move.
// As Postman documents, a workspace Admin who is not an admin
// (TEAM_MANAGER) of the destination team loses that role in the workspace.
// Its errors are application/json, as the pull requests' are.
func (s *Server) transferToTeam(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Source      string `json:"source"`
		Destination string `json:"destination"`
	}
	if !decodeBody(w, r, &b) {
		return
	}
	for _, f := range []struct{ name, value string }{{"source", b.Source}, {"destination", b.Destination}} {
		if f.value == "" {
			prProblem(w, http.StatusBadRequest, "bad-request", "Bad Request", "The '"+f.name+"' property is required")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	src, dst := s.state.team(b.Source), s.state.team(b.Destination)
	if ws == nil || src == nil || dst == nil {
		prProblem(w, http.StatusNotFound, "not-found", "Not Found", "The requested resource was not found.")
		return
	}
	owner := ws.Publisher.TeamID
	if owner == 0 {
		owner = s.state.user.TeamID
	}
	switch {
	case owner != src.ID:
		prProblem(w, http.StatusForbidden, "forbidden", "Forbidden", "You do not have access to this workspace.")
		return
	case src.OrganizationID != dst.OrganizationID:
		prProblem(w, http.StatusBadRequest, "bad-request", "Bad Request", "The source and destination teams are not in the same organization.")
		return
	}
	ws.Publisher = Publisher{}
	if dst.ID != s.state.user.TeamID {
		ws.Publisher = Publisher{TeamID: dst.ID, TeamName: dst.Name, OrganizationID: dst.OrganizationID}
	}
	grants := s.state.roleGrants(ws.ID)
	s.state.roles[ws.ID] = slices.DeleteFunc(slices.Clone(grants), func(g roleGrant) bool {
		role, _ := dst.role("user", g.id)
		return g.role == "3" && g.subject == "user" && role != "TEAM_MANAGER"
	})
	ws.UpdatedAt = time.Now().UTC()
	s.state.logTriggered(ws.ID, "update", "transfer", "workspace", ws.ID, ws.Name)
	writeJSON(w, http.StatusOK, map[string]any{"workspace": map[string]any{"transfer": map[string]any{
		"id": ws.ID, "source": b.Source, "destination": b.Destination}}})
}
