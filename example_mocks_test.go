package postman_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A mock server of a collection answers with the collection's saved
// examples; a server response simulates an outage for every call until it
// is deactivated, and the call logs show what the mock answered.
func ExampleMocksService_ListCallLogsIter() {
	srv := postmantest.NewServer()
	defer srv.Close()
	team := srv.Workspaces()[1].ID
	srv.AddCollection(team, []byte(`{"info": {"name": "Billing API",
		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "List invoices", "request": {"method": "GET", "url": "{{baseUrl}}/invoices"},
			"response": [{"name": "Invoices", "code": 200, "body": "[{\"id\": \"inv-1\"}]"}]}]}`))
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	ws, _, err := client.Workspaces.Get(ctx, team, nil)
	if err != nil {
		log.Fatal(err)
	}
	mock, _, err := client.Mocks.Create(ctx, team, postman.MockCreateParams{
		Name:       "Billing mock",
		Collection: ws.Collections[0].UID,
	})
	if err != nil {
		log.Fatal(err)
	}
	// call is what the app under test does: call the mock's URL.
	call := func(path string) {
		resp, err := http.Get(mock.MockURL + path)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
	}
	defer http.DefaultClient.CloseIdleConnections()
	call("/invoices")

	outage, _, err := client.Mocks.CreateServerResponse(ctx, mock.ID, postman.MockServerResponseCreateParams{
		Name: "Maintenance", StatusCode: 503, Language: postman.MockLanguageJSON, Body: `{"message":"back soon"}`,
	})
	if err != nil {
		log.Fatal(err)
	}
	// Every call now gets the 503, until an empty ID deactivates it.
	if _, _, err := client.Mocks.Update(ctx, mock.ID, postman.MockUpdateParams{
		Config: &postman.MockUpdateConfig{ServerResponseID: outage.ID},
	}); err != nil {
		log.Fatal(err)
	}
	call("/invoices")
	if _, _, err := client.Mocks.Update(ctx, mock.ID, postman.MockUpdateParams{
		Config: &postman.MockUpdateConfig{ServerResponseID: ""},
	}); err != nil {
		log.Fatal(err)
	}
	call("/invoices")

	// The calls of the last hour, oldest first.
	opts := &postman.MockCallLogListOptions{
		Since:     time.Now().Add(-time.Hour),
		Sort:      postman.MockCallLogSortServedAt,
		Direction: postman.MockSortAsc,
	}
	for c, err := range client.Mocks.ListCallLogsIter(ctx, mock.ID, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.Request.Method, c.Request.Path, c.Response.StatusCode, c.ResponseName)
	}
	// Output:
	// GET /invoices 200 Invoices
	// GET /invoices 503 Maintenance
	// GET /invoices 200 Invoices
}
