package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// List the team's user groups with their member counts and roles, e.g. to
// audit which roles people hold through a group rather than directly.
func ExampleGroupsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddGroup(postmantest.Group{Name: "API Test Group", Members: []int64{12345678, 87654321, 56781234}})
	srv.AddGroup(postmantest.Group{Name: "Team admins", Members: []int64{12345678}, Roles: []string{"admin"}})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	groups, _, err := client.Groups.List(ctx)
	if err != nil {
		log.Fatal(err) // errors.Is(err, postman.ErrFeatureUnavailable) outside Enterprise
	}
	for _, g := range groups {
		fmt.Printf("%s: %d members, roles %v\n", g.Name, len(g.Members), g.Roles)
	}
	// Output:
	// API Test Group: 3 members, roles [user]
	// Team admins: 1 members, roles [admin]
}
