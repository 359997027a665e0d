package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// A webhook that runs a collection whenever its URL is called.
func ExampleWebhooksService_Create() {
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	hook, _, err := client.Webhooks.Create(context.Background(), "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9",
		postman.WebhookCreateRequest{Name: "Deploy smoke tests", Collection: "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("POST your payload to", hook.WebhookURL)
}
