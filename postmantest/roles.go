package postmantest

import (
	"net/http"
	"slices"
	"strconv"
)

// roleState is who holds which role in each workspace, by workspace ID.
type roleState struct {
	roles map[string][]roleGrant
}

func newRoleState() roleState { return roleState{roles: map[string][]roleGrant{}} }

func (s *Server) routeRoles() {
	s.mux.HandleFunc("GET /workspaces-roles", s.listAvailableRoles)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/roles", s.getWorkspaceRoles)
	s.mux.HandleFunc("PATCH /workspaces/{workspaceId}/roles", s.updateWorkspaceRoles)
}

// WorkspaceRole is a role in a workspace with who holds it: Postman user
// and user group IDs, or SCIM IDs when they were granted with SCIM IDs
// (the fake does not link SCIM users to Postman users, so each holder
// keeps the ID it was granted with), and partner user IDs.
type WorkspaceRole struct {
	// ID is "1" Viewer, "2" Editor, "3" Admin, or a partner role "4" to "7".
	ID         string
	Users      []string
	UserGroups []string
	Partners   []string
}

// roleGrant is one holder of a workspace role.
type roleGrant struct {
	role    string
	subject string // "user", "usergroup" or "partner"
	id      string
}

// roleNames are the display names of the workspace roles, by ID.
var roleNames = map[string]string{"1": "Viewer", "2": "Editor", "3": "Admin",
	"4": "Viewer", "5": "Editor", "6": "Viewer and Partner Lead", "7": "Editor and Partner Lead"}

