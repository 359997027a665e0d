package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A spec is created from its files, a collection is generated from it,
// and the generation task is followed to its end: generation is
// asynchronous, and the finished task names the new collection.
func ExampleSpecsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	workspaceID := srv.Workspaces()[1].ID
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL))
	defer client.CloseIdleConnections()
	ctx := context.Background()

	// The definition would usually come from the repository: os.ReadFile("openapi.json").
	const definition = `{"openapi": "3.0.3", "info": {"title": "Payments API", "version": "1.0.0"},
		"paths": {"/payments": {"get": {"summary": "List payments"}, "post": {"summary": "Create a payment"}}}}`
	spec, _, err := client.Specs.Create(ctx, workspaceID, postman.SpecCreateRequest{
		Name:  "Payments API",
		Type:  postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "openapi.json", Content: definition}},
	})
	if err != nil {
		log.Fatal(err)
	}

	task, _, err := client.Specs.GenerateCollection(ctx, spec.ID, postman.SpecCollectionGenerateRequest{
		Name:    "Payments API",
		Options: postman.SpecCollectionOptions{FolderStrategy: postman.SpecFoldersByTags},
	})
	if err != nil {
		log.Fatal(err)
	}
	done, err := client.Specs.WaitTask(ctx, task)
	if err != nil {
		log.Fatal(err) // a *postman.TaskFailedError when the generation failed
	}
	fmt.Println("generation", done.Status, "with", len(done.Resources), "collection")

	// Later: the collections generated from the spec, and whether they
	// still follow it (SyncCollectionFromSpec brings them up to date).
	for c, err := range client.Specs.ListGeneratedCollectionsIter(ctx, spec.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.Name, c.State)
	}
	for f, err := range client.Specs.ListFilesIter(ctx, spec.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.Path, f.Type)
	}
	// Output:
	// generation completed with 1 collection
	// Payments API in-sync
	// openapi.json ROOT
}
