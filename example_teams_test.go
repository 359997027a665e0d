package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Organization admins list their teams, then grant a role and approve
// what people asked for.
func ExampleTeamsService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	for team, err := range client.Teams.ListIter(ctx, nil) {
		if err != nil {
			log.Fatal(err) // errors.Is(err, postman.ErrFeatureUnavailable) outside Enterprise
		}
		fmt.Println(team.ID, team.Name, team.MemberCount)
	}

	results, _, err := client.Teams.UpdateMemberRoles(ctx, "123", postman.TeamMemberRolesRequest{
		Add: &postman.TeamRoleAssignments{Users: map[string][]postman.TeamRole{"12345678": {postman.TeamRoleManager}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range results {
		fmt.Println(r.EntityType, r.EntityID, r.Status)
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
		if _, _, err := client.Teams.ApproveAccessRequest(ctx, "123", id); err != nil {
			log.Fatal(err)
		}
	}
}
