package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func testPostbotRequest() PostbotToolGenerateParams {
	return PostbotToolGenerateParams{CollectionID: testCollectionUID, RequestID: "c82dd02c-4870-4907-8fcb-593a876cf05b",
		Config: PostbotToolConfig{Language: PostbotJavaScript, AgentFramework: PostbotOpenAI}}
}

func TestPostbotConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "GenerateTool", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Postbot.GenerateTool(ctx, testPostbotRequest())
			return err
		}},
	})
}

func TestPostbotGenerateTool(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tool, _, err := c.Postbot.GenerateTool(t.Context(), testPostbotRequest())
	require.NoError(t, err)
	assert.Contains(t, tool.Text, "const executeFunction = async")

	_, body := h.LastRequest()
	assert.JSONEq(t, `{"collectionId":"`+testCollectionUID+`","requestId":"c82dd02c-4870-4907-8fcb-593a876cf05b",
		"config":{"language":"javascript","agentFramework":"openai"}}`, string(body))

	h.Status("generateTool", http.StatusBadRequest)
	_, _, err = c.Postbot.GenerateTool(t.Context(), testPostbotRequest())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
}
