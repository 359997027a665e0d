package postman

import (
	"context"
	"encoding/json"
	"net/http"
)

// MocksService is the Mocks area: mock servers, their call logs and server responses.
type MocksService service

// Mock is a mock server: it answers calls with the examples saved in a
// collection.
type Mock struct {
	ID    string `json:"id"`
	UID   string `json:"uid,omitempty"`
	Name  string `json:"name,omitempty"`
	Owner string `json:"owner,omitempty"`
	// Collection is the UID of the collection whose examples the mock serves.
	Collection string `json:"collection,omitempty"`
	// Environment is the UID of the environment the mock resolves variables
	// from, if any.
	Environment string `json:"environment,omitempty"`
	// MockURL is where the mock server answers.
	MockURL string     `json:"mockUrl,omitempty"`
	Config  MockConfig `json:"config"`
	// IsPublic says whether the mock is visible to all users; it does not
	// say whether the mock accepts calls without an API key (see Publish).
	IsPublic bool `json:"isPublic,omitempty"`
	// Deactivated is set when the mock's collection or environment was
	// deleted: the mock no longer answers.
	Deactivated bool      `json:"deactivated,omitempty"`
	CreatedAt   Timestamp `json:"createdAt,omitzero"`
	UpdatedAt   Timestamp `json:"updatedAt,omitzero"`
}

// MockConfig is how a mock server matches calls to saved examples.
type MockConfig struct {
	// Headers are the request headers the mock matches examples on.
	Headers          []string `json:"headers,omitempty"`
	MatchBody        bool     `json:"matchBody"`
	MatchHeader      bool     `json:"matchHeader"`
	MatchQueryParams bool     `json:"matchQueryParams"`
	MatchWildcards   bool     `json:"matchWildcards"`
	// Delay is the simulated network delay; nil when none is set.
	Delay *MockDelay `json:"delay,omitempty"`
	// ServerResponseID is the active server response, which answers every
	// call in place of the examples; "" when none is active.
	ServerResponseID string `json:"serverResponseId,omitempty"`
}

// MockDelay is a mock server's simulated network delay.
type MockDelay struct {
	Type MockDelayType `json:"type,omitempty"`
	// Preset is set for the 2G and 3G presets, empty for a custom delay.
	Preset MockDelayPreset `json:"preset,omitempty"`
	// Duration is the delay in milliseconds.
	Duration int `json:"duration,omitempty"`
}

// MockDelayType is the kind of a simulated delay. Postman may add values.
type MockDelayType string

// Simulated delay kinds.
const (
	MockDelayFixed MockDelayType = "fixed"
)

// MockDelayPreset is a preset network delay of a mock server.
type MockDelayPreset string

// Network delay presets.
const (
	MockDelay2G MockDelayPreset = "1" // 300 ms
	MockDelay3G MockDelayPreset = "2" // 100 ms
)

// MockListOptions filters List. Postman ignores TeamID when Workspace is set.
type MockListOptions struct {
	TeamID    string `url:"teamId,omitempty"`
	Workspace string `url:"workspace,omitempty"`
}

// MockCreateParams describes a new mock server.
type MockCreateParams struct {
	// Collection is the UID of the collection to mock (required).
	Collection  string `json:"collection"`
	Name        string `json:"name,omitempty"`
	Environment string `json:"environment,omitempty"`
	// Private makes the mock accept only calls carrying a Postman API key;
	// Postman's default is a public mock that anyone can call.
	Private bool `json:"private,omitempty"`
}

// MockUpdateParams changes a mock server; nil fields are left as they are.
type MockUpdateParams struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
	// Collection and Environment are UIDs.
	Collection  *string `json:"collection,omitempty"`
	Environment *string `json:"environment,omitempty"`
	Private     *bool   `json:"private,omitempty"`
	// VersionTag is the ID of an API version tag to serve.
	VersionTag *string           `json:"versionTag,omitempty"`
	Config     *MockUpdateConfig `json:"config,omitempty"`
}

