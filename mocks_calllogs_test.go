package postman

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestMocksCallLogsDecodesAndSendsFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	since := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	logs, resp, err := c.Mocks.ListCallLogs(t.Context(), testMockID, &MockCallLogListOptions{
		Since: since, RequestPath: "/animals?type=Dog", Sort: MockCallLogSortServedAt, Direction: MockSortAsc,
		Include: []string{MockCallLogIncludeRequestBody, MockCallLogIncludeResponseHeaders}})
	require.NoError(t, err)
	assert.Empty(t, resp.NextCursor, "nextCursor: null is the last page")
	require.Len(t, logs, 5)
	assert.Equal(t, "c4505a1e-7261-497c-91ff-db4bd51351a6-9545", logs[0].ID)
	assert.Equal(t, http.MethodPost, logs[0].Request.Method)
	assert.Equal(t, "/animals", logs[0].Request.Path)
	assert.Equal(t, 404, logs[0].Response.StatusCode)
	assert.Equal(t, "error", logs[0].Response.Type)
	assert.Equal(t, 2022, logs[0].ServedAt.Year())

	req, _ := h.LastRequest()
	q := req.URL.Query()
	assert.Equal(t, "2022-06-01T00:00:00Z", q.Get("since"))
	assert.Empty(t, q.Get("until"))
	assert.Equal(t, "/animals?type=Dog", q.Get("requestPath"))
	assert.Equal(t, "servedAt", q.Get("sort"))
	assert.Equal(t, "asc", q.Get("direction"))
	assert.Equal(t, "request.body,response.headers", q.Get("include"))
	assert.False(t, q.Has("limit"))
}

func TestMocksCallLogsDecodesHeadersAndBodies(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getMockCallLogs", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"call-logs":[{"id":"1","responseName":"Bad request","servedAt":"2022-01-17T06:19:22Z",
			"request":{"method":"POST","path":"/animals","headers":{"key":"content-type","value":"application/json"},
				"body":{"mode":"raw","data":"{\"type\":\"hamster\"}"}},
			"response":{"type":"error","statusCode":400,"headers":{"key":"content-type","value":"application/json",
				"description":{"content":"","type":"text/plain"}},"body":{"data":"{\"message\":\"Malformed\"}"}}}],
			"meta":{"nextCursor":null}}`))
	})
	c := newTestClient(t, h.URL)
	logs, _, err := c.Mocks.ListCallLogs(t.Context(), testMockID, nil)
	require.NoError(t, err)
	require.Len(t, logs, 1)
	l := logs[0]
	ct, ok := l.Request.Headers.Get("Content-Type")
	assert.True(t, ok)
	assert.Equal(t, "application/json", ct)
	require.NotNil(t, l.Request.Body)
	assert.Equal(t, "raw", l.Request.Body.Mode)
	assert.JSONEq(t, `{"type":"hamster"}`, l.Request.Body.Data)
	require.Len(t, l.Response.Headers, 1)
	require.NotNil(t, l.Response.Headers[0].Description)
	assert.Equal(t, "text/plain", l.Response.Headers[0].Description.Type)
	assert.JSONEq(t, `{"message":"Malformed"}`, l.Response.Body.Data)
}

// pagedCallLogs answers GET /mocks/{id}/call-logs with total logs split in
// pages of the requested limit, using the offset as the cursor.
func pagedCallLogs(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		list := []any{}
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]any{
				"id": fmt.Sprintf("log-%d", i), "servedAt": "2022-01-17T06:19:22Z",
				"request":  map[string]any{"method": "GET", "path": "/animals"},
				"response": map[string]any{"type": "success", "statusCode": 200},
			})
		}
		var next any
		if start+limit < total {
			next = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"call-logs": list, "meta": map[string]any{"nextCursor": next}})
	}
}

func TestMocksCallLogsIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getMockCallLogs", pagedCallLogs(7, &served))
	c := newTestClient(t, h.URL)
	opts := &MockCallLogListOptions{RequestMethod: "get", CursorOptions: CursorOptions{Limit: 3}}

	var ids []string
	for l, err := range c.Mocks.ListCallLogsIter(t.Context(), testMockID, opts) {
		require.NoError(t, err)
		ids = append(ids, l.ID)
	}
	assert.Equal(t, []string{"log-0", "log-1", "log-2", "log-3", "log-4", "log-5", "log-6"}, ids)
	assert.Equal(t, 3, served)
	assert.Empty(t, opts.Cursor, "the caller's options are not changed")
	for _, r := range h.Requests() {
		assert.Equal(t, "get", r.URL.Query().Get("requestMethod"), "filters go with every page")
	}

	served = 0
	n := 0
	for _, err := range c.Mocks.ListCallLogsIter(t.Context(), testMockID, opts) {
		require.NoError(t, err)
		n++
		if n == 4 {
			break
		}
	}
	assert.Equal(t, 4, n)
	assert.Equal(t, 2, served, "stopping early fetches no further page")
}

func TestMocksCallLogsIterDefaultsToLargestPageAndYieldsErrors(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getMockCallLogs", pagedCallLogs(2, &served))
	c := newTestClient(t, h.URL)
	n := 0
	for _, err := range c.Mocks.ListCallLogsIter(t.Context(), testMockID, nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
	req, _ := h.LastRequest()
	assert.Equal(t, "100", req.URL.Query().Get("limit"))

	h2 := conformance.New(t)
	h2.Status("getMockCallLogs", http.StatusBadRequest)
	c2 := newTestClient(t, h2.URL)
	calls := 0
	for l, err := range c2.Mocks.ListCallLogsIter(t.Context(), testMockID, nil) {
		calls++
		assert.Nil(t, l)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	}
	assert.Equal(t, 1, calls)
}