// SetWorkspaceRoles replaces who holds which role in a workspace. Until
// then (or a role change through the API), the user of the server is the
// only Admin of every workspace.
func (s *Server) SetWorkspaceRoles(workspaceID string, roles ...WorkspaceRole) {
	var grants []roleGrant
	for _, r := range roles {
		for _, part := range []struct {
			subject string
			ids     []string
		}{{"user", r.Users}, {"usergroup", r.UserGroups}, {"partner", r.Partners}} {
			for _, id := range part.ids {
				grants = append(grants, roleGrant{r.ID, part.subject, id})
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.roles[localID(workspaceID)] = grants
}

// WorkspaceRoles returns the roles of a workspace that someone holds, by
// role ID.
func (s *Server) WorkspaceRoles(workspaceID string) []WorkspaceRole {
	s.mu.Lock()
	defer s.mu.Unlock()
	grants := s.state.roleGrants(localID(workspaceID))
	var out []WorkspaceRole
	for _, id := range []string{"1", "2", "3", "4", "5", "6", "7"} {
		r := WorkspaceRole{ID: id}
		for _, g := range grants {
			if g.role != id {
				continue
			}
			switch g.subject {
			case "user":
				r.Users = append(r.Users, g.id)
			case "usergroup":
				r.UserGroups = append(r.UserGroups, g.id)
			default:
				r.Partners = append(r.Partners, g.id)
			}
		}
		if len(r.Users)+len(r.UserGroups)+len(r.Partners) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// roleGrants returns the role holders of a workspace, the user as its
// Admin until they were set.
func (st *state) roleGrants(workspaceID string) []roleGrant {
	a := &st.roleState
	grants, ok := a.roles[workspaceID]
	if !ok {
		grants = []roleGrant{{"3", "user", strconv.FormatInt(st.user.ID, 10)}}
		a.roles[workspaceID] = grants
	}
	return grants
}

// rolesBody lists the roles among ids that someone holds with their
// holders; groupKey is the member name of user groups ("usergroup" in GET
// answers, "group" in PATCH answers).
func rolesBody(grants []roleGrant, ids []string, groupKey string) map[string]any {
	roles := []any{}
	for _, id := range []string{"1", "2", "3", "4", "5", "6", "7"} {
		if !slices.Contains(ids, id) {
			continue
		}
		holders := map[string][]string{}
		for _, g := range grants {
			if g.role == id {
				key := g.subject
				if key == "usergroup" {
					key = groupKey
				}
				holders[key] = append(holders[key], g.id)
			}
		}
		role := map[string]any{"id": id, "displayName": roleNames[id]}
		for k, v := range holders {
			role[k] = v
		}
		if len(holders) > 0 {
			roles = append(roles, role)
		}
	}
	return map[string]any{"roles": roles}
}

func (s *Server) listAvailableRoles(w http.ResponseWriter, _ *http.Request) {
	def := func(ids ...string) []any {
		var out []any
		for _, id := range ids {
			out = append(out, map[string]any{"id": id, "displayName": roleNames[id]})
		}
		return out
	}
	writeJSON(w, http.StatusOK, map[string]any{"roles": map[string]any{"user": def("3", "2", "1"),
		"usergroup": def("3", "2", "1"), "partner": def("7", "6", "5", "4")}})
}

func rolesProblem(w http.ResponseWriter, status int, detail string) {
	switch status {
	case http.StatusNotFound:
		writeProblem(w, status, map[string]any{"type": "https://api.postman.com/problems/not-found",
			"title": "Not Found", "status": status, "detail": detail})
	case http.StatusUnprocessableEntity:
		writeJSON(w, status, map[string]any{"link": "https://api.postman.com/problems/unprocessable-entity",
			"title": "Cannot process the request.", "status": status, "detail": detail})
	default:
		writeJSON(w, status, map[string]any{"type": "https://api.postman.com/problems/bad-request",
			"title": "Invalid Request.", "status": status, "detail": detail})
	}
}

func (s *Server) getWorkspaceRoles(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		rolesProblem(w, http.StatusNotFound, "The requested resource was not found.")
		return
	}
	writeJSON(w, http.StatusOK, rolesBody(s.state.roleGrants(ws.ID), []string{"1", "2", "3", "4", "5", "6", "7"}, "usergroup"))
}

// updateWorkspaceRoles applies a JSON Patch of role operations with
// Postman's rules: at most 50 operations; one action per holder (a
// partner's role changes with an add and a remove); users and partners
// never in the same request; existing roles; SCIM IDs only for
// provisioned SCIM users and groups; no roles in personal workspaces. It
// answers the roles it changed.
func (s *Server) updateWorkspaceRoles(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Roles []struct {
			Op    string `json:"op"`
			Path  string `json:"path"`
			Value []struct {
				ID   string `json:"id"`
				Role string `json:"role"`
			} `json:"value"`
		} `json:"roles"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	scim := r.Header.Get("identifierType") == "scim"
	invalid := func(title string) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"type": "invalidParamError", "title": title, "detail": "", "status": 400})
	}
	if len(body.Roles) == 0 || len(body.Roles) > 50 {
		invalid("body.roles should have between 1 and 50 items")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		rolesProblem(w, http.StatusNotFound, "The requested resource was not found.")
		return
	}
	if ws.Type == "personal" {
		rolesProblem(w, http.StatusUnprocessableEntity, "Roles are not supported for personal workspaces.")
		return
	}
	subjects := map[string]bool{}
	seen := map[string]bool{}
	for i, op := range body.Roles {
		at := "body.roles[" + strconv.Itoa(i) + "]"
		switch {
		case op.Op == "":
			invalid(at + " should have required property 'op'")
			return
		case op.Op != "add" && op.Op != "remove":
			invalid(at + ".op should be equal to one of the allowed values")
			return
		case op.Path != "/user" && op.Path != "/usergroup" && op.Path != "/partner":
			invalid(at + ".path should be equal to one of the allowed values")
			return
		case len(op.Value) == 0:
			invalid(at + ".value should NOT have fewer than 1 items")
			return
		}
		subject := op.Path[1:]
		subjects[subject] = true
		for _, v := range op.Value {
			partnerRole := v.Role >= "4" && v.Role <= "7"
			// A partner's role changes with one add and one remove of it.
			key := subject + "/" + v.ID
			if subject == "partner" {
				key += "/" + op.Op
			}
			switch {
			case roleNames[v.Role] == "" || partnerRole != (subject == "partner"):
				rolesProblem(w, http.StatusBadRequest, "Role "+strconv.Quote(v.Role)+" is invalid for "+subject+".")
				return
			case seen[key]:
				rolesProblem(w, http.StatusBadRequest, "Only one action is allowed per "+subject+".")
				return
			case scim && subject == "partner":
				rolesProblem(w, http.StatusBadRequest, "Partners have no SCIM IDs.")
				return
			case scim && !s.state.isSCIM(subject, v.ID):
				rolesProblem(w, http.StatusNotFound, "The requested resource was not found.")
				return
			}
			seen[key] = true
		}
	}
	if subjects["partner"] && (subjects["user"] || subjects["usergroup"]) {
		rolesProblem(w, http.StatusBadRequest, "Only one of user or partner roles can be modified at a time.")
		return
	}
	grants := slices.Clone(s.state.roleGrants(ws.ID))
	var changed []string
	for _, op := range body.Roles {
		for _, v := range op.Value {
			g := roleGrant{v.Role, op.Path[1:], v.ID}
			if op.Op == "add" && !slices.Contains(grants, g) {
				grants = append(grants, g)
			}
			if op.Op == "remove" {
				grants = slices.DeleteFunc(grants, func(o roleGrant) bool { return o == g })
			}
			changed = append(changed, v.Role)
		}
	}
	s.state.roles[ws.ID] = grants
	writeJSON(w, http.StatusOK, rolesBody(grants, changed, "group"))
}

// isSCIM reports whether id is a provisioned SCIM user (subject "user") or
// group ("usergroup").
func (st *state) isSCIM(subject, id string) bool {
	if subject == "user" {
		return slices.ContainsFunc(st.scimUsers, func(u *SCIMUser) bool { return u.ID == id })
	}
	return slices.ContainsFunc(st.scimGroups, func(g *SCIMGroup) bool { return g.ID == id })
}
