package postman

import (
	"context"
	"net/http"
)

// WorkspaceElementTransferParams moves one element from a workspace to
// another.
type WorkspaceElementTransferParams struct {
	// ID is the element's ID; for collections, its UID.
	ID string `json:"id"`
	// Type is the kind of element: collection, environment, API, flow,
	// mock or monitor.
	Type WorkspaceElementType `json:"type"`
	// To is the ID of the destination workspace.
	To string `json:"to"`
}

// WorkspaceElementTransfer is the outcome of an element transfer.
type WorkspaceElementTransfer struct {
	ID   string               `json:"id"`
	Type WorkspaceElementType `json:"type"`
	// From and To are the IDs of the source and destination workspaces.
	From string `json:"from"`
	To   string `json:"to"`
}

// TransferElement moves a collection, environment, API, flow, mock or
// monitor from workspaceID to another workspace. The activity feeds of
// both workspaces record the move. Elements cannot move from a team
// workspace to a personal one (Postman answers 400).
//
//postman:operation POST /workspaces/{workspaceId}/element-transfers
func (s *WorkspacesService) TransferElement(ctx context.Context, workspaceID string, req WorkspaceElementTransferParams) (*WorkspaceElementTransfer, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/element-transfers", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Workspace struct {
			Transfer *WorkspaceElementTransfer `json:"element-transfers"`
		} `json:"workspace"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Workspace.Transfer, resp, nil
}

// WorkspaceTransferParams moves a workspace between two teams of an
// organization.
type WorkspaceTransferParams struct {
	// Source is the ID of the team that owns the workspace now.
	Source string `json:"source"`
	// Destination is the ID of the team to move it to.
	Destination string `json:"destination"`
}

// WorkspaceTransfer is the outcome of a workspace transfer between teams.
type WorkspaceTransfer struct {
	// ID is the transferred workspace's ID.
	ID          string `json:"id"`
	Source      string `json:"source"`
	Destination string `json:"destination"`
}

// TransferToTeam moves a workspace from one team of an organization to
// another.
//
// Available on Enterprise plans with Postman Organizations enabled.
// Members keep only the workspace roles the destination team grants them:
// an Admin of the source team who is not one in the destination team
// loses that role in the workspace.
//
//postman:operation PATCH /workspaces/{workspaceId}/transfers
func (s *WorkspacesService) TransferToTeam(ctx context.Context, workspaceID string, req WorkspaceTransferParams) (*WorkspaceTransfer, *Response, error) {
	path, err := pathf("/workspaces/{workspaceID}/transfers", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Workspace struct {
			Transfer *WorkspaceTransfer `json:"transfer"`
		} `json:"workspace"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: path, body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Workspace.Transfer, resp, nil
}
