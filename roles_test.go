package postman

import (
	"context"
	"testing"
)

func TestRolesConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "ListAvailable", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.ListAvailable(ctx)
			return err
		}},
		{name: "GetWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.GetWorkspace(ctx, workspaceTestID, &GetWorkspaceRolesOptions{Include: "scim"})
			return err
		}},
		{name: "UpdateWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.UpdateWorkspace(ctx, workspaceTestID, UpdateWorkspaceRolesRequest{Operations: []RolePatchOperation{
				{Op: RoleAdd, Path: RoleSubjectUser, Value: []RoleAssignment{{ID: "12345678", Role: RoleViewer}}},
				{Op: RoleRemove, Path: RoleSubjectUserGroup, Value: []RoleAssignment{{ID: "312", Role: RoleAdmin}}},
			}})
			return err
		}},
		{name: "GrantWorkspaceSCIM", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.GrantWorkspace(ctx, workspaceTestID, RoleGrant{Role: RoleAdmin, SCIM: true,
				Users: []string{"405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"}})
			return err
		}},
		{name: "RevokeWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.RevokeWorkspace(ctx, workspaceTestID, RoleGrant{Role: RolePartnerViewer, Partners: []string{"43215678"}})
			return err
		}},
		{name: "GetCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Roles.GetCollection(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2")
			return err
		}},
		{name: "UpdateCollection", call: func(ctx context.Context, c *Client) error {
			_, err := c.Roles.UpdateCollection(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", UpdateCollectionRolesRequest{
				Users: []RoleCollectionMember{{ID: 12345678, Role: RoleCollectionEditor}},
				Teams: []RoleCollectionMember{{ID: 123, Role: RoleCollectionViewer}},
			})
			return err
		}},
	})
}
