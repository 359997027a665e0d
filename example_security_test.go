package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A CI step validates a spec's definition and fails on errors.
func ExampleSecurityService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	specID := srv.AddSpec(postmantest.Spec{Name: "Payments API", Type: "OPENAPI:3.0", Files: []postmantest.SpecFile{{Path: "openapi.yaml", Content: `openapi: 3.0.3
info:
  title: Payments API
  version: 1.0.0
servers:
  - url: http://api.example.com
paths:
  /payments:
    get:
      summary: List payments
      responses:
        "200":
          description: OK
`}}})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	file, _, err := client.Specs.GetFile(ctx, specID, "openapi.yaml")
	if err != nil {
		log.Fatal(err)
	}
	result, _, err := client.Security.ValidateDefinition(ctx, postman.NewSecurityValidationRequest(file.Content))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range result.Violations {
		fmt.Printf("%s at %s: %s\n", v.Severity, v.Location.Start, v.Message)
	}
	if errs := result.BySeverity(postman.SecuritySeverityError); len(errs) > 0 {
		fmt.Println(len(errs), "errors") // a CI step would os.Exit(1) here
	}
	// Output:
	// ERROR at 1:0: Security field is not defined
	// ERROR at 1:0: No security schemes are defined in the components.
	// WARN at 6:4: Server URL uses HTTP instead of HTTPS.
	// WARN at 9:4: Operation does not enforce any security scheme.
	// 2 errors
}
