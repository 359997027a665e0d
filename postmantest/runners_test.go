package postmantest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestRunnerInstancesAndMetrics(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	now := time.Now().UTC()
	var instances []postmantest.RunnerInstance
	for i := range 30 {
		instances = append(instances, postmantest.RunnerInstance{Hostname: "runner-" + string(rune('a'+i%26)) + string(rune('a'+i/26)),
			UniqueID: "b58628", CLIVersion: "1.23.0", OSType: "Linux", LastPingedAt: now.Add(-time.Duration(30-i) * time.Minute)})
	}
	runner := srv.AddRunner(postmantest.Runner{Instances: instances, Queued: []time.Time{now.Add(-10 * time.Minute), now.Add(-time.Minute)}})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	page, resp, err := c.Monitors.ListRunnerInstances(ctx, runner, nil)
	require.NoError(t, err)
	require.Len(t, page, 25, "25 a page by default")
	assert.NotEmpty(t, resp.NextCursor)
	assert.Equal(t, "Rrunner-aa|b58628|1.23.0|Linux", page[0].ID, "the longest silent first")
	assert.Equal(t, runner, page[0].RunnerID)
	var all []*postman.MonitorRunnerInstance
	for in, err := range c.Monitors.ListRunnerInstancesIter(ctx, runner, &postman.MonitorRunnerInstanceListOptions{CursorOptions: postman.CursorOptions{Limit: 10}}) {
		require.NoError(t, err)
		all = append(all, in)
	}
	assert.Len(t, all, 30)

	m, _, err := c.Monitors.GetRunnerMetrics(ctx, runner)
	require.NoError(t, err)
	assert.Equal(t, 2, m.QueueDepth)
	assert.InDelta(t, 600, m.OldestQueuedRunAgeSeconds, 5)
	assert.WithinDuration(t, now.Add(-time.Minute), m.LastPingAt.Time, time.Second)

	// A ping takes the oldest run and moves the instance to the end.
	require.True(t, srv.PingRunner(runner, instances[0]))
	m, _, err = c.Monitors.GetRunnerMetrics(ctx, runner)
	require.NoError(t, err)
	assert.Equal(t, 1, m.QueueDepth)
	assert.InDelta(t, 60, m.OldestQueuedRunAgeSeconds, 5)
	assert.WithinDuration(t, time.Now(), m.LastPingAt.Time, 2*time.Second)
	page, _, err = c.Monitors.ListRunnerInstances(ctx, runner, &postman.MonitorRunnerInstanceListOptions{CursorOptions: postman.CursorOptions{Limit: 1}})
	require.NoError(t, err)
	assert.Equal(t, "runner-ba", page[0].Hostname)
	require.True(t, srv.QueueRunnerRun(runner))
	require.True(t, srv.PingRunner(runner, postmantest.RunnerInstance{Hostname: "new-host", UniqueID: "f1b9f8", CLIVersion: "1.24.0", OSType: "Darwin"}))
	all = all[:0]
	for in, err := range c.Monitors.ListRunnerInstancesIter(ctx, runner, nil) {
		require.NoError(t, err)
		all = append(all, in)
	}
	require.Len(t, all, 31, "a new instance joins the runner")
	assert.Equal(t, "new-host", all[30].Hostname)

	_, _, err = c.Monitors.ListRunnerInstances(ctx, "00000000-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Monitors.GetRunnerMetrics(ctx, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = newPlainClient(t, srv).Monitors.ListRunnerInstances(ctx, runner, &postman.MonitorRunnerInstanceListOptions{CursorOptions: postman.CursorOptions{Limit: 26}})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Query param limit cannot exceed 25.", apiErr.Detail)
}
