package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// An identity provider's sync: provision a new engineer and put them in
// their group, and deprovision one who left. SCIM calls use the SCIM key,
// never the API key; deactivating keeps the user's data, unlike deleting.
func ExampleSCIMService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	alex := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "alex.cruz@example.com", GivenName: "Alex", FamilyName: "Cruz", Active: true})
	srv.AddSCIMGroup(postmantest.SCIMGroup{DisplayName: "API Team", Members: []string{alex}})
	client, err := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithSCIMKey("your-scim-key"), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
	ctx := context.Background()

	// Onboarding: the user may exist already, from an earlier sync.
	user, _, err := client.SCIM.CreateUser(ctx, postman.SCIMUserCreateParams{
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
	fmt.Println("provisioned", user.UserName)

	groups, _, err := client.SCIM.ListGroups(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterDisplayName("API Team")})
	if err != nil {
		log.Fatal(err)
	}
	if len(groups) == 0 {
		log.Fatal("no API Team group")
	}
	team := groups[0]
	if _, _, err := client.SCIM.PatchGroup(ctx, team.ID, postman.SCIMGroupPatchParams{
		Operations: []postman.SCIMGroupPatchOperation{postman.SCIMAddGroupMembers(user.ID)},
	}); err != nil {
		log.Fatal(err)
	}

	// Offboarding: deactivate the users who left, and take them out of
	// their groups.
	for _, userName := range []string{"alex.cruz@example.com"} {
		users, _, err := client.SCIM.ListUsers(ctx, &postman.SCIMListOptions{Filter: postman.SCIMFilterUserName(userName)})
		if err != nil {
			log.Fatal(err)
		}
		for _, u := range users {
			if _, _, err := client.SCIM.DeactivateUser(ctx, u.ID); err != nil {
				log.Fatal(err)
			}
			if _, _, err := client.SCIM.PatchGroup(ctx, team.ID, postman.SCIMGroupPatchParams{
				Operations: []postman.SCIMGroupPatchOperation{postman.SCIMRemoveGroupMembers(u.ID)},
			}); err != nil {
				log.Fatal(err)
			}
			fmt.Println("deactivated", u.UserName)
		}
	}

	team, _, err = client.SCIM.GetGroup(ctx, team.ID)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range team.Members {
		fmt.Println(team.DisplayName, "member:", m.Display)
	}
	// Output:
	// provisioned taylor.lee@example.com
	// deactivated alex.cruz@example.com
	// API Team member: Taylor Lee
}
