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

const (
	testMonitorID = "1e6b6cc1-c760-48e0-968f-4bfaeeae9af1"
	testRunnerID  = "1f08d6ba-c377-4ca0-be80-af81daf8fef9"
)

func TestMonitorsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.List(ctx, &MonitorListOptions{Workspace: testWorkspaceID, Active: true, Owner: 12345678,
				CollectionUID: testCollectionUID, CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Monitors.ListIter(ctx, &MonitorListOptions{EnvironmentUID: testEnvUID}) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.Get(ctx, testMonitorID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.Create(ctx, testWorkspaceID, testMonitorCreateRequest())
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.Update(ctx, testMonitorID, MonitorUpdateParams{Name: Ptr("Test Monitor"),
				Retry: &MonitorRetry{Attempts: 2}, Schedule: &MonitorSchedule{Cron: "*/5 * * * *", Timezone: "America/Chicago"}})
			return err
		}},
		{name: "Pause", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.Pause(ctx, testMonitorID)
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Monitors.Delete(ctx, testMonitorID)
			return err
		}},
		{name: "Run", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.Run(ctx, testMonitorID, nil)
			return err
		}},
		{name: "RunAsync", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.Run(ctx, testMonitorID, &MonitorRunOptions{Async: true})
			return err
		}},
		{name: "RunnerInstances", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.ListRunnerInstances(ctx, testRunnerID, &MonitorRunnerInstanceListOptions{CursorOptions{Limit: 10}})
			return err
		}},
		{name: "RunnerMetrics", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Monitors.GetRunnerMetrics(ctx, testRunnerID)
			return err
		}},
	})
}

func testMonitorCreateRequest() MonitorCreateParams {
	return MonitorCreateParams{
		Name: "Test Monitor", Collection: testCollectionUID, Environment: testEnvUID,
		Schedule:          MonitorSchedule{Cron: "*/5 * * * *", Timezone: "America/Chicago"},
		Active:            Ptr(true),
		NotificationLimit: 2,
		Retry:             &MonitorRetry{Attempts: 1},
		Options:           &MonitorOptions{StrictSSL: Ptr(true), FollowRedirects: Ptr(false), RequestTimeout: 4000, RequestDelay: 5},
		Notifications: &MonitorNotifications{OnError: []MonitorNotification{{Email: "taylor.lee@example.com"}},
			OnFailure: []MonitorNotification{}},
		Distribution: []MonitorDistribution{{Region: MonitorRegionUSEast}, {Region: MonitorRegionCACentral}},
	}
}

func TestMonitorsCreateSendsWorkspaceAndBody(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	m, _, err := c.Monitors.Create(t.Context(), testWorkspaceID, testMonitorCreateRequest())
	require.NoError(t, err)
	assert.Equal(t, testMonitorID, m.ID)
	assert.True(t, m.Active)

	req, body := h.LastRequest()
	assert.Equal(t, "workspace="+testWorkspaceID, req.URL.RawQuery)
	assert.JSONEq(t, `{"monitor":{"name":"Test Monitor","collection":"`+testCollectionUID+`","environment":"`+testEnvUID+`",
		"schedule":{"cron":"*/5 * * * *","timezone":"America/Chicago"},"active":true,"notificationLimit":2,
		"retry":{"attempts":1},"options":{"followRedirects":false,"strictSSL":true,"requestDelay":5,"requestTimeout":4000},
		"distribution":[{"region":"us-east"},{"region":"ca-central"}],
		"notifications":{"onError":[{"email":"taylor.lee@example.com"}],"onFailure":[]}}}`, string(body))

	_, _, err = c.Monitors.Create(t.Context(), "", testMonitorCreateRequest())
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 1)
}

