package postman_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Generate an OpenAI tool that calls a request of a public collection.
func ExamplePostbotService_GenerateTool() {
	srv := postmantest.NewServer()
	defer srv.Close()
	team := srv.Workspaces()[1].ID
	collectionID := srv.AddCollection(team, []byte(`{"info": {"name": "Weather API",
	  "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	  "item": [{"id": "c82dd02c-4870-4907-8fcb-593a876cf05b", "name": "Get the forecast",
	            "request": {"method": "GET", "url": "https://api.example.com/forecast"}}]}`))
	srv.PublishCollection(collectionID) // Postbot only reads public collections
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	ws, _, err := client.Workspaces.Get(ctx, team, nil)
	if err != nil {
		log.Fatal(err)
	}
	tool, _, err := client.Postbot.GenerateTool(ctx, postman.PostbotToolGenerateParams{
		CollectionID: ws.Collections[0].UID,
		RequestID:    "c82dd02c-4870-4907-8fcb-593a876cf05b",
		Config:       postman.PostbotToolConfig{Language: postman.PostbotTypeScript, AgentFramework: postman.PostbotOpenAI},
	})
	if err != nil {
		log.Fatal(err)
	}
	first, _, _ := strings.Cut(tool.Text, "\n")
	fmt.Println(first)
	// Output:
	// // Tool get_the_forecast: Get the forecast (GET https://api.example.com/forecast)
}
