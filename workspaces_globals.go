package postman

import (
	"context"
	"net/http"
)

// GetGlobalVariables returns the global variables of a workspace: the
// variables every collection, request and environment of the workspace
// can use.
//
//postman:operation GET /workspaces/{workspaceId}/global-variables
func (s *WorkspacesService) GetGlobalVariables(ctx context.Context, workspaceID string) (EnvironmentVariables, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/global-variables", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	return s.globalsCall(ctx, &request{method: http.MethodGet, path: path})
}

// ReplaceGlobalVariables replaces all the global variables of a workspace
// with vars (nil or empty removes them all) and returns them as Postman
// stored them. To change one, read them with GlobalVariables, change the
// list with EnvironmentVariables.Set, and send it back: the variables left
// alone are written back exactly as Postman sent them.
//
//postman:operation PUT /workspaces/{workspaceId}/global-variables
func (s *WorkspacesService) ReplaceGlobalVariables(ctx context.Context, workspaceID string, vars EnvironmentVariables) (EnvironmentVariables, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/global-variables", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	if vars == nil {
		vars = EnvironmentVariables{}
	}
	body := struct {
		Values EnvironmentVariables `json:"values"`
	}{vars}
	return s.globalsCall(ctx, &request{method: http.MethodPut, path: path, body: body})
}

// globalsCall runs a call whose answer is {"values": […]}.
func (s *WorkspacesService) globalsCall(ctx context.Context, r *request) (EnvironmentVariables, *Response, error) {
	var root struct {
		Values EnvironmentVariables `json:"values"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Values, resp, nil
}
