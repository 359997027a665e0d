package postman_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Exchange a service account's API key for a 15-minute JWT, reused until
// it nears its end.
func ExampleServiceAccountsService_GenerateToken() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddServiceAccount("PMAK-service-account-key")
	ctx := context.Background()
	// With Postman: postman.NewClient(os.Getenv("POSTMAN_SERVICE_ACCOUNT_KEY"))
	client, err := postman.NewClient("PMAK-service-account-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
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
	_, known := srv.ServiceAccountKey(tok.AccessToken())
	fmt.Println("issued by Postman:", known)
	// Output:
	// token valid for 15m0s
	// issued by Postman: true
}
