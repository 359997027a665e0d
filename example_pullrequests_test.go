package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Open a pull request from a fork to its parent, then merge it once
// approved.
func ExamplePullRequestsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	team := srv.Workspaces()[1].ID
	parentID := srv.AddCollection(team, []byte(`{"info": {"name": "Billing API",
		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}`))
	forkID := srv.ForkCollection(parentID, team, "feature/new-auth")
	client, err := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
	ctx := context.Background()
	me, _, err := client.Users.GetMe(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// Collections are given by UID (ownerId-collectionId).
	forkUID := fmt.Sprintf("%d-%s", me.User.ID, forkID)
	parentUID := fmt.Sprintf("%d-%s", me.User.ID, parentID)

	pr, _, err := client.PullRequests.Create(ctx, forkUID, postman.PullRequestCreateParams{
		Title:         "New auth flow",
		Description:   "Adds the OAuth 2.0 requests.",
		Reviewers:     []string{fmt.Sprint(me.User.ID)},
		DestinationID: parentUID,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(pr.Title, pr.Status)

	// A reviewer approves it…
	if _, _, err := client.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionApprove}); err != nil {
		log.Fatal(err)
	}

	// … later: merge it if the reviewers approved it.
	pr, _, err = client.PullRequests.Get(ctx, pr.ID)
	if err != nil {
		log.Fatal(err)
	}
	if pr.Status == postman.PullRequestApproved {
		review, _, err := client.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionMerge})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(review.Status, "by", review.ReviewedBy.Username)
	}
	// Output:
	// New auth flow open
	// merged by taylor-lee
}
