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

func TestAuditLogsConformance(t *testing.T) {
	since := time.Date(2022, 8, 30, 0, 0, 0, 0, time.UTC)
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.AuditLogs.List(ctx, &AuditLogListOptions{
				UserID: 12345678, Action: "team.scim_add_member", Since: since, Until: since.AddDate(0, 0, 16),
				Order: AuditLogAscending, CursorOptions: CursorOptions{Limit: 50},
			})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.AuditLogs.ListIter(ctx, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "ListActions", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.AuditLogs.ListActions(ctx)
			return err
		}},
	})
}

func TestAuditLogsListDecodesAndFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	// A local time just after midnight is still the previous day in UTC.
	tz := time.FixedZone("UTC+2", 2*3600)
	logs, resp, err := c.AuditLogs.List(t.Context(), &AuditLogListOptions{
		UserID: 12345678, Action: "user.login_google_success",
		Since: time.Date(2022, 8, 31, 1, 0, 0, 0, tz), Until: time.Date(2022, 9, 15, 12, 0, 0, 0, time.UTC),
		Order: AuditLogDescending, CursorOptions: CursorOptions{Limit: 300, Cursor: "c1"},
	})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	q := req.URL.Query()
	assert.Equal(t, "12345678", q.Get("userId"))
	assert.Equal(t, "user.login_google_success", q.Get("action"))
	assert.Equal(t, "2022-08-30", q.Get("since"))
	assert.Equal(t, "2022-09-15", q.Get("until"))
	assert.Equal(t, "desc", q.Get("orderBy"))
	assert.Equal(t, "desc", q.Get("order_by"), "the older spelling too: one description knows only it")
	assert.Equal(t, "300", q.Get("limit"))
	assert.Equal(t, "c1", q.Get("cursor"))

	require.Len(t, logs, 2)
	l := logs[0]
	assert.Equal(t, int64(12345678), l.ID)
	assert.Equal(t, "192.0.2.0", l.IP)
	assert.Equal(t, "user.login_google_success", l.Action)
	assert.Equal(t, time.Date(2022, 8, 31, 15, 19, 32, 0, time.UTC), l.Timestamp.UTC())
	assert.Equal(t, "taylor-lee", l.Data.Actor.Username)
	assert.True(t, l.Data.Actor.Active)
	assert.Equal(t, "alex.cruz@example.com", logs[1].Data.User.Email)
	assert.Equal(t, AuditLogTeam{ID: 1234, Name: "Test-Team"}, l.Data.Team)
	assert.Empty(t, resp.NextCursor)
}

// pagedAuditLogs answers GET /audit/logs with total events in pages of the
// requested limit; the cursor is the offset, written in meta or at the top
// level on alternate pages (the description documents neither).
func pagedAuditLogs(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		trails := []any{}
		for i := start; i < min(start+limit, total); i++ {
			trails = append(trails, map[string]any{"id": i, "action": "user.login", "message": fmt.Sprintf("event %d", i),
				"timestamp": "2022-08-31T15:19:32Z"})
		}
		page := map[string]any{"trails": trails}
		if start+limit < total {
			next := strconv.Itoa(start + limit)
			if *served%2 == 1 {
				page["meta"] = map[string]any{"nextCursor": next}
			} else {
				page["nextCursor"] = next
			}
		}
		accountJSON(http.StatusOK, page)(w, r)
	}
}

func TestAuditLogsListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getAuditLogs", pagedAuditLogs(10, &served))
	c := newTestClient(t, h.URL)

	opts := &AuditLogListOptions{Action: "user.login", CursorOptions: CursorOptions{Limit: 4}}
	var ids []int64
	for l, err := range c.AuditLogs.ListIter(t.Context(), opts) {
		require.NoError(t, err)
		ids = append(ids, l.ID)
	}
	assert.Equal(t, []int64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ids)
	assert.Equal(t, 3, served)
	for _, req := range h.Requests() {
		assert.Equal(t, "user.login", req.URL.Query().Get("action"), "every page keeps the filters")
	}
	assert.Empty(t, opts.Cursor, "the caller's options are not changed")

	served = 0
	n := 0
	for _, err := range c.AuditLogs.ListIter(t.Context(), &AuditLogListOptions{CursorOptions: CursorOptions{Limit: 4}}) {
		require.NoError(t, err)
		if n++; n == 5 {
			break
		}
	}
	assert.Equal(t, 5, n)
	assert.Equal(t, 2, served, "stopping early fetches no further page")

	for _, err := range c.AuditLogs.ListIter(t.Context(), nil) {
		require.NoError(t, err)
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "300", req.URL.Query().Get("limit"), "the iterator asks for Postman's largest page")
}

func TestAuditLogsListActions(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	actions, _, err := c.AuditLogs.ListActions(t.Context())
	require.NoError(t, err)
	require.Len(t, actions, 15)
	assert.Equal(t, AuditLogAction{Name: "user.mfa_disabled", DisplayName: "2FA Disabled"}, *actions[0])
}

func TestAuditLogsErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getAuditLogs", http.StatusBadRequest)
	h.Status("getAuditLogEventActions", http.StatusForbidden)
	c := newTestClient(t, h.URL)
	_, _, err := c.AuditLogs.List(t.Context(), &AuditLogListOptions{Action: "login"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidAuditAction", apiErr.Name)
	calls := 0
	for l, err := range c.AuditLogs.ListIter(t.Context(), nil) {
		calls++
		assert.Nil(t, l)
		assert.ErrorAs(t, err, &apiErr)
	}
	assert.Equal(t, 1, calls, "the error is yielded once")
	_, _, err = c.AuditLogs.ListActions(t.Context())
	assert.ErrorIs(t, err, ErrForbidden)
}
