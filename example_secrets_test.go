package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Triage the unresolved secrets of public workspaces: show where each one
// is, and mark those already rotated as revoked.
func ExampleSecretScannerService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	public := srv.AddWorkspace(postmantest.Workspace{Name: "Payments Public API", Type: "public"})
	srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Stripe API Key", Value: "sk_live_51Hx0000000000000000", WorkspaceID: public,
		Locations: []postmantest.SecretLocation{
			{ResourceType: "request", Location: "Headers", Occurrences: 2},
			{ResourceType: "environment", Location: "Variables"},
		}})
	srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Slack Access Token", Value: "xoxp-2551900000-0000000000", WorkspaceID: public})
	srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Basic Auth", Value: "Basic dXNlcjpwYXNz", WorkspaceID: srv.Workspaces()[1].ID})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	query := postman.DetectedSecretSearchParams{
		Resolved:              postman.Ptr(false),
		WorkspaceVisibilities: []postman.DetectedSecretVisibility{postman.DetectedSecretPublic},
	}
	rotated := map[string]bool{"Stripe API Key": true} // what your team already rotated
	for secret, err := range client.SecretScanner.SearchIter(ctx, query, nil) {
		if err != nil {
			log.Fatal(err) // errors.Is(err, postman.ErrFeatureUnavailable) without the add-on
		}
		// %v prints the obfuscated value as [REDACTED]; Reveal shows it.
		fmt.Printf("%s (%d occurrences): %v\n", secret.SecretType, secret.Occurrences, secret.ObfuscatedSecret)
		for loc, err := range client.SecretScanner.ListLocationsIter(ctx, secret.SecretID, secret.WorkspaceID, nil) {
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println("  in", loc.ResourceType, loc.Location)
		}
		if rotated[secret.SecretType] {
			status, _, err := client.SecretScanner.UpdateResolution(ctx, secret.SecretID, postman.DetectedSecretResolutionUpdateParams{
				Resolution:  postman.DetectedSecretRevoked,
				WorkspaceID: secret.WorkspaceID,
			})
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println("  now", status.Resolution)
		}
	}
	open, _, err := client.SecretScanner.Search(ctx, query, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("still unresolved:", len(open))
	// Output:
	// Slack Access Token (1 occurrences): [REDACTED]
	//   in request Headers
	// Stripe API Key (3 occurrences): [REDACTED]
	//   in request Headers
	//   in environment Variables
	//   now REVOKED
	// still unresolved: 1
}
