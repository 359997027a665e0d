package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// A CI step validates a spec's definition and fails on errors.
func ExampleSecurityService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	def, _, err := client.Specs.GetDefinition(ctx, os.Getenv("POSTMAN_SPEC_ID"))
	if err != nil {
		log.Fatal(err)
	}
	result, _, err := client.Security.ValidateDefinition(ctx, postman.NewSecurityValidationRequest(def.Content))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range result.Violations {
		fmt.Printf("%s %s at %s: %s (%s)\n", v.Severity, v.Slug, v.Location.Start, v.Message, v.PossibleFixURL)
	}
	if errs := result.BySeverity(postman.SecuritySeverityError); len(errs) > 0 {
		os.Exit(1)
	}
}
