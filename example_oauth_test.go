package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Exchange an OAuth client's credentials for an access token, use it as an
// API key, and revoke it when done. Printing the token shows [REDACTED].
func ExampleOAuthService_GenerateToken() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddOAuthClient(postmantest.OAuthClient{ID: "your-client-id", Secret: "your-client-secret", InstallationAuthID: "your-installation"})
	ctx := context.Background()
	// The token endpoints send no API key; any non-empty key builds the client.
	client, err := postman.NewClient("unused", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
	tok, _, err := client.OAuth.GenerateToken(ctx, postman.OAuthTokenGenerateParams{
		ClientID:           "your-client-id",     // os.Getenv("POSTMAN_CLIENT_ID")
		ClientSecret:       "your-client-secret", // os.Getenv("POSTMAN_CLIENT_SECRET")
		InstallationAuthID: "your-installation",
		JWT:                "eyJhbGciOi…", // a signed JWT with the iss, aud, iat, exp and jti claims
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok)

	bot, err := postman.NewClient(tok.AccessToken(), postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer bot.CloseIdleConnections()
	me, _, err := bot.Users.GetMe(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("acting as", me.User.Username)
	if _, err := client.OAuth.RevokeToken(ctx, tok.AccessToken()); err != nil {
		log.Fatal(err)
	}
	_, _, err = bot.Users.GetMe(ctx)
	fmt.Println("after revocation, unauthorized:", errors.Is(err, postman.ErrUnauthorized))
	// Output:
	// postman.OAuthToken{TokenType: Bearer, ExpiresIn: 1h0m0s, AccessToken: [REDACTED]}
	// acting as taylor-lee
	// after revocation, unauthorized: true
}
