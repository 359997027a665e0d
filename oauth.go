package postman

// OAuthService is the OAuth 2.0 area: access tokens for the Postman API from client credentials.
type OAuthService service
