package postman

import (
	"context"
	"net/http"
)

// UsersService is the Users area: the authenticated user with the team's
// monthly usage (/me), and the team's users (/users).
type UsersService service

// Me is the answer of GET /me: who the API key belongs to and how much of
// the team's monthly allowances is used.
type Me struct {
	User AuthenticatedUser `json:"user"`
	// Operations are the team's metered operations with their monthly
	// limits and usage. Postman omits them for Guest and Partner users.
	Operations []UsageOperation `json:"operations,omitempty"`
}

// AuthenticatedUser is the user an API key belongs to.
type AuthenticatedUser struct {
	ID            int64   `json:"id"`
	Sub           string  `json:"sub,omitempty"`
	Username      string  `json:"username"`
	Email         string  `json:"email,omitempty"`
	FullName      string  `json:"fullName,omitempty"`
	Avatar        *string `json:"avatar,omitempty"`
	IsPublic      bool    `json:"isPublic"`
	EmailVerified bool    `json:"emailVerified"`
	// TeamID is 0 when the user is on no team.
	TeamID     int64    `json:"teamId"`
	TeamName   string   `json:"teamName,omitempty"`
	TeamDomain string   `json:"teamDomain,omitempty"`
	Roles      []string `json:"roles,omitempty"`
	// FlowCount is only returned for users on Free plans.
	FlowCount *int64 `json:"flow_count,omitempty"`
}

// UsageOperation is one metered operation of the team with its monthly
// limit, usage and overage. Some values are fractional (storage in GB).
type UsageOperation struct {
	Name    string  `json:"name"`
	Limit   float64 `json:"limit"`
	Usage   float64 `json:"usage"`
	Overage float64 `json:"overage"`
}

// Remaining is what is left of the operation's limit this month (never
// negative).
func (o UsageOperation) Remaining() float64 { return max(0, o.Limit-o.Usage) }

// Names of UsageOperation that tools most often check.
const (
	// UsageAPICalls counts Postman API calls (the quota behind ErrQuotaExhausted).
	UsageAPICalls = "api_usage"
	// UsageMockCalls counts calls to mock servers.
	UsageMockCalls = "mock_usage"
	// UsageMonitorRuns counts monitor request runs.
	UsageMonitorRuns = "monitor_request_runs"
	// UsageCollectionRuns counts collection runs.
	UsageCollectionRuns = "collection_run_limit"
)

// Operation returns the usage of the named operation (see the Usage…
// constants), and false when Postman did not report it.
func (m *Me) Operation(name string) (UsageOperation, bool) {
	for _, op := range m.Operations {
		if op.Name == name {
			return op, true
		}
	}
	return UsageOperation{}, false
}

// APICallsRemaining returns how many Postman API calls the team has left
// this month, and false when Postman did not report the api_usage operation.
func (m *Me) APICallsRemaining() (float64, bool) {
	op, ok := m.Operation(UsageAPICalls)
	return op.Remaining(), ok
}

// GetMe returns the authenticated user and the team's monthly usage.
//
//postman:operation GET /me
func (s *UsersService) GetMe(ctx context.Context) (*Me, *Response, error) {
	me := new(Me)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/me"}, me)
	if err != nil {
		return nil, resp, err
	}
	return me, resp, nil
}

// TeamUser is a user of the team.
type TeamUser struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Username string    `json:"username"`
	Email    string    `json:"email,omitempty"`
	Roles    []string  `json:"roles,omitempty"`
	JoinedAt Timestamp `json:"joinedAt,omitzero"`
}

// UserListOptions filters List.
type UserListOptions struct {
	// GroupID keeps only the members of a user group.
	GroupID string `url:"groupId,omitempty"`
}

// List returns the users of the team.
//
//postman:operation GET /users
func (s *UsersService) List(ctx context.Context, opts *UserListOptions) ([]*TeamUser, *Response, error) {
	var root struct {
		Data []*TeamUser `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/users", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}

// Get returns a user of the team by ID.
//
//postman:operation GET /users/{userId}
func (s *UsersService) Get(ctx context.Context, userID string) (*TeamUser, *Response, error) {
	path, err := pathf("/users/{userID}", userID)
	if err != nil {
		return nil, nil, err
	}
	user := new(TeamUser)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, user)
	if err != nil {
		return nil, resp, err
	}
	return user, resp, nil
}
