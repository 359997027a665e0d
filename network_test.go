package postman

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestNetworkConformance(t *testing.T) {
	since := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Network.List(ctx, &NetworkListOptions{
				Type: NetworkWorkspaceElement, Name: "billing", Summary: "payments", Description: "payments",
				Since: since, Until: since.AddDate(0, 0, 14), AddedBy: 12345678, CreatedBy: 12345678,
				Sort: NetworkSortUpdatedAt, Direction: NetworkAscending, OffsetOptions: OffsetOptions{Offset: 5, Limit: 10},
			})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Network.ListIter(ctx, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "AddWorkspace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Network.AddWorkspace(ctx, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9")
			return err
		}},
		{name: "RemoveWorkspace", call: func(ctx context.Context, c *Client) error {
			_, err := c.Network.RemoveWorkspace(ctx, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9")
			return err
		}},
		{name: "UpdateWorkspace", call: func(ctx context.Context, c *Client) error {
			_, err := c.Network.UpdateWorkspace(ctx, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", NetworkWorkspaceUpdateParams{})
			return err
		}},
		{name: "ListAddRequests", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Network.ListAddRequests(ctx, &NetworkAddRequestListOptions{
				Type: NetworkWorkspaceElement, Status: NetworkRequestPending, Name: "billing", RequestedBy: 12345678,
				Since: since, Until: since.AddDate(0, 0, 14), Sort: NetworkSortCreatedAt, Direction: NetworkDescending,
				OffsetOptions: OffsetOptions{Limit: 2},
			})
			return err
		}},
		{name: "ListAddRequestsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Network.ListAddRequestsIter(ctx, nil) {
				return err // the example's total would ask for pages it does not have
			}
			return nil
		}},
		{name: "ApproveAddRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Network.ApproveAddRequest(ctx, "232")
			return err
		}},
		{name: "DenyAddRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Network.DenyAddRequest(ctx, "232", "Please fix the API issues first.")
			return err
		}},
	})
}

func TestNetworkListDecodesAndFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tz := time.FixedZone("UTC-5", -5*3600)
	ws, resp, err := c.Network.List(t.Context(), &NetworkListOptions{
		Name: "billing", Since: time.Date(2022, 5, 31, 19, 0, 0, 0, tz), AddedBy: 12345678,
		Sort: NetworkSortCreatedAt, Direction: NetworkDescending, OffsetOptions: OffsetOptions{Limit: 10},
	})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	q := req.URL.Query()
	assert.Equal(t, "billing", q.Get("name"))
	assert.Equal(t, "2022-06-01T00:00:00Z", q.Get("since"), "times are sent in UTC")
	assert.False(t, q.Has("until"))
	assert.Equal(t, "12345678", q.Get("addedBy"))
	assert.Equal(t, "createdAt", q.Get("sort"))
	assert.Equal(t, "desc", q.Get("direction"))
	assert.Equal(t, "10", q.Get("limit"))

	require.Len(t, ws, 2)
	assert.Equal(t, "5360b75f-447e-467c-9299-12fd6c92450d", ws[0].ID)
	assert.Equal(t, NetworkWorkspaceElement, ws[0].Type)
	assert.Equal(t, "Billing Team Workspace", ws[0].Name)
	assert.Equal(t, "The Billing team's workspace.", ws[0].Summary)
	assert.Empty(t, ws[0].Description, "null decodes to empty")
	assert.Equal(t, int64(12345678), ws[0].AddedBy)
	assert.Equal(t, 2024, ws[0].AddedAt.Year())
	assert.Equal(t, "https://api.postman.com/workspaces/1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", ws[0].Href)
	assert.Equal(t, 2, resp.Total)
	assert.Equal(t, 1000, resp.Limit)
	assert.Equal(t, 0, resp.Offset)
}

// pagedNetwork answers a network list with total items in pages of the
// requested limit and offset; key is "elements" or "requests".
func pagedNetwork(key string, total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		items := []any{}
		for i := offset; i < min(offset+limit, total); i++ {
			if key == "elements" {
				items = append(items, map[string]any{"id": fmt.Sprintf("ws-%d", i), "name": fmt.Sprintf("Workspace %d", i), "type": "workspace"})
			} else {
				items = append(items, map[string]any{"id": i, "status": "pending", "element": map[string]any{"id": fmt.Sprintf("ws-%d", i), "type": "workspace"}})
			}
		}
		accountJSON(http.StatusOK, map[string]any{key: items, "meta": map[string]any{"limit": limit, "offset": offset, "totalCount": total}})(w, r)
	}
}

func TestNetworkListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("listPrivateNetworkWorkspaces", pagedNetwork("elements", 7, &served))
	c := newTestClient(t, h.URL)

	var ids []string
	for ws, err := range c.Network.ListIter(t.Context(), &NetworkListOptions{OffsetOptions: OffsetOptions{Limit: 3}}) {
		require.NoError(t, err)
		ids = append(ids, ws.ID)
	}
	assert.Equal(t, []string{"ws-0", "ws-1", "ws-2", "ws-3", "ws-4", "ws-5", "ws-6"}, ids)
	assert.Equal(t, 3, served, "the total ends the iteration without an empty page")

	served = 0
	ids = nil
	for ws, err := range c.Network.ListIter(t.Context(), &NetworkListOptions{OffsetOptions: OffsetOptions{Offset: 2, Limit: 3}}) {
		require.NoError(t, err)
		ids = append(ids, ws.ID)
	}
	assert.Equal(t, []string{"ws-2", "ws-3", "ws-4", "ws-5", "ws-6"}, ids, "iteration starts at the caller's offset")
	assert.Equal(t, 2, served)

	served = 0
	n := 0
	for _, err := range c.Network.ListIter(t.Context(), &NetworkListOptions{OffsetOptions: OffsetOptions{Limit: 3}}) {
		require.NoError(t, err)
		if n++; n == 3 {
			break
		}
	}
	assert.Equal(t, 1, served, "stopping early fetches no further page")

	for _, err := range c.Network.ListIter(t.Context(), nil) {
		require.NoError(t, err)
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "1000", req.URL.Query().Get("limit"))
}

func TestNetworkListAddRequestsIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("listPrivateNetworkAddRequests", pagedNetwork("requests", 5, &served))
	c := newTestClient(t, h.URL)
	var ids []int64
	for r, err := range c.Network.ListAddRequestsIter(t.Context(), &NetworkAddRequestListOptions{Status: NetworkRequestPending, OffsetOptions: OffsetOptions{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []int64{0, 1, 2, 3, 4}, ids)
	assert.Equal(t, 3, served)
	for _, req := range h.Requests() {
		assert.Equal(t, "pending", req.URL.Query().Get("status"))
	}
}

func TestNetworkAddAndRemove(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ws, resp, err := c.Network.AddWorkspace(t.Context(), "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9")
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.JSONEq(t, `{"workspace":{"id":"1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"}}`, string(accountLastBody(h)))
	assert.Equal(t, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", ws.ID)
	assert.Equal(t, 2024, ws.CreatedAt.Year())
	assert.Nil(t, ws.ParentFolderID)

	_, err = c.Network.RemoveWorkspace(t.Context(), "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9")
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "/network/private/workspace/1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", req.URL.Path)

	_, err = c.Network.UpdateWorkspace(t.Context(), "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", NetworkWorkspaceUpdateParams{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"workspace":{"parentFolderId":0}}`, string(accountLastBody(h)))

	_, _, err = c.Network.AddWorkspace(t.Context(), "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.Network.RemoveWorkspace(t.Context(), "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Network.RespondToAddRequest(t.Context(), "", NetworkAddRequestRespondParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestNetworkAddRequests(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	reqs, resp, err := c.Network.ListAddRequests(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, reqs, 2)
	assert.Equal(t, NetworkRequestPending, reqs[0].Status)
	assert.Nil(t, reqs[0].Response)
	assert.Equal(t, "Billing Team Workspace", reqs[0].Element.Name)
	require.NotNil(t, reqs[1].Response)
	assert.Equal(t, "Too many errors, please fix and resubmit", reqs[1].Response.Message)
	assert.Equal(t, int64(12345678), reqs[1].Response.CreatedBy)
	assert.Equal(t, 10, resp.Total)
	assert.Equal(t, 2, resp.Limit)

	// The first example of the answer is the approved one.
	approved, _, err := c.Network.ApproveAddRequest(t.Context(), "232")
	require.NoError(t, err)
	assert.JSONEq(t, `{"status":"approved"}`, string(accountLastBody(h)))
	req, _ := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/network/private/network-entity/request/232", req.URL.Path)
	assert.Equal(t, NetworkRequestApproved, approved.Status)
	assert.Equal(t, int64(12345678), approved.Element.CreatedBy)

	_, _, err = c.Network.DenyAddRequest(t.Context(), "232", "Please fix the API issues first.")
	require.NoError(t, err)
	assert.JSONEq(t, `{"status":"denied","response":{"message":"Please fix the API issues first."}}`, string(accountLastBody(h)))
	_, _, err = c.Network.DenyAddRequest(t.Context(), "232", "")
	require.NoError(t, err)
	assert.JSONEq(t, `{"status":"denied"}`, string(accountLastBody(h)))
}

func TestNetworkErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("listPrivateNetworkWorkspaces", http.StatusForbidden) // "Feature Unavailable"
	h.Status("addWorkspaceToPrivateNetwork", http.StatusNotFound)
	h.Status("respondPrivateNetworkAddRequest", http.StatusBadRequest)
	c := newTestClient(t, h.URL)
	_, _, err := c.Network.List(t.Context(), nil)
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	_, _, err = c.Network.AddWorkspace(t.Context(), "5360b75f-447e-467c-9299-12fd6c92450d")
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "instanceNotFoundError", apiErr.Name)
	_, _, err = c.Network.ApproveAddRequest(t.Context(), "232")
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "invalidParamsError", apiErr.Name)
}
