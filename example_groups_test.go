package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// List the team's user groups with their member counts and roles, e.g. to
// audit which roles people hold through a group rather than directly.
func ExampleGroupsService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	groups, _, err := client.Groups.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, g := range groups {
		fmt.Printf("%s: %d members, roles %v\n", g.Name, len(g.Members), g.Roles)
	}
}
