package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/postman-go/postman"
)

// A mock server of a collection, made public, with a simulated outage, and
// the calls it answered in the last hour.
func ExampleMocksService_CallLogsIter() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	mock, _, err := client.Mocks.Create(ctx, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", postman.MockCreateRequest{
		Name:       "Billing mock",
		Collection: "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2",
	})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Mocks.Publish(ctx, mock.ID); err != nil {
		log.Fatal(err)
	}
	outage, _, err := client.Mocks.CreateServerResponse(ctx, mock.ID, postman.MockServerResponseCreateRequest{
		Name: "Maintenance", StatusCode: 503, Language: postman.MockLanguageJSON, Body: `{"message":"back soon"}`,
	})
	if err != nil {
		log.Fatal(err)
	}
	// Every call now gets the 503, until an empty ID deactivates it.
	_, _, err = client.Mocks.Update(ctx, mock.ID, postman.MockUpdateRequest{
		Config: &postman.MockUpdateConfig{ServerResponseID: outage.ID},
	})
	if err != nil {
		log.Fatal(err)
	}

	opts := &postman.MockCallLogsOptions{Since: time.Now().Add(-time.Hour), Include: []string{postman.MockCallLogIncludeRequestHeaders}}
	for call, err := range client.Mocks.CallLogsIter(ctx, mock.ID, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(call.ServedAt.Format(time.RFC3339), call.Request.Method, call.Request.Path, call.Response.StatusCode)
	}
}
