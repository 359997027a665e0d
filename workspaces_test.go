package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspacesConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.List(ctx, &WorkspaceListOptions{Type: WorkspaceTeam, Include: "scim", CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Workspaces.ListIter(ctx, &WorkspaceListOptions{CreatedBy: []string{"12345678"}}) {
				return err // the first page is enough: the example's cursor would repeat
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.Get(ctx, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", &WorkspaceGetOptions{Include: []string{"team", "scim"}})
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.Create(ctx, WorkspaceCreateParams{Name: "Team Workspace", Type: WorkspaceTeam,
				Description: "This is a team workspace.", About: "Team workspace.", TeamID: "1234"})
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Workspaces.Update(ctx, workspaceTestID, WorkspaceUpdateParams{Name: Ptr("Test Workspace"), Type: Ptr(WorkspaceTeam)})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Workspaces.Delete(ctx, workspaceTestID)
			return err
		}},
		{name: "Temporary", call: func(ctx context.Context, c *Client) error {
			_, cleanup, err := c.Workspaces.CreateTemporary(ctx, WorkspaceCreateParams{Name: "ci-1234", Type: WorkspacePersonal})
			if err != nil {
				return err
			}
			return cleanup(ctx)
		}},
	})
}

// workspaceTestID is the workspace ID of the description's examples.
const workspaceTestID = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"

func TestWorkspacesGetDecodesElements(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ws, _, err := c.Workspaces.Get(t.Context(), "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", nil)
	require.NoError(t, err)
	assert.Equal(t, "Team Workspace", ws.Name)
	assert.Equal(t, WorkspaceTeam, ws.Type)
	require.Len(t, ws.Collections, 1)
	assert.Equal(t, "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2", ws.Collections[0].UID)
	assert.Equal(t, 2022, ws.CreatedAt.Year(), "timestamps in Postman's space-separated layout decode")
	require.Len(t, ws.Mocks, 1)
	assert.False(t, ws.Mocks[0].Deactivated)
}

// pagedWorkspaces answers GET /workspaces with total workspaces split in
// pages of the requested limit, using the offset as the cursor.
func pagedWorkspaces(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		page := map[string]any{"workspaces": []any{}}
		list := []any{}
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("ws-%d", i), "name": fmt.Sprintf("Workspace %d", i), "type": "team"})
		}
		page["workspaces"] = list
		if start+limit < total {
			page["meta"] = map[string]any{"nextCursor": strconv.Itoa(start + limit)}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(page)
	}
}

func TestWorkspacesListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getWorkspaces", pagedWorkspaces(25, &served))
	c := newTestClient(t, h.URL)

	var ids []string
	for ws, err := range c.Workspaces.ListIter(t.Context(), &WorkspaceListOptions{CursorOptions: CursorOptions{Limit: 10}}) {
		require.NoError(t, err)
		ids = append(ids, ws.ID)
	}
	require.Len(t, ids, 25)
	assert.Equal(t, "ws-0", ids[0])
	assert.Equal(t, "ws-24", ids[24])
	assert.Equal(t, 3, served)

	served = 0
	n := 0
	for _, err := range c.Workspaces.ListIter(t.Context(), &WorkspaceListOptions{CursorOptions: CursorOptions{Limit: 10}}) {
		require.NoError(t, err)
		n++
		if n == 12 {
			break
		}
	}
	assert.Equal(t, 12, n)
	assert.Equal(t, 2, served, "stopping early fetches no further page")
}

func TestWorkspacesListIterStopsOnRepeatedCursor(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getWorkspaces", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"workspaces":[{"id":"a","name":"A","type":"team"}],"meta":{"nextCursor":"same"}}`))
	})
	c := newTestClient(t, h.URL)
	var errs []error
	n := 0
	for _, err := range c.Workspaces.ListIter(t.Context(), nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	assert.Equal(t, 1, n, "the second page repeats the first: its items are not yielded again")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationLoop)
}

func TestWorkspacesListIterYieldsErrorOnce(t *testing.T) {
	h := conformance.New(t)
	h.Status("getWorkspaces", http.StatusUnauthorized)
	c := newTestClient(t, h.URL)
	calls := 0
	for ws, err := range c.Workspaces.ListIter(t.Context(), nil) {
		calls++
		assert.Nil(t, ws)
		assert.ErrorIs(t, err, ErrUnauthorized)
	}
	assert.Equal(t, 1, calls)
}
