package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Exchange an OAuth client's credentials for an access token, use it as an
// API key, and revoke it when done. Printing the token shows [REDACTED].
func ExampleOAuthService_GenerateToken() {
	ctx := context.Background()
	// The token endpoints send no API key; any non-empty key builds the client.
	client, err := postman.NewClient("unused")
	if err != nil {
		log.Fatal(err)
	}
	tok, _, err := client.OAuth.GenerateToken(ctx, postman.OAuthTokenRequest{
		ClientID:           os.Getenv("POSTMAN_CLIENT_ID"),
		ClientSecret:       os.Getenv("POSTMAN_CLIENT_SECRET"),
		InstallationAuthID: os.Getenv("POSTMAN_INSTALLATION_AUTH_ID"),
		JWT:                os.Getenv("POSTMAN_CLIENT_JWT"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok) // postman.OAuthToken{TokenType: Bearer, ExpiresIn: 1h0m0s, AccessToken: [REDACTED]}

	bot, err := postman.NewClient(tok.AccessToken())
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := bot.Users.Me(ctx); err != nil {
		log.Fatal(err)
	}
	if _, err := client.OAuth.RevokeToken(ctx, tok.AccessToken()); err != nil {
		log.Fatal(err)
	}
}
