package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Fork a collection to work on it apart, then merge the fork back into its
// parent and wait for the merge task to end: merges are asynchronous, and
// a merge can fail (conflicts) after it was accepted.
func ExampleForksService_MergeCollection() {
	srv := postmantest.NewServer()
	defer srv.Close()
	team := srv.Workspaces()[1].ID
	parentID := srv.AddCollection(team, []byte(`{"info": {"name": "Billing API",
		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "List invoices", "request": {"method": "GET", "url": "{{baseUrl}}/invoices"}}]}`))
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	fork, _, err := client.Forks.ForkCollection(ctx, parentID, postman.CollectionForkParams{
		WorkspaceID: team,
		Label:       "feature/new-auth",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("forked %s as %q\n", fork.Name, fork.Fork.Label)

	// Every fork of the parent, one page in memory at a time.
	for f, err := range client.Forks.ListCollectionForksIter(ctx, parentID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("fork:", f.Name, "by", f.CreatedBy)
	}

	// … edit the fork, then merge it into its parent and delete it.
	task, _, err := client.Forks.MergeCollection(ctx, postman.CollectionMergeParams{
		Source:      fork.UID,
		Destination: fork.Fork.From,
		Strategy:    postman.MergeDeleteSource,
	})
	if err != nil {
		log.Fatal(err)
	}
	done, _, err := client.Forks.WaitMerge(ctx, task)
	if err != nil {
		var failed *postman.TaskFailedError
		if errors.As(err, &failed) {
			log.Fatalf("merge failed: %s", failed.Details) // e.g. unresolved conflicts
		}
		log.Fatal(err)
	}
	fmt.Println("merge", done.Status)

	// The merged fork is gone: the user has no forked collection left.
	left := 0
	for _, err := range client.Forks.ListForkedCollectionsIter(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		left++
	}
	fmt.Println("forks left:", left)
	// Output:
	// forked Billing API as "feature/new-auth"
	// fork: feature/new-auth by Taylor Lee
	// merge successful
	// forks left: 0
}
