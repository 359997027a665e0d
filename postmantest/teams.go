package postmantest

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// teamState is the organization's teams and the requests for access to
// them; teamSeq is the last team or access request ID given out.
type teamState struct {
	teams          []*Team
	accessRequests []*TeamAccessRequest
	teamSeq        int64
}

func newTeamState(u User) teamState { return teamState{teams: defaultTeams(u), teamSeq: 1000} }

func (s *Server) routeTeams() {
	s.mux.HandleFunc("GET /teams", s.listTeams)
	s.mux.HandleFunc("POST /teams", s.createTeam)
	s.mux.HandleFunc("GET /teams/{teamId}", s.getTeam)
	s.mux.HandleFunc("GET /teams/{teamId}/settings", s.getTeamSettings)
	s.mux.HandleFunc("PUT /teams/{teamId}/settings", s.updateTeamSettings)
	s.mux.HandleFunc("POST /teams/{teamId}/bulk-members", s.updateTeamMembers)
	s.mux.HandleFunc("DELETE /teams/{teamId}/bulk-members", s.removeTeamMembers)
	s.mux.HandleFunc("GET /teams/{teamId}/access-requests", s.listAccessRequests)
	s.mux.HandleFunc("POST /teams/{teamId}/access-requests", s.createAccessRequest)
	s.mux.HandleFunc("POST /teams/{teamId}/access-requests/{requestId}", s.respondToAccessRequest)
}

// Team is a team of the organization stored by the fake API. A new server
// has the user's team (User.TeamID and TeamName) with the user as its
// TEAM_MANAGER.
type Team struct {
	// ID is given out by AddTeam when zero.
	ID          int64
	Name        string
	Handle      string
	Description string
	// OrganizationID defaults to 1.
	OrganizationID int64
	Disabled       bool
	// ApproveNewMembers and ApproveCollaborators are the team's settings
	// rfa_for_add_member and rfa_for_add_collaborator (enabled when true).
	ApproveNewMembers    bool
	ApproveCollaborators bool
	// Members are the users, groups, teams and organizations with a role
	// in the team.
	Members   []TeamMember
	CreatedAt time.Time
}

// TeamMember is a user, group ("group"), team or organization with a role
// in a team.
type TeamMember struct {
	// EntityType is "user", "group", "team" or "organization".
	EntityType string
	// EntityID is a Postman ID, or a SCIM ID for those added with SCIM IDs.
	EntityID string
	// Role is e.g. TEAM_MANAGER, TEAM_DEVELOPER or TEAM_GUEST_VIEWER.
	Role string
}

// TeamAccessRequest is a request for access to a team.
type TeamAccessRequest struct {
	// ID is given out by AddTeamAccessRequest when zero.
	ID int64
	// Role is the team role asked for.
	Role string
	// RequestType is REQUEST_TO_ADD_MEMBERS (the default),
	// REQUEST_TO_JOIN or UPGRADE_ROLE.
	RequestType string
	Reason      string
	// EntityType and EntityID name who would get the role (default: a
	// user, CreatedBy).
	EntityType string
	EntityID   string
	// CreatedBy is the requester's user ID (default: the server's user).
	CreatedBy int64
	// Status is Requested until the request is approved (Accepted) or
	// denied (Denied).
	Status    string
	CreatedAt time.Time
	teamID    int64
}

func defaultTeams(u User) []*Team {
	if u.TeamID == 0 {
		return nil
	}
	return []*Team{{ID: u.TeamID, Name: u.TeamName, Handle: "test-team", OrganizationID: 1, CreatedAt: time.Now().UTC(),
		Members: []TeamMember{{"user", strconv.FormatInt(u.ID, 10), "TEAM_MANAGER"}}}}
}

// AddTeam stores a team of the organization and returns its ID.
func (s *Server) AddTeam(t Team) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.teamState
	if t.ID == 0 {
		t.ID = a.nextTeamSeq()
	}
	if t.OrganizationID == 0 {
		t.OrganizationID = 1
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now().UTC()
	}
	t.Members = slices.Clone(t.Members)
	a.teams = append(a.teams, &t)
	return t.ID
}

