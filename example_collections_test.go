package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/collection"
)

// Back up a workspace's collections, add a request to one of them and
// write it back without losing anything, then change its variables.
func ExampleCollectionsService() {
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	const workspaceID = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"

	// Every collection of the workspace, one page in memory at a time.
	opts := &postman.CollectionListOptions{WorkspaceID: workspaceID}
	for summary, err := range client.Collections.ListIter(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		col, _, err := client.Collections.Get(ctx, summary.ID, nil)
		if err != nil {
			log.Fatal(err)
		}
		f, err := os.Create(summary.Name + ".postman_collection.json")
		if err != nil {
			log.Fatal(err)
		}
		if err := col.Write(f); err != nil { // the document exactly as Postman serves it
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}

	// Edit one collection and replace it: unknown keys, IDs and forms are
	// kept, so Postman sees only the new request.
	col, _, err := client.Collections.Get(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", nil)
	if err != nil {
		log.Fatal(err)
	}
	col.AddRequest("Health check", collection.NewRequest("GET", "{{baseUrl}}/health"))
	task, _, err := client.Collections.ReplaceAsync(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", col)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Collections.WaitUpdate(ctx, task); err != nil {
		var failed *postman.TaskFailedError
		if errors.As(err, &failed) {
			log.Fatalf("the update failed: %s", failed.Status)
		}
		log.Fatal(err)
	}

	// Collection variables: read them cheaply, add or change some.
	vars, _, err := client.Collections.GetVariables(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range vars {
		fmt.Println(v.Key, "=", v.Value.String())
	}
	_, _, err = client.Collections.SetVariables(ctx, "12ece9e1-2abf-4edc-8e34-de66e74114d2", []collection.Variable{
		collection.NewVariable("baseUrl", "https://api.example.com/v2"),
	})
	if err != nil {
		log.Fatal(err)
	}
}
