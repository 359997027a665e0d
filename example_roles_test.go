package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Onboarding gives a new engineer, known by the SCIM ID of the identity
// provider, the Editor role in the team's workspace; offboarding takes it
// back.
func ExampleRolesService_GrantWorkspaceRoles() {
	srv := postmantest.NewServer()
	defer srv.Close()
	scimUserID := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "sam.doe@example.com", GivenName: "Sam", FamilyName: "Doe", Active: true})
	workspaceID := srv.AddWorkspace(postmantest.Workspace{Name: "Payments", Type: "team", Visibility: "team"})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()
	grant := postman.WorkspaceRoleGrantParams{Role: postman.RoleEditor, Users: []string{scimUserID}, SCIM: true}

	roles, _, err := client.Roles.GrantWorkspaceRoles(ctx, workspaceID, grant)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range roles {
		fmt.Println(r.DisplayName, len(r.Users), "user(s)")
	}

	if _, _, err := client.Roles.RevokeWorkspaceRoles(ctx, workspaceID, grant); err != nil {
		log.Fatal(err)
	}
	roles, _, err = client.Roles.GetWorkspaceRoles(ctx, workspaceID, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range roles {
		fmt.Println(r.DisplayName, r.Users)
	}
	// Output:
	// Editor 1 user(s)
	// Admin [12345678]
}
