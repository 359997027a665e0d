package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Reply in the open comment threads of a collection, mentioning a user, then
// resolve them.
func ExampleCommentsService_ListOnCollection() {
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	const collectionUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"

	comments, _, err := client.Comments.ListOnCollection(ctx, collectionUID)
	if err != nil {
		log.Fatal(err)
	}
	for _, thread := range postman.CommentThreads(comments) {
		if thread.Resolved() {
			continue
		}
		fmt.Printf("thread %d: %q\n", thread.ID, thread.Comments[0].Body)
		_, _, err := client.Comments.CreateOnCollection(ctx, collectionUID, postman.CommentCreateRequest{
			Body:     "Fixed in the latest version, thanks @alex-cruz",
			ThreadID: thread.ID,
			Tags:     map[string]postman.CommentTag{"@alex-cruz": {UserID: 87654321}},
		})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := client.Comments.ResolveThread(ctx, thread.ID); err != nil {
			log.Fatal(err)
		}
	}
}
