package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Answer the open comment threads of a collection, mentioning the user
// who asked, then resolve them. CommentThreads groups the flat list
// Postman returns into threads, so that a reply lands in its thread.
func ExampleCommentsService_List() {
	srv := postmantest.NewServer()
	defer srv.Close()
	collectionID := srv.AddCollection(srv.Workspaces()[1].ID, []byte(`{"info": {"name": "Billing API",
		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}`))
	srv.AddComment(collectionID, "", postmantest.Comment{Body: "Does GET /invoices page?", CreatedBy: 87654321})
	srv.AddComment(collectionID, "", postmantest.Comment{Body: "Typo in the description", Resolved: true})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	comments, _, err := client.Comments.List(ctx, postman.CommentsOnCollection(collectionID))
	if err != nil {
		log.Fatal(err)
	}
	for _, thread := range postman.CommentThreads(comments) {
		if thread.Resolved() {
			continue
		}
		fmt.Printf("open: %q\n", thread.Comments[0].Body)
		_, _, err := client.Comments.Create(ctx, postman.CommentsOnCollection(collectionID), postman.CommentCreateParams{
			Body:     "Yes, by cursor: see the Pagination folder @alex-cruz",
			ThreadID: thread.ID,
			Tags:     map[string]postman.CommentTag{"@alex-cruz": {UserID: thread.Comments[0].CreatedBy}},
		})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := client.Comments.ResolveThread(ctx, thread.ID); err != nil {
			log.Fatal(err)
		}
	}

	comments, _, err = client.Comments.List(ctx, postman.CommentsOnCollection(collectionID))
	if err != nil {
		log.Fatal(err)
	}
	for _, thread := range postman.CommentThreads(comments) {
		fmt.Printf("%q resolved: %t, replies: %d\n", thread.Comments[0].Body, thread.Resolved(), len(thread.Comments)-1)
	}
	// Output:
	// open: "Does GET /invoices page?"
	// "Does GET /invoices page?" resolved: true, replies: 1
	// "Typo in the description" resolved: true, replies: 0
}
