package postman

import (
	"context"
	"testing"
)

// environmentTestID is the environment ID of the description's examples.
const environmentTestID = "5daabc50-8451-43f6-922d-96b403b4f28e"

func TestEnvironmentsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.List(ctx, &ListEnvironmentsOptions{Workspace: workspaceTestID})
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Get(ctx, environmentTestID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Create(ctx, CreateEnvironmentRequest{WorkspaceID: workspaceTestID, Name: "Test Environment",
				Values: EnvironmentVariables{NewEnvironmentVariable("collectionId", "12ece9e1"), NewEnvironmentSecret("apiKey", "PMAK-1")}})
			return err
		}},
		{name: "Replace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Replace(ctx, environmentTestID, ReplaceEnvironmentRequest{Name: "Test A Environment",
				Values: EnvironmentVariables{NewEnvironmentVariable("collectionId", "12ece9e1")}})
			return err
		}},
		{name: "Patch", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Patch(ctx, environmentTestID, []EnvironmentPatchOperation{
				EnvironmentReplaceVariableField(0, EnvironmentFieldValue, "{{x-api-key}}"),
				EnvironmentReplaceVariableField(0, EnvironmentFieldEnabled, false),
			})
			return err
		}},
		{name: "SetVariable", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.SetVariable(ctx, environmentTestID, NewEnvironmentSecret("apiKey", "PMAK-2"))
			return err
		}},
		{name: "DeleteVariable", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.DeleteVariable(ctx, environmentTestID, "collectionId")
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Environments.Delete(ctx, environmentTestID)
			return err
		}},
	})
}
