package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Open a pull request from a fork to its parent, then merge it once
// approved.
func ExamplePullRequestsService() {
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	const (
		forkUID   = "87654321-3b79068c-dbe5-41d5-a826-51be4bf646ef"
		parentUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"
	)

	pr, _, err := client.PullRequests.Create(ctx, forkUID, postman.PullRequestCreateRequest{
		Title:         "New auth flow",
		Description:   "Adds the OAuth 2.0 requests.",
		Reviewers:     []string{"12345678"},
		DestinationID: parentUID,
	})
	if err != nil {
		log.Fatal(err)
	}

	// Later: merge it if the reviewers approved it.
	pr, _, err = client.PullRequests.Get(ctx, pr.ID)
	if err != nil {
		log.Fatal(err)
	}
	if pr.Status == postman.PullRequestApproved {
		review, _, err := client.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewRequest{Action: postman.PullRequestActionMerge})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(review.Status, "by", review.ReviewedBy.Username)
	}
}