// Teams returns a copy of the stored teams with their members.
func (s *Server) Teams() []Team {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Team
	for _, t := range s.state.teams {
		c := *t
		c.Members = slices.Clone(t.Members)
		out = append(out, c)
	}
	return out
}

// AddTeamAccessRequest stores a pending request for access to a team and
// returns its ID, or 0 when there is no such team.
func (s *Server) AddTeamAccessRequest(teamID int64, req TeamAccessRequest) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.teamState
	if a.team(strconv.FormatInt(teamID, 10)) == nil {
		return 0
	}
	if req.ID == 0 {
		req.ID = a.nextTeamSeq()
	}
	if req.RequestType == "" {
		req.RequestType = "REQUEST_TO_ADD_MEMBERS"
	}
	if req.CreatedBy == 0 {
		req.CreatedBy = s.state.user.ID
	}
	if req.EntityType == "" {
		req.EntityType, req.EntityID = "user", strconv.FormatInt(req.CreatedBy, 10)
	}
	if req.Status == "" {
		req.Status = "Requested"
	}
	if req.CreatedAt.IsZero() {
		req.CreatedAt = time.Now().UTC()
	}
	req.teamID = teamID
	a.accessRequests = append(a.accessRequests, &req)
	return req.ID
}

// TeamAccessRequests returns the access requests of a team, decided or not.
func (s *Server) TeamAccessRequests(teamID int64) []TeamAccessRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []TeamAccessRequest
	for _, r := range s.state.accessRequests {
		if r.teamID == teamID {
			out = append(out, *r)
		}
	}
	return out
}

// nextTeamSeq gives out the next numeric ID of teams and access requests.
func (a *teamState) nextTeamSeq() int64 {
	a.teamSeq++
	return a.teamSeq
}

func (a *teamState) team(id string) *Team {
	for _, t := range a.teams {
		if strconv.FormatInt(t.ID, 10) == id {
			return t
		}
	}
	return nil
}

// role returns the role of an entity in the team and its index, -1 if it
// has none.
func (t *Team) role(entityType, id string) (string, int) {
	for i, m := range t.Members {
		if m.EntityType == entityType && m.EntityID == id {
			return m.Role, i
		}
	}
	return "", -1
}

// setRole gives an entity a role in the team ("" removes it) and returns
// the role it had.
func (t *Team) setRole(entityType, id, role string) string {
	prev, i := t.role(entityType, id)
	switch {
	case i < 0 && role != "":
		t.Members = append(t.Members, TeamMember{entityType, id, role})
	case i >= 0 && role == "":
		t.Members = slices.Delete(t.Members, i, i+1)
	case i >= 0:
		t.Members[i].Role = role
	}
	return prev
}

// entityID writes a Postman ID as a JSON number and a SCIM ID as a string.
func entityID(id string) any {
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		return n
	}
	return id
}

// teamProblem answers the Teams API's problem body, whose detail is a
// string or an {"error":{"name","message"}} object.
func teamProblem(w http.ResponseWriter, r *http.Request, status int, detail any) {
	typ, title := "https://api.postman.com/problems/bad-request", "Bad Request"
	if status == http.StatusNotFound {
		typ, title = "https://api.postman.com/problems/not-found", "Not Found"
	}
	writeProblem(w, status, map[string]any{"type": typ, "status": status, "title": title, "detail": detail, "instance": r.URL.Path})
}

// teamOf finds the team of the path or answers Postman's 404; the caller
// holds the lock.
func (s *Server) teamOf(w http.ResponseWriter, r *http.Request) *Team {
	t := s.state.team(r.PathValue("teamId"))
	if t == nil {
		teamProblem(w, r, http.StatusNotFound, map[string]any{"error": map[string]any{"name": "EntityNotFound", "message": "No team found with the id provided"}})
	}
	return t
}

