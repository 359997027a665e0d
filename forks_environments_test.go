package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestForksForkEnvironment(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	env, _, err := c.Forks.ForkEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentForkParams{WorkspaceID: forkTestWorkspaceID, Label: "My fork"})
	require.NoError(t, err)

	req, body := h.LastRequest()
	assert.Equal(t, "/environments/"+forkTestEnvironmentID+"/forks", req.URL.Path)
	assert.Equal(t, "workspaceId="+forkTestWorkspaceID, req.URL.RawQuery)
	assert.JSONEq(t, `{"forkName":"My fork"}`, string(body))
	assert.Equal(t, "12345678-0fcea3ba-abcf-49c3-9f48-669c208fef25", env.UID)
	assert.Equal(t, "Testing Environment", env.Name)
	assert.Equal(t, "Test Fork", env.ForkName)
}

func TestForksListEnvironmentForksDecodesExample(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	forks, resp, err := c.Forks.ListEnvironmentForks(t.Context(), forkTestEnvironmentID, &EnvironmentForkListOptions{Sort: ForkSortCreatedAt, Direction: ForkDirectionDesc})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "direction=desc&sort=createdAt", req.URL.RawQuery)
	require.Len(t, forks, 2)
	assert.Equal(t, "12345678-2fgh78uj-2ee3-8ugc-b678-7742d82e2e1f", forks[0].ID)
	assert.Equal(t, "my fork", forks[0].Name)
	assert.Equal(t, "Taylor Lee", forks[0].CreatedBy)
	assert.Equal(t, 16, forks[1].UpdatedAt.Day())
	assert.Equal(t, 6, resp.Total)
	assert.Empty(t, resp.NextCursor)
}

func TestForksMergeAndPullEnvironment(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	merged, _, err := c.Forks.MergeEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentMergeParams{Source: forkTestEnvSourceUID, DeleteSource: true})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "/environments/"+forkTestEnvironmentID+"/merges", req.URL.Path)
	assert.JSONEq(t, `{"source":"`+forkTestEnvSourceUID+`","deleteSource":true}`, string(body))
	assert.Equal(t, forkTestEnvSourceUID, merged.UID)

	_, _, err = c.Forks.MergeEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentMergeParams{Source: forkTestEnvSourceUID})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"source":"`+forkTestEnvSourceUID+`"}`, string(body), "deleteSource false is Postman's default")

	pulled, _, err := c.Forks.PullEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentPullParams{Source: forkTestEnvSourceUID})
	require.NoError(t, err)
	req, body = h.LastRequest()
	assert.Equal(t, "/environments/"+forkTestEnvironmentID+"/pulls", req.URL.Path)
	assert.JSONEq(t, `{"source":"`+forkTestEnvSourceUID+`"}`, string(body))
	assert.Equal(t, forkTestEnvSourceUID, pulled.UID)
}

func TestForksEnvironmentErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("mergeEnvironmentFork", http.StatusBadRequest)
	h.Status("pullEnvironment", http.StatusNotFound)
	h.Status("forkEnvironment", http.StatusNotFound)
	c := newTestClient(t, h.URL)

	_, _, err := c.Forks.MergeEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentMergeParams{Source: forkTestEnvSourceUID})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "The environment Id is not a forked environment.", apiErr.Title)

	_, _, err = c.Forks.PullEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentPullParams{Source: forkTestEnvSourceUID})
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Forks.ForkEnvironment(t.Context(), forkTestEnvironmentID, EnvironmentForkParams{WorkspaceID: forkTestWorkspaceID, Label: "x"})
	assert.ErrorIs(t, err, ErrNotFound)
}
