package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A webhook that runs a collection whenever its URL is called.
func ExampleWebhooksService_Create() {
	srv := postmantest.NewServer()
	defer srv.Close()
	workspaceID := srv.Workspaces()[1].ID
	srv.AddCollection(workspaceID,
		[]byte(`{"info": {"name": "Smoke tests", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}`))
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	ws, _, err := client.Workspaces.Get(ctx, workspaceID, nil)
	if err != nil {
		log.Fatal(err)
	}
	hook, _, err := client.Webhooks.Create(ctx, workspaceID,
		postman.WebhookCreateParams{Name: "Deploy smoke tests", Collection: ws.Collections[0].UID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", hook.Name) // POST your payload to hook.WebhookURL
	// The monitor behind the webhook has the same ID and name.
	m, _, err := client.Monitors.Get(ctx, hook.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("monitor:", m.Name)
	// Output:
	// created Deploy smoke tests
	// monitor: Deploy smoke tests
}