func TestMonitorsPauseResumeBodies(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Monitors.Pause(t.Context(), testMonitorID)
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"monitor":{"active":false}}`, string(body))
	_, _, err = c.Monitors.Resume(t.Context(), testMonitorID)
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.JSONEq(t, `{"monitor":{"active":true}}`, string(body))
}

func TestMonitorsGetDecodesExample(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	m, _, err := c.Monitors.Get(t.Context(), testMonitorID)
	require.NoError(t, err)
	assert.Equal(t, "Test Monitor", m.Name)
	assert.Equal(t, int64(12345678), m.Owner)
	assert.Equal(t, 1, m.NotificationLimit)
	require.NotNil(t, m.Options)
	require.NotNil(t, m.Options.StrictSSL)
	assert.True(t, *m.Options.StrictSSL)
	assert.Equal(t, 3000, m.Options.RequestTimeout)
	require.NotNil(t, m.Notifications)
	assert.Equal(t, "taylor.lee@example.com", m.Notifications.OnFailure[0].Email)
	assert.Equal(t, []MonitorDistribution{{Region: MonitorRegionUSEast}}, m.Distribution)
	require.NotNil(t, m.Schedule)
	assert.Equal(t, "America/Chicago", m.Schedule.Timezone)
	assert.Equal(t, 2025, m.Schedule.NextRun.Year())
	require.NotNil(t, m.LastRun)
	assert.Equal(t, MonitorRunSuccess, m.LastRun.Status)
	assert.Equal(t, "e72dc3de-e4ac-407c-b1cc-2c5b6efced68", m.LastRun.JobID)
	require.NotNil(t, m.LastRun.Stats)
	assert.Equal(t, MonitorRunCount{Total: 5, Failed: 0}, m.LastRun.Stats.Assertions)
	assert.Equal(t, 42, m.LastRun.Stats.RunCount)
	assert.Equal(t, int64(850), m.LastRun.Stats.ResponseLatency)
}

func TestMonitorsErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getMonitor", http.StatusNotFound)
	h.Status("runMonitor", http.StatusForbidden)
	h.Status("getRunnerMetrics", http.StatusNotFound)
	c := newTestClient(t, h.URL)

	_, _, err := c.Monitors.Get(t.Context(), testMonitorID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Monitors.Run(t.Context(), testMonitorID, nil)
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	_, _, err = c.Monitors.GetRunnerMetrics(t.Context(), testRunnerID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Monitors.RunAndWait(t.Context(), "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Monitors.WaitRun(t.Context(), nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 3)
}

// pagedMonitors answers GET /monitors with total monitors split in pages
// of the requested limit, using the offset as the cursor.
func pagedMonitors(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		list := []any{}
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("mon-%d", i), "name": fmt.Sprintf("Monitor %d", i), "active": true})
		}
		next := ""
		if start+limit < total {
			next = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"monitors": list, "meta": map[string]any{"nextCursor": next, "limit": limit}})
	}
}

func TestMonitorsListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getMonitors", pagedMonitors(60, &served))
	c := newTestClient(t, h.URL)

	n := 0
	for m, err := range c.Monitors.ListIter(t.Context(), &MonitorListOptions{Active: true}) {
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("mon-%d", n), m.ID)
		n++
	}
	assert.Equal(t, 60, n)
	assert.Equal(t, 3, served)
	for _, r := range h.Requests() {
		assert.Equal(t, "25", r.URL.Query().Get("limit"), "monitor pages are at most 25")
		assert.Equal(t, "true", r.URL.Query().Get("active"))
	}

	served = 0
	n = 0
	for _, err := range c.Monitors.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		if n++; n == 26 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")

	_, resp, err := c.Monitors.List(t.Context(), &MonitorListOptions{CursorOptions: CursorOptions{Limit: 5}})
	require.NoError(t, err)
	assert.Equal(t, "5", resp.NextCursor)
	assert.Equal(t, 5, resp.Limit)
}

func TestMonitorsRunnerInstancesDecodeAndIterate(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getRunnerInstances", func(w http.ResponseWriter, r *http.Request) {
		meta := map[string]any{"model": "runnerInstance", "action": "find"}
		host := "testing-78b4f9c59c-5c7mx"
		if r.URL.Query().Get("cursor") == "" {
			meta["nextCursor"] = "page-2"
		} else {
			host = "testing-78b4f9c59c-bdjdr"
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"meta": meta, "data": []any{map[string]any{
			"id": "R" + host + "|b5862804ba|1.23.0|Linux", "hostname": host, "uniqueId": "b5862804ba", "cliVersion": "1.23.0",
			"osType": "Linux", "runnerId": testRunnerID, "lastPingedAt": "2025-11-06T14:59:53Z"}}})
	})
	c := newTestClient(t, h.URL)
	list, resp, err := c.Monitors.ListRunnerInstances(t.Context(), testRunnerID, nil)
	require.NoError(t, err)
	assert.Equal(t, "page-2", resp.NextCursor)
	require.Len(t, list, 1)
	assert.Equal(t, testRunnerID, list[0].RunnerID)
	assert.Equal(t, "1.23.0", list[0].CLIVersion)
	assert.Equal(t, "Linux", list[0].OSType)
	assert.Equal(t, 2025, list[0].LastPingedAt.Year())

	var hosts []string
	for inst, err := range c.Monitors.ListRunnerInstancesIter(t.Context(), testRunnerID, nil) {
		require.NoError(t, err)
		hosts = append(hosts, inst.Hostname)
	}
	assert.Equal(t, []string{"testing-78b4f9c59c-5c7mx", "testing-78b4f9c59c-bdjdr"}, hosts)
	req, _ := h.LastRequest()
	assert.Equal(t, "25", req.URL.Query().Get("limit"))
	assert.Equal(t, "page-2", req.URL.Query().Get("cursor"))

	m, _, err := c.Monitors.GetRunnerMetrics(t.Context(), testRunnerID)
	require.NoError(t, err)
	assert.Equal(t, 9, m.QueueDepth)
	assert.Equal(t, int64(10213), m.OldestQueuedRunAgeSeconds)
	assert.Equal(t, 2025, m.LastPingAt.Year())
}
