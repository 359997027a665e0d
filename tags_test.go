package postman

import (
	"context"
	"testing"
)

// tagTestCollectionUID is the collection UID of the description's examples.
const tagTestCollectionUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"

func TestTagsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "GetWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.GetWorkspace(ctx, workspaceTestID)
			return err
		}},
		{name: "UpdateWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.UpdateWorkspace(ctx, workspaceTestID, []string{"needs-review"})
			return err
		}},
		{name: "GetCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.GetCollection(ctx, tagTestCollectionUID)
			return err
		}},
		{name: "UpdateCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.UpdateCollection(ctx, tagTestCollectionUID, []string{"needs-review", "test-api"})
			return err
		}},
		{name: "Entities", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.Entities(ctx, "needs-review", &TagEntitiesOptions{EntityType: TagEntityCollection, Direction: TagSortAscending, Limit: 2})
			return err
		}},
		{name: "EntitiesIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Tags.EntitiesIter(ctx, "needs-review", nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
	})
}
