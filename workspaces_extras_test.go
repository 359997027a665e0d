package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspaceExtrasConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "Activities", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.ListActivities(ctx, workspaceTestID, &WorkspaceActivityListOptions{UserID: 12345678,
				ElementTypes: []WorkspaceElementType{WorkspaceElementCollection}, CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ActivitiesIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Workspaces.ListActivitiesIter(ctx, workspaceTestID, nil) {
				return err
			}
			return nil
		}},
		{name: "TransferElement", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.TransferElement(ctx, workspaceTestID, WorkspaceElementTransferParams{
				ID: "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2", Type: WorkspaceElementCollection, To: "d56bc95f-57c5-47cc-bd99-75c4ad96a6dd"})
			return err
		}},
		{name: "TransferToTeam", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.TransferToTeam(ctx, workspaceTestID, WorkspaceTransferParams{Source: "123", Destination: "456"})
			return err
		}},
		{name: "GlobalVariables", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.GetGlobalVariables(ctx, workspaceTestID)
			return err
		}},
		{name: "ReplaceGlobalVariables", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.ReplaceGlobalVariables(ctx, workspaceTestID, EnvironmentVariables{
				NewEnvironmentSecret("x-api-key", "{{postman-api-key}}"), NewEnvironmentVariable("collectionId", "1234")})
			return err
		}},
		{name: "InvitePartners", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.InvitePartners(ctx, WorkspacePartnerInviteParams{WorkspaceID: workspaceTestID,
				Role: RolePartnerViewer, Emails: []string{"alex.cruz@example.com"}})
			return err
		}},
		{name: "RemovePartnersFromWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.RemovePartners(ctx, WorkspacePartnerRemoveParams{WorkspaceID: workspaceTestID, UserIDs: []string{"56781234"}})
			return err
		}},
		{name: "RemovePartnersFromTeam", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.RemovePartners(ctx, WorkspacePartnerRemoveParams{TeamID: "123", UserIDs: []string{"56781234"}})
			return err
		}},
		{name: "ListUpdates", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.ListUpdates(ctx, workspaceTestID, &WorkspaceUpdateListOptions{
				Categories: []WorkspaceUpdateCategory{WorkspaceUpdateImprovement, WorkspaceUpdateAnnouncement}})
			return err
		}},
		{name: "ListUpdatesIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Workspaces.ListUpdatesIter(ctx, workspaceTestID, nil) {
				return err
			}
			return nil
		}},
		{name: "CreateUpdate", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.CreateUpdate(ctx, workspaceTestID, WorkspaceUpdateCreateParams{Topic: "API v1.0 released",
				Description: "We've released the first version of our newest API!", Category: WorkspaceUpdateAnnouncement,
				RelatedResources: []WorkspaceUpdateResource{{Resource: WorkspaceUpdateResourceCollection, ResourceID: "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"}}})
			return err
		}},
		{name: "GetUpdate", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.GetUpdate(ctx, workspaceTestID, 123)
			return err
		}},
		// The harness cannot validate PatchUpdate's request: the description
		// requires the header Content-Type: application/merge-patch+json (as
		// Postman does) but declares the body under application/json only,
		// so every request with a body fails one check or the other. This
		// scenario sends the merge-patch header with an empty body, the one
		// request that conforms. Prism reads that empty body as invalid JSON
		// (hence the setup, which keeps this scenario off Prism) but accepts
		// the real request: TestWorkspaceUpdatesPatchConformancePrism sends it
		// there, and TestWorkspaceUpdatesPatchSendsMergePatch checks it.
		{name: "PatchUpdateHeaderOnly", setup: func(*conformance.Harness) {}, call: func(ctx context.Context, c *Client) error {
			_, err := c.do(ctx, &request{method: http.MethodPatch, path: "/workspaces/" + workspaceTestID + "/updates/123",
				body: []byte{}, contentType: "application/merge-patch+json"}, new(WorkspaceUpdate))
			return err
		}},
		{name: "DeleteUpdate", call: func(ctx context.Context, c *Client) error {
			_, err := c.Workspaces.DeleteUpdate(ctx, workspaceTestID, 123)
			return err
		}},
	})
}
