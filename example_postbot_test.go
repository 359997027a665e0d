package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Generate an OpenAI tool that calls a request of a public collection.
func ExamplePostbotService_GenerateTool() {
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	tool, _, err := client.Postbot.GenerateTool(context.Background(), postman.PostbotToolRequest{
		CollectionID: "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2",
		RequestID:    "c82dd02c-4870-4907-8fcb-593a876cf05b",
		Config:       postman.PostbotToolConfig{Language: postman.PostbotTypeScript, AgentFramework: postman.PostbotOpenAI},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tool.Text)
}