// MockUpdateConfig changes a mock server's configuration.
type MockUpdateConfig struct {
	// ServerResponseID activates a server response, which then answers
	// every call; "" deactivates the active one (Postman expects null).
	ServerResponseID string
}

// MarshalJSON sends an empty ServerResponseID as null, the value Postman
// takes as "deactivate".
func (c MockUpdateConfig) MarshalJSON() ([]byte, error) {
	var id *string
	if c.ServerResponseID != "" {
		id = &c.ServerResponseID
	}
	return json.Marshal(struct {
		ServerResponseID *string `json:"serverResponseId"`
	}{id})
}

// mockWorkspaceQuery is the required workspace of a new mock, monitor or
// webhook.
type mockWorkspaceQuery struct {
	Workspace string `url:"workspace"`
}

// mockRoot is Postman's envelope around one mock.
type mockRoot struct {
	Mock *Mock `json:"mock"`
}

// List returns the active mock servers: by default those the user created,
// across all workspaces.
//
//postman:operation GET /mocks
func (s *MocksService) List(ctx context.Context, opts *MockListOptions) ([]*Mock, *Response, error) {
	var root struct {
		Mocks []*Mock `json:"mocks"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/mocks", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Mocks, resp, nil
}

// Get returns a mock server.
//
//postman:operation GET /mocks/{mockId}
func (s *MocksService) Get(ctx context.Context, mockID string) (*Mock, *Response, error) {
	return s.mockCall(ctx, http.MethodGet, mockID, nil)
}

// Create creates a mock server of a collection in a workspace. Collections
// that belong to an API definition cannot be mocked.
//
//postman:operation POST /mocks
func (s *MocksService) Create(ctx context.Context, workspaceID string, req MockCreateParams) (*Mock, *Response, error) {
	if err := requireArg("Mocks.Create", "workspace", workspaceID); err != nil {
		return nil, nil, err
	}
	var root mockRoot
	r := &request{
		method: http.MethodPost,
		path:   "/mocks",
		query:  mockWorkspaceQuery{workspaceID},
		body: struct {
			Mock MockCreateParams `json:"mock"`
		}{req},
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Mock, resp, nil
}

// Update changes a mock server's name, collection, environment, visibility
// or active server response.
//
//postman:operation PUT /mocks/{mockId}
func (s *MocksService) Update(ctx context.Context, mockID string, req MockUpdateParams) (*Mock, *Response, error) {
	return s.mockCall(ctx, http.MethodPut, mockID, struct {
		Mock MockUpdateParams `json:"mock"`
	}{req})
}

// Delete deletes a mock server.
//
//postman:operation DELETE /mocks/{mockId}
func (s *MocksService) Delete(ctx context.Context, mockID string) (*Response, error) {
	_, resp, err := s.mockCall(ctx, http.MethodDelete, mockID, nil)
	return resp, err
}

// Publish makes a mock server public: it then answers calls that carry no
// Postman API key. Publishing a public mock is an error
// (mockAlreadyPublishedError). The answer only echoes the mock's ID, so
// Publish returns none.
//
//postman:operation POST /mocks/{mockId}/publish
func (s *MocksService) Publish(ctx context.Context, mockID string) (*Response, error) {
	path, err := pathf("/mocks/{mockID}/publish", mockID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodPost, path: path}, nil)
}

// Unpublish makes a mock server private: it then only answers calls that
// carry a Postman API key.
//
//postman:operation DELETE /mocks/{mockId}/unpublish
func (s *MocksService) Unpublish(ctx context.Context, mockID string) (*Response, error) {
	path, err := pathf("/mocks/{mockID}/unpublish", mockID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}

// mockCall sends method to /mocks/{mockID} and unwraps the mock.
func (s *MocksService) mockCall(ctx context.Context, method, mockID string, body any) (*Mock, *Response, error) {
	path, err := pathf("/mocks/{mockID}", mockID)
	if err != nil {
		return nil, nil, err
	}
	var root mockRoot
	resp, err := s.client.do(ctx, &request{method: method, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Mock, resp, nil
}
