//lint:file-ignore SA1019 the fake serves the deprecated API Builder, which these tests drive on purpose.

package postmantest_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestAPIBuilderVersions(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	v9 := srv.AddAPI("Legacy API", 9)
	v10 := srv.AddAPI("Orders API", 10)
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	api, _, err := c.APIs.Get(ctx, v10, &postman.APIGetOptions{Include: []postman.APIInclude{postman.APIIncludeSchemas}})
	require.NoError(t, err)
	assert.Equal(t, "Orders API", api.Name)
	assert.Equal(t, v10, api.ID)

	_, _, err = c.APIs.Get(ctx, v9, nil)
	require.Error(t, err)
	assert.True(t, errors.Is(err, postman.ErrDeprecated), "a v9 API: %v", err)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusUnprocessableEntity, apiErr.StatusCode)
	assert.Equal(t, "This endpoint does not support v9 APIs.", apiErr.Detail)
	_, _, err = c.APIs.ListVersions(ctx, v9, nil)
	assert.ErrorIs(t, err, postman.ErrDeprecated, "every /apis/{apiId}… endpoint refuses a v9 API")

	_, _, err = c.APIs.Get(ctx, "00000000-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)

	// Without the v10 Accept header (which the description requires, so
	// the request goes around the SDK) a v10 API is not found.
	status, body := call(t, plainHTTP(t), http.MethodGet, srv.URL+"/apis/"+v10, "any-key", map[string]string{"Accept": "application/json"})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, `ensure that your request sends the \"application/vnd.api.v10+json\" Accept header`)
}
