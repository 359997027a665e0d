package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Provision a user over SCIM, put them in a group, and deprovision those
// who left. SCIM calls use the SCIM key, never the API key.
func ExampleSCIMService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"), postman.WithSCIMKey(os.Getenv("POSTMAN_SCIM_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	user, _, err := client.SCIM.CreateUser(ctx, postman.SCIMUserCreateRequest{
		UserName: "taylor.lee@example.com",
		Name:     postman.SCIMName{GivenName: "Taylor", FamilyName: "Lee"},
		Active:   postman.Ptr(true),
	})
	var apiErr *postman.APIError
	if errors.As(err, &apiErr) && apiErr.SCIMType == "uniqueness" {
		users, _, err := client.SCIM.ListUsers(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterUserName("taylor.lee@example.com")})
		if err != nil {
			log.Fatal(err)
		}
		if len(users) == 0 {
			log.Fatal("taylor.lee@example.com is on another team")
		}
		user = users[0]
	} else if err != nil {
		log.Fatal(err)
	}

	groups, _, err := client.SCIM.ListGroups(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterDisplayName("API Team")})
	if err != nil {
		log.Fatal(err)
	}
	if len(groups) > 0 {
		_, _, err = client.SCIM.PatchGroup(ctx, groups[0].ID, postman.SCIMGroupPatchRequest{
			Operations: []postman.SCIMGroupPatchOperation{postman.SCIMAddGroupMembers(user.ID)},
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	// Collect first: deactivated users leave the filtered list, which
	// would shift the positions of the pages still to come.
	left := map[string]bool{"alex.cruz@example.com": true}
	var leavers []*postman.SCIMUser
	for u, err := range client.SCIM.ListUsersIter(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterActive(true)}) {
		if err != nil {
			log.Fatal(err)
		}
		if left[u.UserName] {
			leavers = append(leavers, u)
		}
	}
	for _, u := range leavers {
		if _, _, err := client.SCIM.DeactivateUser(ctx, u.ID); err != nil {
			log.Fatal(err)
		}
		fmt.Println("deactivated", u.UserName)
	}
}
