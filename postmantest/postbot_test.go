package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestPostbotGeneratesToolsForPublicCollections(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	col := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	req := postman.PostbotToolGenerateParams{CollectionID: uid(col), RequestID: "22222222-2222-4222-8222-222222222222",
		Config: postman.PostbotToolConfig{Language: postman.PostbotPython, AgentFramework: postman.PostbotAutoGen}}

	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, _, err := c.Postbot.GenerateTool(ctx, req)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr, "the collection is private")
	assert.Equal(t, "Collection does not exist or is not public", apiErr.Detail)
	srv.PublishCollection(col)
	//lint:ignore SA1019 the fake serves the deprecated endpoint
	tool, _, err := c.Postbot.GenerateTool(ctx, req)
	require.NoError(t, err)
	assert.Contains(t, tool.Text, "def get_a_pet(")
	req.RequestID = "00000000-0000-4000-8000-000000000000"
	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, _, err = c.Postbot.GenerateTool(ctx, req)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Request not found", apiErr.Detail)
}