// teamPage reads the cursor and limit (default 50, at most 100) of a
// Teams list, answering 400 for bad ones.
func teamPage(w http.ResponseWriter, r *http.Request) (cursorPage, bool) {
	page, bad := readPage(r.URL.Query(), 50, 100)
	if bad != "" {
		teamProblem(w, r, http.StatusBadRequest, bad)
		return page, false
	}
	return page, true
}

func (s *Server) listTeams(w http.ResponseWriter, r *http.Request) {
	page, ok := teamPage(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	var all []any
	for _, t := range s.state.teams {
		body := s.state.teamBody(t)
		body["memberCount"] = len(t.Members)
		if r.URL.Query().Get("settings") == "true" {
			body["settings"] = t.settings()
		}
		all = append(all, body)
	}
	s.mu.Unlock()
	list, next := pageOf(page, all)
	writeJSON(w, http.StatusOK, map[string]any{"data": list, "metadata": map[string]any{"nextCursor": nextCursor(next)}})
}

// bulkMemberKinds maps the member maps of POST /teams/{id}/bulk-members to
// entity types, in the order results are given.
var bulkMemberKinds = []struct{ key, entityType string }{{"users", "user"}, {"groups", "group"}, {"orgs", "organization"}, {"teams", "team"}}

// updateTeamMembers adds roles (an entity has one role in a team: the
// last one given) and removes them, answering what became of each entity.
func (s *Server) updateTeamMembers(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Add    map[string]map[string][]string `json:"add"`
		Remove map[string]map[string][]string `json:"remove"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.teamOf(w, r)
	if t == nil {
		return
	}
	results := []any{}
	result := func(entityType, id, role, prev, status, reason string) {
		res := map[string]any{"entityType": entityType, "entityId": entityID(id), "role": nullable(role), "previousRole": nullable(prev), "status": status}
		if reason != "" {
			res["reason"] = reason
		}
		results = append(results, res)
	}
	for _, kind := range bulkMemberKinds {
		for _, id := range sortedKeys(body.Add[kind.key]) {
			roles := body.Add[kind.key][id]
			if len(roles) == 0 {
				continue
			}
			role := roles[len(roles)-1]
			if cur, _ := t.role(kind.entityType, id); cur == role {
				result(kind.entityType, id, role, cur, "Skipped", "Entity already has the role")
				continue
			}
			result(kind.entityType, id, role, t.setRole(kind.entityType, id, role), "Accepted", "")
		}
		for _, id := range sortedKeys(body.Remove[kind.key]) {
			cur, _ := t.role(kind.entityType, id)
			if cur == "" || !slices.Contains(body.Remove[kind.key][id], cur) {
				result(kind.entityType, id, cur, cur, "Skipped", "Entity does not have the role")
				continue
			}
			result(kind.entityType, id, "", t.setRole(kind.entityType, id, ""), "Accepted", "")
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": results})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// accessRequestBody is an access request as Postman answers it; full
// adds who it is for.
func accessRequestBody(req *TeamAccessRequest, full bool) map[string]any {
	ts := req.CreatedAt.Format(postmanTime)
	body := map[string]any{"id": req.ID, "requestType": req.RequestType, "reason": req.Reason, "status": req.Status,
		"objectType": "team", "objectId": req.teamID, "createdBy": req.CreatedBy}
	if full {
		body["role"], body["entityType"], body["entityId"] = req.Role, req.EntityType, entityID(req.EntityID)
		body["createdAt"], body["updatedAt"] = ts, ts
	}
	return body
}

// listAccessRequests answers a page of a team's pending access requests.
func (s *Server) listAccessRequests(w http.ResponseWriter, r *http.Request) {
	page, ok := teamPage(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	t := s.teamOf(w, r)
	if t == nil {
		s.mu.Unlock()
		return
	}
	var pending []any
	for _, req := range s.state.accessRequests {
		if req.teamID == t.ID && req.Status == "Requested" {
			pending = append(pending, accessRequestBody(req, true))
		}
	}
	s.mu.Unlock()
	list, next := pageOf(page, pending)
	writeJSON(w, http.StatusOK, map[string]any{"data": list, "metadata": map[string]any{"nextCursor": nextCursor(next)}})
}

// respondToAccessRequest approves (giving the entity the role asked for)
// or denies a pending access request.
func (s *Server) respondToAccessRequest(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Action string `json:"action"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Action != "approve" && body.Action != "deny" {
		teamProblem(w, r, http.StatusBadRequest, "Action must be either approve or deny")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.teamOf(w, r)
	if t == nil {
		return
	}
	var req *TeamAccessRequest
	for _, o := range s.state.accessRequests {
		if o.teamID == t.ID && strconv.FormatInt(o.ID, 10) == r.PathValue("requestId") && o.Status == "Requested" {
			req = o
		}
	}
	if req == nil {
		teamProblem(w, r, http.StatusNotFound, map[string]any{"error": map[string]any{"name": "EntityNotFound", "message": "Access request not found or already processed."}})
		return
	}
	result := map[string]any{"entityType": req.EntityType, "entityId": entityID(req.EntityID), "role": req.Role}
	if body.Action == "approve" {
		req.Status = "Accepted"
		result["previousRole"] = nullable(t.setRole(req.EntityType, req.EntityID, req.Role))
	} else {
		req.Status = "Denied"
	}
	result["status"] = req.Status
	result["accessRequest"] = accessRequestBody(req, false)
	writeJSON(w, http.StatusOK, map[string]any{"result": result})
}

// teamBody is a team as Postman answers it.
func (st *state) teamBody(t *Team) map[string]any {
	ts := t.CreatedAt.Format(postmanTime)
	body := map[string]any{"id": t.ID, "name": t.Name, "handle": t.Handle, "organizationId": t.OrganizationID,
		"createdBy": st.user.ID, "enabled": !t.Disabled, "createdAt": ts, "updatedAt": ts}
	if t.Description != "" {
		body["description"] = t.Description
	}
	return body
}

// getTeam answers a team; include=members adds who has a role in it.
func (s *Server) getTeam(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.teamOf(w, r)
	if t == nil {
		return
	}
	body := s.state.teamBody(t)
	if r.URL.Query().Get("include") == "members" {
		members := []any{}
		for _, m := range t.Members {
			members = append(members, map[string]any{"entityType": m.EntityType, "entityId": entityID(m.EntityID), "role": m.Role})
		}
		body["members"] = members
	}
	writeJSON(w, http.StatusOK, map[string]any{"team": body})
}

var teamName = regexp.MustCompile(`^[A-Za-z0-9 ]+$`)

// createTeam creates a team named with letters, digits and spaces, unique
// in the organization, with the user as its manager.
func (s *Server) createTeam(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name        string `json:"name"`
		Description string `json:"description"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	invalid := func(message string) {
		teamProblem(w, r, http.StatusBadRequest, map[string]any{"error": map[string]any{"name": "InvalidParams", "message": message}})
	}
	if !teamName.MatchString(body.Name) {
		invalid("Only alphanumeric characters and spaces are allowed in the name")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.teamState
	if slices.ContainsFunc(a.teams, func(t *Team) bool { return strings.EqualFold(t.Name, body.Name) }) {
		invalid("This name is already taken in the organization. Please choose another.")
		return
	}
	t := &Team{ID: a.nextTeamSeq(), Name: body.Name, Description: body.Description, OrganizationID: 1, CreatedAt: time.Now().UTC(),
		Handle:  strings.ToLower(strings.Join(strings.Fields(body.Name), "-")),
		Members: []TeamMember{{"user", strconv.FormatInt(s.state.user.ID, 10), "TEAM_MANAGER"}}}
	a.teams = append(a.teams, t)
	writeJSON(w, http.StatusOK, map[string]any{"team": s.state.teamBody(t)})
}

// removeTeamMembers removes entities from a team, all or none: entities
// that are not members fail the call with a 400 naming them.
func (s *Server) removeTeamMembers(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Entities []struct {
			EntityType string `json:"entityType"`
			EntityID   any    `json:"entityId"`
		} `json:"entities"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.teamOf(w, r)
	if t == nil {
		return
	}
	missing := map[string][]string{}
	for _, e := range body.Entities {
		if _, i := t.role(e.EntityType, fmt.Sprint(e.EntityID)); i < 0 {
			missing[e.EntityType] = append(missing[e.EntityType], fmt.Sprint(e.EntityID))
		}
	}
	if len(missing) > 0 {
		var parts []string
		for _, kind := range []string{"user", "group", "team", "organization"} {
			if ids := missing[kind]; len(ids) > 0 {
				parts = append(parts, kind+"s - "+strings.Join(ids, ","))
			}
		}
		teamProblem(w, r, http.StatusBadRequest, map[string]any{"error": map[string]any{"name": "InvalidParams",
			"message": "Entities are not part of team : " + strings.Join(parts, ", ")}})
		return
	}
	for _, e := range body.Entities {
		t.setRole(e.EntityType, fmt.Sprint(e.EntityID), "")
	}
	w.WriteHeader(http.StatusNoContent)
}

// createAccessRequest records a pending request for each entity, skipping
// those that already have the role or a pending request.
func (s *Server) createAccessRequest(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Entities []struct {
			EntityType string `json:"entityType"`
			EntityID   any    `json:"entityId"`
		} `json:"entityList"`
		Role        string `json:"role"`
		Reason      string `json:"reason"`
		RequestType string `json:"requestType"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.teamOf(w, r)
	if t == nil {
		return
	}
	a := &s.state.teamState
	results := []any{}
	for _, e := range body.Entities {
		id := fmt.Sprint(e.EntityID)
		res := map[string]any{"entityType": e.EntityType, "entityId": entityID(id), "role": body.Role}
		cur, _ := t.role(e.EntityType, id)
		pending := slices.ContainsFunc(a.accessRequests, func(o *TeamAccessRequest) bool {
			return o.teamID == t.ID && o.Status == "Requested" && o.EntityType == e.EntityType && o.EntityID == id
		})
		switch {
		case cur == body.Role:
			res["status"], res["reason"] = "Skipped", "Entity has this role"
		case pending:
			res["status"], res["reason"], res["previousRole"] = "Skipped", "RFA already exists for this entity", nullable(cur)
		default:
			a.accessRequests = append(a.accessRequests, &TeamAccessRequest{ID: a.nextTeamSeq(), Role: body.Role, RequestType: body.RequestType,
				Reason: body.Reason, EntityType: e.EntityType, EntityID: id, CreatedBy: s.state.user.ID, Status: "Requested",
				CreatedAt: time.Now().UTC(), teamID: t.ID})
			res["status"], res["previousRole"] = "Accepted", nullable(cur)
		}
		results = append(results, res)
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": results})
}

func settingState(on bool) string {
	if on {
		return "enabled"
	}
	return "disabled"
}

func (t *Team) settings() map[string]any {
	return map[string]any{"rfa_for_add_member": settingState(t.ApproveNewMembers), "rfa_for_add_collaborator": settingState(t.ApproveCollaborators)}
}

func (s *Server) getTeamSettings(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.teamOf(w, r); t != nil {
		writeJSON(w, http.StatusOK, map[string]any{"settings": t.settings()})
	}
}

// updateTeamSettings changes the settings the body names; "enabled" and
// "disabled" are the only values.
func (s *Server) updateTeamSettings(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Settings map[string]string `json:"settings"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	for name, v := range body.Settings {
		if (name != "rfa_for_add_member" && name != "rfa_for_add_collaborator") || (v != "enabled" && v != "disabled") {
			teamProblem(w, r, http.StatusBadRequest, map[string]any{"error": map[string]any{"name": "InvalidParams",
				"message": "Invalid setting " + name + ": " + strconv.Quote(v)}})
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.teamOf(w, r)
	if t == nil {
		return
	}
	if v, ok := body.Settings["rfa_for_add_member"]; ok {
		t.ApproveNewMembers = v == "enabled"
	}
	if v, ok := body.Settings["rfa_for_add_collaborator"]; ok {
		t.ApproveCollaborators = v == "enabled"
	}
	writeJSON(w, http.StatusOK, map[string]any{"settings": t.settings()})
}
