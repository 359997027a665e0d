package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Rotating one secret patches that variable alone; the other variables
// of the environment are not sent, and the secret never prints.
func ExampleEnvironmentsService_SetVariable() {
	srv := postmantest.NewServer()
	defer srv.Close()
	envID := srv.AddEnvironment(srv.Workspaces()[0].ID, "Staging",
		postmantest.EnvironmentVariable{Key: "baseUrl", Value: "https://staging.example.com", Type: "default"},
		postmantest.EnvironmentVariable{Key: "apiKey", Value: "old", Type: "secret"})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()

	env, _, err := client.Environments.SetVariable(context.Background(), envID, postman.NewEnvironmentSecret("apiKey", "n3w-s3cret"))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range env.Values {
		fmt.Printf("%s\n", v)
	}
	// Output:
	// baseUrl=https://staging.example.com (default)
	// apiKey=[REDACTED] (secret)
}
