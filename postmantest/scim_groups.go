package postmantest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// scimGroupState is the SCIM groups, in creation order.
type scimGroupState struct {
	scimGroups []*SCIMGroup
}

func (s *Server) routeSCIMGroups() {
	s.mux.HandleFunc("GET /scim/v2/Groups", s.listSCIMGroups)
	s.mux.HandleFunc("POST /scim/v2/Groups", s.createSCIMGroup)
	s.mux.HandleFunc("GET /scim/v2/Groups/{groupId}", s.getSCIMGroup)
	s.mux.HandleFunc("PATCH /scim/v2/Groups/{groupId}", s.patchSCIMGroup)
	s.mux.HandleFunc("DELETE /scim/v2/Groups/{groupId}", s.deleteSCIMGroup)
}

// SCIMGroup is a user group provisioned over SCIM in the fake API.
type SCIMGroup struct {
	ID          string
	DisplayName string
	ExternalID  string
	// Members are the SCIM IDs of the group's users (see AddSCIMUser).
	Members      []string
	Created      time.Time
	LastModified time.Time
}

// AddSCIMGroup stores g (an ID is generated when empty) and returns its
// ID. Members that are not provisioned users are kept as given.
func (s *Server) AddSCIMGroup(g SCIMGroup) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addSCIMGroup(g).ID
}

// SCIMGroups returns the provisioned groups, oldest first.
func (s *Server) SCIMGroups() []SCIMGroup {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SCIMGroup, len(s.state.scimGroups))
	for i, g := range s.state.scimGroups {
		out[i] = *g
		out[i].Members = slices.Clone(g.Members)
	}
	return out
}

func (st *state) addSCIMGroup(g SCIMGroup) *SCIMGroup {
	if g.ID == "" {
		g.ID = strings.ReplaceAll(newID(), "-", "")
	}
	if g.Created.IsZero() {
		g.Created = time.Now().UTC()
	}
	if g.LastModified.IsZero() {
		g.LastModified = g.Created
	}
	g.Members = slices.Clone(g.Members)
	st.scimGroups = append(st.scimGroups, &g)
	return &g
}

// scimGroupResource is the SCIM resource of a group; members are shown
// with the display name of their user. The caller holds the lock.
func (st *state) scimGroupResource(g *SCIMGroup) map[string]any {
	members := []any{}
	for _, id := range g.Members {
		m := map[string]any{"value": id}
		if u := st.scimUserByID(id); u != nil {
			m["display"] = strings.TrimSpace(u.GivenName + " " + u.FamilyName)
		}
		members = append(members, m)
	}
	return map[string]any{
		"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:Group"},
		"id":      g.ID, "displayName": g.DisplayName, "externalId": g.ExternalID, "members": members,
		"meta": map[string]any{"resourceType": "Group", "created": g.Created.Format(time.RFC3339),
			"lastModified": g.LastModified.Format(time.RFC3339)},
	}
}

