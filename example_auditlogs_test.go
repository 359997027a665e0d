package postman_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Review last week's audit events, oldest first: who did what. Postman
// filters by day, so Since is rounded down to the day.
func ExampleAuditLogsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	now := time.Now().UTC()
	srv.AddAuditEvents(
		postmantest.AuditEvent{Action: "user.login_google_success", Message: "Alex Cruz logged in using Google.",
			ActorName: "Alex Cruz", ActorID: 87654321, Timestamp: now.AddDate(0, 0, -30)},
		postmantest.AuditEvent{Action: "team.scim_add_member", Message: "Taylor Lee was added to the team by SCIM.",
			ActorName: "Taylor Lee", ActorID: 12345678, Timestamp: now.AddDate(0, 0, -3)},
		postmantest.AuditEvent{Action: "workspace.visibility_changed", Message: "Taylor Lee made the Billing workspace public.",
			ActorName: "Taylor Lee", ActorID: 12345678, Timestamp: now.Add(-time.Hour)},
	)
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()

	opts := &postman.AuditLogListOptions{
		Since: time.Now().AddDate(0, 0, -7),
		Order: postman.AuditLogAscending,
	}
	for event, err := range client.AuditLogs.ListIter(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s (%s): %s\n", event.Action, event.Data.Actor.Name, event.Message)
	}
	// Output:
	// team.scim_add_member (Taylor Lee): Taylor Lee was added to the team by SCIM.
	// workspace.visibility_changed (Taylor Lee): Taylor Lee made the Billing workspace public.
}
