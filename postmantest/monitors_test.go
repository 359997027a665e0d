package postmantest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestMonitorCRUDAndFilters(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	colID := srv.AddCollection(ws, []byte(petsCollection))
	envID := srv.AddEnvironment(ws, "Staging")
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	created, _, err := c.Monitors.Create(ctx, ws, postman.MonitorCreateParams{Name: "Pets every hour", Collection: uid(colID),
		Environment: uid(envID), Schedule: postman.MonitorSchedule{Cron: "0 * * * *", Timezone: "Europe/Berlin"},
		Retry: &postman.MonitorRetry{Attempts: 2}, Distribution: []postman.MonitorDistribution{{Region: postman.MonitorRegionEUCentral}},
		Notifications: &postman.MonitorNotifications{OnFailure: []postman.MonitorNotification{{Email: "ops@example.com"}}}})
	require.NoError(t, err)
	assert.True(t, created.Active, "monitors are active unless created paused")
	_, _, err = c.Monitors.Create(ctx, ws, postman.MonitorCreateParams{Name: "Too often", Collection: uid(colID),
		Schedule: postman.MonitorSchedule{Cron: "* * * * *"}})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "cronPatternNotAllowedError", apiErr.Name)
	for i := range 4 {
		srv.AddMonitor(postmantest.Monitor{Name: "Seeded " + string(rune('A'+i)), Active: i%2 == 0, CollectionUID: uid(colID), WorkspaceID: ws})
	}

	got, _, err := c.Monitors.Get(ctx, created.UID)
	require.NoError(t, err)
	assert.Equal(t, "Pets every hour", got.Name)
	assert.Equal(t, uid(envID), got.EnvironmentUID)
	assert.Equal(t, "Europe/Berlin", got.Schedule.Timezone)
	assert.Equal(t, 2, got.Retry.Attempts)
	require.Len(t, got.Distribution, 1)
	assert.Equal(t, "ops@example.com", got.Notifications.OnFailure[0].Email)

	active, _, err := c.Monitors.List(ctx, &postman.MonitorListOptions{Workspace: ws, Active: true})
	require.NoError(t, err)
	assert.Len(t, active, 3)
	byEnv, _, err := c.Monitors.List(ctx, &postman.MonitorListOptions{EnvironmentUID: uid(envID)})
	require.NoError(t, err)
	require.Len(t, byEnv, 1)
	assert.Equal(t, created.ID, byEnv[0].ID)
	// The description forbids the request, so it goes around the SDK.
	status, body := call(t, plainHTTP(t), http.MethodGet, srv.URL+"/monitors?limit=26", "any-key", nil)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, "Query param limit cannot exceed 25.")
	var names []string
	for m, err := range c.Monitors.ListIter(ctx, &postman.MonitorListOptions{CursorOptions: postman.CursorOptions{Limit: 2}}) {
		require.NoError(t, err)
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"Pets every hour", "Seeded A", "Seeded B", "Seeded C", "Seeded D"}, names)

	_, _, err = c.Monitors.Pause(ctx, created.ID)
	require.NoError(t, err)
	name := "Pets hourly"
	_, _, err = c.Monitors.Update(ctx, created.ID, postman.MonitorUpdateParams{Name: &name,
		Schedule: &postman.MonitorSchedule{Cron: "30 * * * *"}})
	require.NoError(t, err)
	stored := srv.Monitors()[0]
	assert.False(t, stored.Active)
	assert.Equal(t, name, stored.Name)
	assert.Equal(t, "30 * * * *", stored.Cron)
	assert.Equal(t, "Europe/Berlin", stored.Timezone, "an update keeps what it does not name")

	wsGot, _, err := c.Workspaces.Get(ctx, ws, nil)
	require.NoError(t, err)
	assert.Len(t, wsGot.Monitors, 5)

	_, err = c.Monitors.Delete(ctx, created.ID)
	require.NoError(t, err)
	_, _, err = c.Monitors.Get(ctx, created.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	assert.Len(t, srv.Monitors(), 4)
}

func TestMonitorAsyncRunCompletesAfterTaskDelay(t *testing.T) {
	t.Parallel() // it waits for tasks
	srv := postmantest.NewServer(postmantest.WithTaskDelay(500 * time.Millisecond))
	t.Cleanup(srv.Close)
	ok := srv.AddMonitor(postmantest.Monitor{Name: "Healthy", Active: true})
	bad := srv.AddMonitor(postmantest.Monitor{Name: "Broken", Active: true, FailingTests: []string{"status is 200"}})
	inVirtualTime(t, srv, func(t *testing.T, c *postman.Client) {
		ctx := t.Context()

		run, _, err := c.Monitors.Run(ctx, ok, &postman.MonitorRunOptions{Async: true})
		require.NoError(t, err)
		assert.False(t, run.Finished())
		m, _, err := c.Monitors.Get(ctx, ok)
		require.NoError(t, err)
		require.NotNil(t, m.LastRun)
		assert.Equal(t, postman.MonitorRunRunning, m.LastRun.Status, "the run is still going within the task delay")

		done, _, err := c.Monitors.WaitRun(ctx, run)
		require.NoError(t, err)
		assert.Equal(t, postman.MonitorRunSuccess, done.Info.Status)
		assert.Equal(t, run.Info.JobID, done.Info.JobID)
		assert.False(t, done.Failed())

		failed, _, err := c.Monitors.RunAndWait(ctx, bad)
		require.NoError(t, err)
		assert.True(t, failed.Failed())
		require.NotNil(t, failed.Stats)
		assert.Equal(t, 1, failed.Stats.Assertions.Failed)
		assert.Equal(t, 1, srv.MonitorRuns(bad))

		sync, _, err := c.Monitors.Run(ctx, bad, nil)
		require.NoError(t, err)
		assert.True(t, sync.Finished(), "a synchronous run answers when it is over")
		require.Len(t, sync.Failures(), 1)
		assert.Equal(t, "status is 200", sync.Failures()[0].Assertion)
	}, postman.WithTaskPolling(5*time.Millisecond, 20*time.Millisecond))
}
