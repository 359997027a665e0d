package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Triage the unresolved secrets of public workspaces: show where each one
// is, and mark those already rotated as revoked.
func ExampleSecretScannerService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	query := postman.DetectedSecretQuery{
		Resolved:              postman.Ptr(false),
		WorkspaceVisibilities: []postman.DetectedSecretVisibility{postman.DetectedSecretPublic},
	}
	rotated := map[string]bool{} // secret hashes your vault says were rotated
	for secret, err := range client.SecretScanner.SearchIter(ctx, query, nil) {
		if err != nil {
			log.Fatal(err) // errors.Is(err, postman.ErrFeatureUnavailable) without the add-on
		}
		// %v prints the obfuscated value as [REDACTED]; Reveal shows it.
		fmt.Printf("%s in %s: %v\n", secret.SecretType, secret.WorkspaceID, secret.ObfuscatedSecret)
		for loc, err := range client.SecretScanner.ListLocationsIter(ctx, secret.SecretID, secret.WorkspaceID, nil) {
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println("  ", loc.ResourceType, loc.Location, loc.URL)
		}
		if rotated[secret.SecretHash] {
			_, _, err := client.SecretScanner.UpdateResolution(ctx, secret.SecretID, postman.DetectedSecretResolutionUpdate{
				Resolution:  postman.DetectedSecretRevoked,
				WorkspaceID: secret.WorkspaceID,
			})
			if err != nil {
				log.Fatal(err)
			}
		}
	}
}
