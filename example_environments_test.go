package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Rotating one secret patches that variable alone; the other variables
// of the environment are not sent, and the secret never prints.
func ExampleEnvironmentsService_SetVariable() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	envID := os.Getenv("POSTMAN_ENVIRONMENT_ID")
	env, _, err := client.Environments.SetVariable(ctx, envID, postman.NewEnvironmentSecret("apiKey", os.Getenv("NEW_API_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	v, _ := env.Variable("apiKey")
	fmt.Println(v) // apiKey=[REDACTED] (secret)
}
