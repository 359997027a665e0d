package postmantest

import "net/http"

func (s *Server) routeUsers() {
	s.mux.HandleFunc("GET /me", s.getMe)
}

// User is the authenticated user of the fake API, with the team's monthly
// usage that GET /me reports.
type User struct {
	ID       int64
	Username string
	Email    string
	FullName string
	TeamID   int64
	TeamName string
	// APICallLimit and APICallsUsed are the api_usage operation of /me.
	APICallLimit int
	APICallsUsed int
}

func defaultUser() User {
	return User{ID: 12345678, Username: "taylor-lee", Email: "taylor.lee@example.com", FullName: "Taylor Lee",
		TeamID: 123, TeamName: "Test Team", APICallLimit: 1000000, APICallsUsed: 10788}
}

func (s *Server) getMe(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	u := s.state.user
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"user": map[string]any{
			"id": u.ID, "username": u.Username, "email": u.Email, "fullName": u.FullName,
			"avatar": nil, "isPublic": false, "emailVerified": true,
			"teamId": u.TeamID, "teamName": u.TeamName, "teamDomain": "test-team", "roles": []string{"user"},
		},
		"operations": []map[string]any{
			{"name": "api_usage", "limit": u.APICallLimit, "usage": u.APICallsUsed, "overage": 0},
			{"name": "mock_usage", "limit": 1000000, "usage": 0, "overage": 0},
			{"name": "monitor_request_runs", "limit": 1000000, "usage": 0, "overage": 0},
		},
	})
}
