package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestSpecsListGeneratedCollections(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	cols, resp, err := c.Specs.ListGeneratedCollections(t.Context(), specTestSpecID, &SpecGeneratedCollectionListOptions{CursorOptions{Limit: 5}})
	require.NoError(t, err)
	require.Len(t, cols, 2)
	assert.Equal(t, "e8a015e0-f472-4bb3-a523-57ce7c4583ed", cols[0].ID)
	assert.Equal(t, SpecInSync, cols[0].State)
	assert.Equal(t, SpecOutOfSync, cols[1].State)
	assert.Equal(t, int64(12345678), cols[1].CreatedBy)
	assert.Equal(t, 17, cols[0].CreatedAt.Day())
	assert.Empty(t, resp.NextCursor)
	req, _ := h.LastRequest()
	assert.Equal(t, "/specs/"+specTestSpecID+"/generations/collection", req.URL.Path)
	assert.Equal(t, "limit=5", req.URL.RawQuery)
}

func TestSpecsListGeneratedSpecs(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	specs, _, err := c.Specs.ListGeneratedSpecs(t.Context(), specTestCollectionUID, nil)
	require.NoError(t, err)
	require.Len(t, specs, 1)
	assert.Equal(t, SpecGeneratedElement{
		ID: "e8a015e0-f472-4bb3-a523-57ce7c4583ef", Name: "Sample API", State: SpecInSync,
		CreatedBy: 12345678, UpdatedBy: 12345678, CreatedAt: specs[0].CreatedAt, UpdatedAt: specs[0].UpdatedAt,
	}, *specs[0])
	assert.Equal(t, 2025, specs[0].UpdatedAt.Year())
	req, _ := h.LastRequest()
	assert.Equal(t, "/collections/"+specTestCollectionUID+"/generations/spec", req.URL.Path)
	assert.Empty(t, req.URL.RawQuery)
}

func TestSpecsUpdateSyncOptions(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	no := false
	got, _, err := c.Specs.UpdateSyncOptions(t.Context(), specTestSpecID, specTestCollectionID, SpecSyncSettings{DeleteOrphanedRequests: &no})
	require.NoError(t, err)
	require.NotNil(t, got.SyncExamples)
	assert.True(t, *got.SyncExamples)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.JSONEq(t, `{"syncOptions":{"deleteOrphanedRequests":false}}`, string(body), "false is sent, unset is not")
}

func TestSpecsSyncCollectionSendsSpecID(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ref, resp, err := c.Specs.SyncCollectionFromSpec(t.Context(), specTestCollectionUID, specTestSpecID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, specTestTaskID, ref.TaskID)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "specId="+specTestSpecID, req.URL.RawQuery)
	assert.Empty(t, body)
}
