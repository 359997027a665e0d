package postmantest_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// TestMonitorScheduleHasNextRun checks getMonitor's schedule.nextRun
// against a minute-by-minute search of what each pattern allows.
func TestMonitorScheduleHasNextRun(t *testing.T) {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	weekday := func(t time.Time) bool { return t.Weekday() >= time.Monday && t.Weekday() <= time.Friday }
	for _, tc := range []struct {
		cron     string
		timezone string
		loc      *time.Location
		allows   func(time.Time) bool
	}{
		// getMonitor's example: daily at local midnight.
		{"0 0 * * * *", "America/Chicago", chicago, func(t time.Time) bool { return t.Hour() == 0 && t.Minute() == 0 }},
		{"*/5 * * * *", "America/Chicago", chicago, func(t time.Time) bool { return t.Minute()%5 == 0 }},
		{"30 9 * * 1-5", "Asia/Kolkata", kolkata, func(t time.Time) bool { return t.Hour() == 9 && t.Minute() == 30 && weekday(t) }},
		{"0 */6 1,15 * *", "", time.UTC, func(t time.Time) bool {
			return t.Minute() == 0 && t.Hour()%6 == 0 && (t.Day() == 1 || t.Day() == 15)
		}},
		// Both day fields restricted: either day runs.
		{"0 12 13 * 5", "", time.UTC, func(t time.Time) bool {
			return t.Hour() == 12 && t.Minute() == 0 && (t.Day() == 13 || t.Weekday() == time.Friday)
		}},
	} {
		t.Run(tc.cron+" "+tc.timezone, func(t *testing.T) {
			id := srv.AddMonitor(postmantest.Monitor{Name: "Scheduled", Active: true, Cron: tc.cron, Timezone: tc.timezone})
			before := time.Now()
			m, _, err := c.Monitors.Get(t.Context(), id)
			require.NoError(t, err)
			after := time.Now()
			search := func(from time.Time) time.Time {
				t := from.In(tc.loc).Truncate(time.Minute).Add(time.Minute)
				for !tc.allows(t) {
					t = t.Add(time.Minute)
				}
				return t
			}
			got := m.Schedule.NextRun.Time
			assert.Contains(t, []time.Time{search(before).UTC(), search(after).UTC()}, got.UTC())
		})
	}
}

func TestPausedMonitorHasNoNextRun(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	id := srv.AddMonitor(postmantest.Monitor{Name: "Paused", Cron: "0 * * * *"})
	m, _, err := c.Monitors.Get(t.Context(), id)
	require.NoError(t, err)
	assert.Equal(t, "0 * * * *", m.Schedule.Cron)
	assert.True(t, m.Schedule.NextRun.IsZero())
}

func TestMonitorAnswersBothNotificationLists(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	colID := srv.AddCollection(ws, []byte(petsCollection))
	c := newClient(t, srv, "any-key")

	created, _, err := c.Monitors.Create(t.Context(), ws, postman.MonitorCreateParams{Name: "Pets", Collection: uid(colID),
		Schedule:      postman.MonitorSchedule{Cron: "0 * * * *", Timezone: "UTC"},
		Notifications: &postman.MonitorNotifications{OnFailure: []postman.MonitorNotification{{Email: "ops@example.com"}}}})
	require.NoError(t, err)
	seeded := srv.AddMonitor(postmantest.Monitor{Name: "Seeded", Active: true, Cron: "0 * * * *"})
	for _, id := range []string{created.UID, seeded} {
		var raw struct {
			Monitor struct {
				Notifications map[string]json.RawMessage `json:"notifications"`
			} `json:"monitor"`
		}
		_, err = c.Do(t.Context(), http.MethodGet, "/monitors/"+id, nil, &raw)
		require.NoError(t, err)
		assert.JSONEq(t, `[]`, string(raw.Monitor.Notifications["onError"]), "onError is answered even when none was sent")
		require.Contains(t, raw.Monitor.Notifications, "onFailure")
	}
	m, _, err := c.Monitors.Get(t.Context(), created.UID)
	require.NoError(t, err)
	assert.Equal(t, []postman.MonitorNotification{{Email: "ops@example.com"}}, m.Notifications.OnFailure)
}
