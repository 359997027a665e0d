package postman_test

import (
	"context"
	"encoding/json"
	"log"
	"os"
	"time"

	"github.com/postman-go/postman"
)

// Export last week's audit events as JSON lines, oldest first.
func ExampleAuditLogsService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	enc := json.NewEncoder(os.Stdout)
	opts := &postman.AuditLogListOptions{
		Since: time.Now().AddDate(0, 0, -7),
		Order: postman.AuditLogAscending,
	}
	for event, err := range client.AuditLogs.ListIter(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		if err := enc.Encode(event); err != nil {
			log.Fatal(err)
		}
	}
}
