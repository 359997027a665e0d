package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// groupState is the team's user groups; groupSeq is the last group ID
// given out.
type groupState struct {
	groups   []*Group
	groupSeq int64
}

func newGroupState() groupState { return groupState{groupSeq: 100} }

func (s *Server) routeGroups() {
	s.mux.HandleFunc("GET /groups", s.listGroups)
	s.mux.HandleFunc("GET /groups/{groupId}", s.getGroup)
}

// Group is a user group of the team stored by the fake API.
type Group struct {
	// ID is given out by AddGroup when zero.
	ID      int64
	Name    string
	Summary string
	// Members and Managers are user IDs.
	Members  []int64
	Managers []int64
	// Roles are the group's team roles; AddGroup makes them ["user"] when
	// empty.
	Roles     []string
	CreatedAt time.Time
}

// AddGroup stores a user group of the team and returns its ID. CreatedAt
// defaults to now.
func (s *Server) AddGroup(g Group) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.groupState
	if g.ID == 0 {
		a.groupSeq++
		g.ID = a.groupSeq
	}
	if len(g.Roles) == 0 {
		g.Roles = []string{"user"}
	}
	if g.CreatedAt.IsZero() {
		g.CreatedAt = time.Now().UTC()
	}
	g.Members, g.Managers, g.Roles = slices.Clone(g.Members), slices.Clone(g.Managers), slices.Clone(g.Roles)
	a.groups = append(a.groups, &g)
	return g.ID
}

// Groups returns a copy of the stored user groups, in the order they were
// added.
func (s *Server) Groups() []Group {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Group
	for _, g := range s.state.groups {
		c := *g
		c.Members, c.Managers, c.Roles = slices.Clone(g.Members), slices.Clone(g.Managers), slices.Clone(g.Roles)
		out = append(out, c)
	}
	return out
}

// groupBody is a group as Postman answers it; GET /groups/{id} adds the
// managers.
func (st *state) groupBody(g *Group, managers bool) map[string]any {
	members := g.Members
	if members == nil {
		members = []int64{}
	}
	body := map[string]any{"id": g.ID, "teamId": st.user.TeamID, "name": g.Name, "summary": g.Summary,
		"createdBy": st.user.ID, "createdAt": g.CreatedAt.Format(postmanTime), "updatedAt": g.CreatedAt.Format(postmanTime),
		"members": members, "roles": g.Roles}
	if managers {
		list := g.Managers
		if list == nil {
			list = []int64{}
		}
		body["managers"] = list
	}
	return body
}

func (s *Server) listGroups(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data := []any{}
	for _, g := range s.state.groups {
		data = append(data, s.state.groupBody(g, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

func (s *Server) getGroup(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("groupId"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.state.groups {
		if err == nil && g.ID == id {
			writeJSON(w, http.StatusOK, s.state.groupBody(g, true))
			return
		}
	}
	writeProblem(w, http.StatusNotFound, map[string]any{"type": "https://api.postman.com/problems/not-found",
		"title": "Not Found", "status": 404, "detail": "The requested resource was not found."})
}
