package postman

import (
	"context"
	"log/slog"
	"net/http"
)

// EnvironmentsService is the Environments area: environments and their variables.
//
// SetVariable and DeleteVariable change one variable with a JSON Patch and
// leave the others untouched on the server; Replace sends the whole list.
// Only shared variable values (synced to the Postman cloud) can be read
// and changed through the API. Forks of environments are in ForksService.
type EnvironmentsService service

// Environment is a Postman environment. List only fills its summary (no
// Values); Get fills everything.
type Environment struct {
	ID        string               `json:"id"`
	Name      string               `json:"name"`
	UID       string               `json:"uid,omitempty"`
	Owner     string               `json:"owner,omitempty"`
	IsPublic  bool                 `json:"isPublic,omitempty"`
	CreatedAt Timestamp            `json:"createdAt,omitzero"`
	UpdatedAt Timestamp            `json:"updatedAt,omitzero"`
	Values    EnvironmentVariables `json:"values,omitempty"`
}

// Variable returns the first variable named key, and false when there is
// none.
func (e *Environment) Variable(key string) (EnvironmentVariable, bool) {
	return e.Values.Get(key)
}

// SetVariable sets the value, type and enabled state of the variable named
// v.Key, or appends v when there is none, leaving the other variables as
// they are (Replace then writes them back byte for byte). The variable's
// description and vault source are kept unless v sets them.
func (e *Environment) SetVariable(v EnvironmentVariable) {
	e.Values = e.Values.Set(v)
}

// DeleteVariable removes the variables named key.
func (e *Environment) DeleteVariable(key string) {
	e.Values = e.Values.Delete(key)
}

// LogValue implements slog.LogValuer, so that logging an environment
// prints its variables with secret values redacted.
func (e Environment) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", e.ID),
		slog.String("name", e.Name),
		slog.String("uid", e.UID),
		slog.Any("values", e.Values),
	)
}

// EnvironmentListOptions filters List.
type EnvironmentListOptions struct {
	// Workspace keeps only the environments of one workspace (an unknown
	// workspace gives an empty list).
	Workspace string `url:"workspace,omitempty"`
}

// EnvironmentCreateParams is a new environment.
type EnvironmentCreateParams struct {
	// WorkspaceID is the workspace to create the environment in. Postman's
	// description requires it; left empty, Postman uses the oldest
	// personal workspace of the API key's owner.
	WorkspaceID string `json:"-"`
	// Name is required.
	Name   string               `json:"name"`
	Values EnvironmentVariables `json:"values,omitempty"`
}

// EnvironmentReplaceParams is the whole new content of an environment.
type EnvironmentReplaceParams struct {
	// Name renames the environment; empty keeps the name.
	Name string `json:"name,omitempty"`
	// Values become the environment's variables; nil or empty removes
	// them all.
	Values EnvironmentVariables `json:"values"`
}

// List returns the environments the user can access, without their
// variables.
//
//postman:operation GET /environments
func (s *EnvironmentsService) List(ctx context.Context, opts *EnvironmentListOptions) ([]*Environment, *Response, error) {
	var root struct {
		Environments []*Environment `json:"environments"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/environments", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Environments, resp, nil
}

// Get returns an environment with its variables.
//
//postman:operation GET /environments/{environmentId}
func (s *EnvironmentsService) Get(ctx context.Context, environmentID string) (*Environment, *Response, error) {
	path, err := pathf("/environments/{environmentID}", environmentID)
	if err != nil {
		return nil, nil, err
	}
	return s.envCall(ctx, &request{method: http.MethodGet, path: path})
}

// Create creates an environment and returns its ID, UID and name.
// Postman caps the request at 30 MB.
//
//postman:operation POST /environments
func (s *EnvironmentsService) Create(ctx context.Context, req EnvironmentCreateParams) (*Environment, *Response, error) {
	body := struct {
		Environment EnvironmentCreateParams `json:"environment"`
	}{req}
	query := struct {
		Workspace string `url:"workspace,omitempty"`
	}{req.WorkspaceID}
	return s.envCall(ctx, &request{method: http.MethodPost, path: "/environments", query: query, body: body})
}

// Replace replaces the name and all the variables of an environment, and
// returns its ID, UID and name. To change one variable without sending
// the others, use SetVariable; to edit a list read with Get, change it
// with Environment.SetVariable and send it here: the variables left alone
// are written back exactly as Postman sent them.
//
// Postman caps the request at 30 MB.
//
//postman:operation PUT /environments/{environmentId}
func (s *EnvironmentsService) Replace(ctx context.Context, environmentID string, req EnvironmentReplaceParams) (*Environment, *Response, error) {
	path, err := pathf("/environments/{environmentID}", environmentID)
	if err != nil {
		return nil, nil, err
	}
	if req.Values == nil {
		req.Values = EnvironmentVariables{}
	}
	body := struct {
		Environment EnvironmentReplaceParams `json:"environment"`
	}{req}
	return s.envCall(ctx, &request{method: http.MethodPut, path: path, body: body})
}

// Delete deletes an environment.
//
//postman:operation DELETE /environments/{environmentId}
func (s *EnvironmentsService) Delete(ctx context.Context, environmentID string) (*Response, error) {
	path, err := pathf("/environments/{environmentID}", environmentID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}

// envCall runs a call whose answer is {"environment": {…}}.
func (s *EnvironmentsService) envCall(ctx context.Context, r *request) (*Environment, *Response, error) {
	var root struct {
		Environment *Environment `json:"environment"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Environment, resp, nil
}
