package postmantest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestAuditActionsListEveryActionOfTheEvents(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddAuditEvents(postmantest.AuditEvent{Action: "team.scim_add_member", Message: "added", ActorName: "taylor", ActorID: 1, Timestamp: time.Now()})
	srv.AddAuditActions(postmantest.AuditAction{Name: "user.login_google_success", DisplayName: "Logged In With Google"})
	c := newClient(t, srv, "any-key")

	actions, _, err := c.AuditLogs.ListActions(t.Context())
	require.NoError(t, err)
	require.Len(t, actions, 17)
	assert.Equal(t, postman.AuditLogAction{Name: "user.mfa_disabled", DisplayName: "2FA Disabled"}, *actions[0])
	names := map[string]string{}
	var displays []string
	for _, a := range actions {
		names[a.Name] = a.DisplayName
		displays = append(displays, strings.ToLower(a.DisplayName))
	}
	assert.Equal(t, "Scim add member", names["team.scim_add_member"], "an event's action is listed")
	assert.Equal(t, "Logged In With Google", names["user.login_google_success"])
	assert.IsNonDecreasing(t, displays, "ordered by display name")
}

func TestAuditLogsFilterByActionAndUserInOrder(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	srv.AddAuditEvents(
		postmantest.AuditEvent{Action: "user.login_password_success", Message: "taylor in", ActorName: "taylor", ActorID: 1, Timestamp: day},
		postmantest.AuditEvent{Action: "team.add_member", Message: "alex added", ActorName: "taylor", ActorID: 1, Timestamp: day.AddDate(0, 0, 2)},
		postmantest.AuditEvent{Action: "user.login_password_success", Message: "alex in", ActorName: "alex", ActorID: 2, Timestamp: day.AddDate(0, 0, 1)},
	)
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	messages := func(opts *postman.AuditLogListOptions) []string {
		t.Helper()
		var out []string
		for e, err := range c.AuditLogs.ListIter(ctx, opts) {
			require.NoError(t, err)
			out = append(out, e.Message)
		}
		return out
	}
	assert.Equal(t, []string{"alex added", "alex in", "taylor in"}, messages(nil), "newest first by default")
	assert.Equal(t, []string{"taylor in", "alex in", "alex added"}, messages(&postman.AuditLogListOptions{Order: postman.AuditLogAscending}))
	assert.Equal(t, []string{"alex in", "taylor in"}, messages(&postman.AuditLogListOptions{Action: "user.login_password_success"}))
	assert.Equal(t, []string{"alex added", "taylor in"}, messages(&postman.AuditLogListOptions{UserID: 1}))

	_, _, err := c.AuditLogs.List(ctx, &postman.AuditLogListOptions{Action: "login"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "InvalidAuditAction", apiErr.Name)
}
