package postman_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/postman-go/postman"
)

// Exchange a service account's API key for a 15-minute JWT, reused until
// it nears its end.
func ExampleServiceAccountsService_GenerateToken() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_SERVICE_ACCOUNT_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	tok, _, err := client.ServiceAccounts.GenerateToken(ctx)
	if err != nil {
		log.Fatal(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://internal.example.com/jobs", nil)
	if err != nil {
		log.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken())
	fmt.Println("token valid for", time.Until(tok.ExpiresAt).Round(time.Minute))
}
