package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Organization admins list their teams, then grant a role and approve
// what people asked for.
func ExampleTeamsService() {
	srv := postmantest.NewServer() // the user's team, 123 "Test Team", has the user as its manager
	defer srv.Close()
	srv.AddTeam(postmantest.Team{ID: 231, Name: "Billing Team", Handle: "billing-team"})
	srv.AddTeamAccessRequest(123, postmantest.TeamAccessRequest{ID: 1, Role: "TEAM_GUEST_VIEWER", EntityType: "user", EntityID: "56781234", Reason: "Reads the API docs."})
	srv.AddTeamAccessRequest(123, postmantest.TeamAccessRequest{ID: 2, Role: "TEAM_DEVELOPER", EntityType: "user", EntityID: "43215678"})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	for team, err := range client.Teams.ListIter(ctx, nil) {
		if err != nil {
			log.Fatal(err) // errors.Is(err, postman.ErrFeatureUnavailable) outside Enterprise
		}
		fmt.Println(team.ID, team.Name, team.MemberCount)
	}

	results, _, err := client.Teams.UpdateMemberRoles(ctx, "123", postman.TeamMemberRolesUpdateParams{
		Add: &postman.TeamRoleAssignments{Users: map[string][]postman.TeamRole{"87654321": {postman.TeamRoleManager}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range results {
		fmt.Println(r.EntityType, r.EntityID, *r.Role, r.Status)
	}

	// Collect first: approved requests leave the list being paged.
	var guests []string
	for req, err := range client.Teams.ListAccessRequestsIter(ctx, "123", nil) {
		if err != nil {
			log.Fatal(err)
		}
		if req.Role == postman.TeamRoleGuestViewer {
			guests = append(guests, fmt.Sprint(req.ID))
		}
	}
	for _, id := range guests {
		res, _, err := client.Teams.ApproveAccessRequest(ctx, "123", id)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("request", id, res.AccessRequest.Status, res.EntityID, *res.Role)
	}
	// Output:
	// 123 Test Team 1
	// 231 Billing Team 0
	// user 87654321 TEAM_MANAGER Accepted
	// request 1 Accepted 56781234 TEAM_GUEST_VIEWER
}
