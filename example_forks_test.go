package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/postman-go/postman"
)

// Fork a collection, work on the fork, then merge it back and wait for the
// merge task to end.
func ExampleForksService_MergeCollection() {
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	fork, _, err := client.Forks.ForkCollection(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", postman.ForkCollectionRequest{
		WorkspaceID: "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9",
		Label:       "feature/new-auth",
	})
	if err != nil {
		log.Fatal(err)
	}

	// … edit the fork, then merge it into its parent and delete it.
	task, _, err := client.Forks.MergeCollection(ctx, postman.MergeCollectionRequest{
		Source:      fork.UID,
		Destination: fork.Fork.From,
		Strategy:    postman.MergeDeleteSource,
	})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Forks.WaitMerge(ctx, task); err != nil {
		var failed *postman.TaskFailedError
		if errors.As(err, &failed) {
			log.Fatalf("merge failed: %s", failed.Details) // e.g. unresolved conflicts
		}
		log.Fatal(err)
	}

	// Every fork of the parent, one page in memory at a time.
	for f, err := range client.Forks.ListCollectionForksIter(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.Name, f.CreatedBy, f.CreatedAt.Format(time.DateOnly))
	}
}
