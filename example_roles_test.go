package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Onboarding gives a new engineer, known by the SCIM ID of the identity
// provider, the Editor role in the team's workspace; offboarding takes it
// back.
func ExampleRolesService_GrantWorkspace() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	workspaceID := os.Getenv("POSTMAN_WORKSPACE_ID")
	grant := postman.RoleGrant{Role: postman.RoleEditor, Users: []string{os.Getenv("SCIM_USER_ID")}, SCIM: true}

	roles, _, err := client.Roles.GrantWorkspace(ctx, workspaceID, grant)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range roles {
		fmt.Println(r.DisplayName, r.Users)
	}

	if _, _, err := client.Roles.RevokeWorkspace(ctx, workspaceID, grant); err != nil {
		log.Fatal(err)
	}
}