func (st *state) scimUserByID(id string) *SCIMUser {
	for _, u := range st.scimUsers {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// scimGroup finds a group, or answers SCIM's 404. The caller holds the lock.
func (s *Server) scimGroup(w http.ResponseWriter, id string) *SCIMGroup {
	for _, g := range s.state.scimGroups {
		if g.ID == id {
			return g
		}
	}
	scimError(w, http.StatusNotFound, "", "This group isn't a member of the team.")
	return nil
}

// decodeSCIM decodes a SCIM request body, answering SCIM's invalidSyntax
// error when it is not JSON.
func decodeSCIM(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		scimError(w, http.StatusBadRequest, "invalidSyntax", "The request body seems to be incomplete or have unsupported characters.")
		return false
	}
	return true
}

// scimMember is a member in a group request.
type scimMember struct {
	Value string `json:"value"`
}

// memberIDs returns the SCIM user IDs of members, answering 400 when one
// is not a provisioned user. The caller holds the lock.
func (s *Server) memberIDs(w http.ResponseWriter, members []scimMember) ([]string, bool) {
	ids := []string{}
	for _, m := range members {
		if s.state.scimUserByID(m.Value) == nil {
			scimError(w, http.StatusBadRequest, "invalidValue", "The user "+m.Value+" is not provisioned in the team.")
			return nil, false
		}
		ids = append(ids, m.Value)
	}
	return ids, true
}

// listSCIMGroups answers a page of the groups, 1-based as SCIM pages;
// Postman supports the displayName eq "…" filter only.
func (s *Server) listSCIMGroups(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	start, count := scimPage(q)
	name, filtered := "", false
	if f := q.Get("filter"); f != "" {
		v, ok := strings.CutPrefix(f, "displayName eq ")
		if !ok {
			scimError(w, http.StatusBadRequest, "", "You've used filter(s) that Postman doesn't support.")
			return
		}
		name, filtered = strings.Trim(v, `"`), true
	}
	s.mu.Lock()
	var matched []map[string]any
	for _, g := range s.state.scimGroups {
		// Filter values are case-sensitive.
		if !filtered || g.DisplayName == name {
			matched = append(matched, s.state.scimGroupResource(g))
		}
	}
	s.mu.Unlock()
	writeSCIMList(w, matched, start, count)
}

func (s *Server) createSCIMGroup(w http.ResponseWriter, r *http.Request) {
	var body struct {
		DisplayName string       `json:"displayName"`
		ExternalID  string       `json:"externalId"`
		Members     []scimMember `json:"members"`
	}
	if !decodeSCIM(w, r, &body) {
		return
	}
	if body.DisplayName == "" {
		scimError(w, http.StatusBadRequest, "invalidSyntax", "displayName is required.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.state.scimGroups {
		if g.DisplayName == body.DisplayName {
			scimError(w, http.StatusConflict, "uniqueness", "A group with this name already exists.")
			return
		}
	}
	members, ok := s.memberIDs(w, body.Members)
	if !ok {
		return
	}
	g := s.state.addSCIMGroup(SCIMGroup{DisplayName: body.DisplayName, ExternalID: body.ExternalID, Members: members})
	writeJSON(w, http.StatusCreated, s.state.scimGroupResource(g))
}

func (s *Server) getSCIMGroup(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g := s.scimGroup(w, r.PathValue("groupId")); g != nil {
		writeJSON(w, http.StatusOK, s.state.scimGroupResource(g))
	}
}

// patchSCIMGroup applies a SCIM PatchOp: replace renames the group, add
// and remove with path "members" change its members. The operations
// apply all or none.
func (s *Server) patchSCIMGroup(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Operations []struct {
			Op    string          `json:"op"`
			Path  string          `json:"path"`
			Value json.RawMessage `json:"value"`
		} `json:"Operations"`
	}
	if !decodeSCIM(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.scimGroup(w, r.PathValue("groupId"))
	if g == nil {
		return
	}
	next := *g
	next.Members = slices.Clone(g.Members)
	for _, op := range body.Operations {
		switch strings.ToLower(op.Op) + " " + op.Path {
		case "replace ":
			var v struct {
				DisplayName string `json:"displayName"`
			}
			if json.Unmarshal(op.Value, &v) != nil || v.DisplayName == "" {
				scimError(w, http.StatusBadRequest, "invalidSyntax", "A replace operation needs a displayName value.")
				return
			}
			next.DisplayName = v.DisplayName
		case "add members", "remove members":
			var members []scimMember
			if json.Unmarshal(op.Value, &members) != nil {
				scimError(w, http.StatusBadRequest, "invalidSyntax", "The members value must be a list of {\"value\": userId}.")
				return
			}
			ids, ok := s.memberIDs(w, members)
			if !ok {
				return
			}
			for _, id := range ids {
				next.Members = slices.DeleteFunc(next.Members, func(m string) bool { return m == id })
				if strings.EqualFold(op.Op, "add") {
					next.Members = append(next.Members, id)
				}
			}
		default:
			scimError(w, http.StatusBadRequest, "invalidSyntax", "Unsupported operation "+op.Op+" "+op.Path+".")
			return
		}
	}
	next.LastModified = time.Now().UTC()
	*g = next
	writeJSON(w, http.StatusOK, s.state.scimGroupResource(g))
}

// deleteSCIMGroup deletes a group; its users keep their accounts.
func (s *Server) deleteSCIMGroup(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.scimGroup(w, r.PathValue("groupId"))
	if g == nil {
		return
	}
	s.state.scimGroups = slices.DeleteFunc(s.state.scimGroups, func(o *SCIMGroup) bool { return o == g })
	w.WriteHeader(http.StatusNoContent)
}
