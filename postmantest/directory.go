package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// directoryState is the team's users, in the order they were added.
type directoryState struct {
	teamUsers []*TeamUser
}

func newDirectoryState(u User) directoryState { return directoryState{teamUsers: defaultTeamUsers(u)} }

func (s *Server) routeDirectory() {
	s.mux.HandleFunc("GET /users", s.listTeamUsers)
	s.mux.HandleFunc("GET /users/{userId}", s.getTeamUser)
}

// TeamUser is a user of the team in the fake's user directory (GET
// /users). The server's user is in it from the start, as an admin. Users
// provisioned over SCIM are not added: the fake does not link SCIM users
// to Postman users (see WorkspaceRole).
type TeamUser struct {
	// ID is given out by AddTeamUser when zero.
	ID       int64
	Name     string
	Username string
	Email    string
	// Roles are the user's team roles ("admin", "user" …); AddTeamUser
	// makes them ["user"] when empty.
	Roles []string
	// JoinedAt defaults to now.
	JoinedAt time.Time
}

func defaultTeamUsers(u User) []*TeamUser {
	return []*TeamUser{{ID: u.ID, Name: u.FullName, Username: u.Username, Email: u.Email,
		Roles: []string{"admin", "user"}, JoinedAt: time.Now().UTC()}}
}

// AddTeamUser adds a user to the team's directory and returns their ID.
// Put them in user groups with AddGroup's Members.
func (s *Server) AddTeamUser(u TeamUser) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.directoryState
	if u.ID == 0 {
		for _, o := range m.teamUsers {
			u.ID = max(u.ID, o.ID)
		}
		u.ID++
	}
	if len(u.Roles) == 0 {
		u.Roles = []string{"user"}
	}
	u.Roles = slices.Clone(u.Roles)
	if u.JoinedAt.IsZero() {
		u.JoinedAt = time.Now().UTC()
	}
	m.teamUsers = append(m.teamUsers, &u)
	return u.ID
}

// TeamUsers returns the team's directory, in the order users joined it.
func (s *Server) TeamUsers() []TeamUser {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]TeamUser, len(s.state.teamUsers))
	for i, u := range s.state.teamUsers {
		out[i] = *u
		out[i].Roles = slices.Clone(u.Roles)
	}
	return out
}

func (st *state) teamUser(id int64) *TeamUser {
	for _, u := range st.teamUsers {
		if u.ID == id {
			return u
		}
	}
	return nil
}

func (u *TeamUser) body() map[string]any {
	return map[string]any{"id": u.ID, "name": u.Name, "username": u.Username, "email": u.Email,
		"roles": u.Roles, "joinedAt": u.JoinedAt.Format(postmanTime)}
}

// listTeamUsers answers the team's users; groupId keeps the members of a
// user group, and an unknown group gives none (Postman's "No Group
// Found" example answers an empty list, not an error).
func (s *Server) listTeamUsers(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var members []int64
	filter := r.URL.Query().Get("groupId")
	if filter != "" {
		id, _ := strconv.ParseInt(filter, 10, 64)
		for _, g := range s.state.groups {
			if g.ID == id {
				members = g.Members
			}
		}
	}
	data := []any{}
	for _, u := range s.state.teamUsers {
		if filter == "" || slices.Contains(members, u.ID) {
			data = append(data, u.body())
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

func (s *Server) getTeamUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("userId"), 10, 64)
	if err != nil {
		problem(w, http.StatusBadRequest, "bad-request", "Bad Request", "The userId must be a number.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.state.teamUser(id)
	if u == nil {
		problem(w, http.StatusNotFound, "not-found", "Not Found", "The requested resource was not found.")
		return
	}
	writeJSON(w, http.StatusOK, u.body())
}
