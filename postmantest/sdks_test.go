package postmantest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestSDKGenerationFlow(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithTaskDelay(50 * time.Millisecond))
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	col := srv.AddCollection(ws, []byte(petsCollection))
	inVirtualTime(t, srv, func(t *testing.T, c *postman.Client) {
		ctx := t.Context()

		job, _, err := c.SDKs.Create(ctx, postman.SDKCreateParams{Language: postman.SDKGo,
			Source:    postman.SDKSource{Type: postman.SDKSourceCollection, ID: col},
			GoOptions: &postman.SDKGoOptions{GoModuleName: "github.com/example/pets-go"}})
		require.NoError(t, err)
		sdk, _, err := c.SDKs.Get(ctx, job.SDKID)
		require.NoError(t, err)
		assert.Equal(t, postman.SDKInProgress, sdk.BuildStatus)
		assert.Empty(t, sdk.Version)
		_, err = c.SDKs.Delete(ctx, job.SDKID)
		assert.ErrorIs(t, err, postman.ErrConflict)
		_, _, err = c.SDKs.GetDownloadURL(ctx, job.SDKID)
		assert.ErrorIs(t, err, postman.ErrConflict)

		sdk, _, err = c.SDKs.WaitGeneration(ctx, job)
		require.NoError(t, err)
		assert.Equal(t, postman.SDKSucceeded, sdk.BuildStatus)
		assert.Equal(t, "1.0.0", sdk.Version)
		assert.Equal(t, ws, sdk.WorkspaceID)
		assert.Equal(t, col, sdk.Source.ID)
		dl, _, err := c.SDKs.GetDownloadURL(ctx, sdk.ID)
		require.NoError(t, err)
		assert.Contains(t, dl.URL, sdk.ID)
		assert.WithinDuration(t, time.Now().Add(5*time.Minute), dl.ExpiresAt.Time, time.Minute)

		other := srv.AddSDK(postmantest.SDK{Language: "python", SourceID: col, WorkspaceID: ws})
		list, resp, err := c.SDKs.List(ctx, ws, &postman.SDKListOptions{Language: postman.SDKGo})
		require.NoError(t, err)
		require.Len(t, list, 1)
		assert.Equal(t, sdk.ID, list[0].ID)
		assert.Equal(t, 1, resp.Total)
		list, _, err = c.SDKs.List(ctx, ws, &postman.SDKListOptions{SDKIDs: []string{other, sdk.ID}, Language: postman.SDKRuby})
		require.NoError(t, err)
		assert.Len(t, list, 2, "sdkIds ignores the other filters")

		_, err = c.SDKs.Delete(ctx, sdk.ID)
		require.NoError(t, err)
		_, _, err = c.SDKs.Get(ctx, sdk.ID)
		assert.ErrorIs(t, err, postman.ErrNotFound)
		assert.Len(t, srv.SDKs(), 1)
	}, postman.WithTaskPolling(10*time.Millisecond, 20*time.Millisecond))
}

func TestSDKBuildFailsAndBadSource(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	col := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	srv.FailSDKBuilds("spec_validation_failed", "missing operationId on GET /pets")
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	job, _, err := c.SDKs.Create(ctx, postman.SDKCreateParams{Language: postman.SDKTypeScript,
		Source: postman.SDKSource{Type: postman.SDKSourceCollection, ID: col}})
	require.NoError(t, err)
	_, _, err = c.SDKs.WaitGeneration(ctx, job)
	var failed *postman.TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "spec_validation_failed: missing operationId on GET /pets", failed.Details)

	_, _, err = c.SDKs.Create(ctx, postman.SDKCreateParams{Language: postman.SDKGo,
		Source: postman.SDKSource{Type: postman.SDKSourceCollection, ID: "00000000-0000-4000-8000-000000000000"}})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	_, _, err = c.SDKs.Get(ctx, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)
}
