package postman

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspacesActivitiesDecodesFeed(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	acts, resp, err := c.Workspaces.ListActivities(t.Context(), workspaceTestID, &WorkspaceActivityListOptions{
		UserID: 12345678, ElementTypes: []WorkspaceElementType{WorkspaceElementCollection}, CursorOptions: CursorOptions{Limit: 10}})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "elementType=collection&limit=10&userId=12345678", req.URL.RawQuery)

	// The harness answers with the "Filter by Element Type" example.
	assert.Empty(t, resp.NextCursor, "an empty nextCursor ends the feed")
	require.Len(t, acts, 2)
	first := acts[0]
	assert.Equal(t, int64(15131), first.ID)
	assert.Equal(t, WorkspaceActivityUpdate, first.Action)
	assert.Equal(t, "update_visibility", first.Trigger)
	assert.Equal(t, WorkspaceElementWorkspace, first.ElementType)
	assert.Equal(t, workspaceTestID, first.ElementID)
	assert.Equal(t, "Testing APIs", first.ElementName)
	assert.Equal(t, int64(12345678), first.User.ID)
	assert.Equal(t, "Taylor Lee", first.User.Name)
	assert.Equal(t, "research-physicist-12345678", first.User.Username)
	assert.False(t, first.User.IsPartner)
	assert.Equal(t, 2025, first.CreatedAt.Year())
	assert.Equal(t, 59, first.UpdatedAt.Minute())
	assert.Equal(t, "add_user_role", acts[1].Trigger)
}

// workspaceActivityPages answers the activity feed with total entries in
// pages of the requested limit, using the offset as the cursor, and a
// null nextCursor on the last page.
func workspaceActivityPages(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		if limit == 0 {
			limit = 15
		}
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		data := []any{}
		for i := start; i < min(start+limit, total); i++ {
			data = append(data, map[string]any{"id": i, "workspaceId": workspaceTestID, "action": "create", "elementType": "collection",
				"elementName": fmt.Sprintf("Collection %d", i)})
		}
		var next any
		if start+limit < total {
			next = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data, "meta": map[string]any{"nextCursor": next}})
	}
}

func TestWorkspacesActivitiesIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getWorkspaceActivityFeed", workspaceActivityPages(35, &served))
	c := newTestClient(t, h.URL)

	var ids []int64
	for a, err := range c.Workspaces.ListActivitiesIter(t.Context(), workspaceTestID, nil) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	require.Len(t, ids, 35)
	assert.Equal(t, int64(34), ids[34])
	assert.Equal(t, 3, served, "pages of Postman's default 15")
	req, _ := h.LastRequest()
	assert.Equal(t, "cursor=30", req.URL.RawQuery, "no limit is sent unless asked")

	served = 0
	opts := &WorkspaceActivityListOptions{CursorOptions: CursorOptions{Limit: 5}}
	n := 0
	for _, err := range c.Workspaces.ListActivitiesIter(t.Context(), workspaceTestID, opts) {
		require.NoError(t, err)
		if n++; n == 7 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")
	assert.Empty(t, opts.Cursor, "the caller's options are not changed")
}

func TestWorkspacesActivitiesErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getWorkspaceActivityFeed", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	calls := 0
	for a, err := range c.Workspaces.ListActivitiesIter(t.Context(), workspaceTestID, nil) {
		calls++
		assert.Nil(t, a)
		assert.ErrorIs(t, err, ErrNotFound)
	}
	assert.Equal(t, 1, calls)

	h.Status("getWorkspaceActivityFeed", http.StatusForbidden)
	_, _, err := c.Workspaces.ListActivities(t.Context(), workspaceTestID, nil)
	assert.ErrorIs(t, err, ErrForbidden)
}
