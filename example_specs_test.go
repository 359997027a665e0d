package postman_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A spec is created from its files and a collection is generated from it;
// when the definition changes, the new version is pushed and the
// collection synchronised. Generation and synchronisation are
// asynchronous: WaitTask follows each task to its end.
func ExampleSpecsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	workspaceID := srv.Workspaces()[1].ID
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	// The definition would usually come from the repository: os.ReadFile("openapi.json").
	definition := `{"openapi": "3.0.3", "info": {"title": "Payments API", "version": "1.0.0"},
		"paths": {"/payments": {"get": {"summary": "List payments"}}}}`
	spec, _, err := client.Specs.Create(ctx, workspaceID, postman.SpecCreateParams{
		Name:  "Payments API",
		Type:  postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "openapi.json", Content: definition}},
	})
	if err != nil {
		log.Fatal(err)
	}
	task, _, err := client.Specs.GenerateCollection(ctx, spec.ID, postman.SpecCollectionGenerateParams{
		Name:    "Payments API",
		Options: postman.ConverterOptions{FolderStrategy: postman.ConverterFoldersByTags},
	})
	if err != nil {
		log.Fatal(err)
	}
	done, _, err := client.Specs.WaitTask(ctx, task)
	if err != nil {
		log.Fatal(err) // a *postman.TaskFailedError when the generation failed
	}
	collectionUID := done.Resources[0].ID
	fmt.Println("generation", done.Status)

	// A new operation lands in the repository: push it, and the collection
	// falls behind its spec until it is synchronised.
	definition = strings.Replace(definition, `"get": {"summary": "List payments"}`,
		`"get": {"summary": "List payments"}, "post": {"summary": "Create a payment"}`, 1)
	if _, _, err := client.Specs.UpdateFile(ctx, spec.ID, "openapi.json", postman.SpecFileUpdateParams{Content: &definition}); err != nil {
		log.Fatal(err)
	}
	printGenerated(ctx, client, spec.ID)
	sync, _, err := client.Specs.SyncCollectionFromSpec(ctx, collectionUID, spec.ID)
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.Specs.WaitTask(ctx, sync); err != nil {
		log.Fatal(err)
	}
	printGenerated(ctx, client, spec.ID)
	// Output:
	// generation completed
	// Payments API out-of-sync
	// Payments API in-sync
}

// printGenerated prints the collections generated from a spec, and
// whether each follows it.
func printGenerated(ctx context.Context, client *postman.Client, specID string) {
	for c, err := range client.Specs.ListGeneratedCollectionsIter(ctx, specID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.Name, c.State)
	}
}

// A release is tagged: the version tag keeps the spec's files as they
// were, so that a later change can be compared with (or rolled back to)
// what shipped. A second tag needs a change first.
func ExampleSpecsService_CreateVersionTag() {
	srv := postmantest.NewServer()
	defer srv.Close()
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	spec, _, err := client.Specs.Create(ctx, srv.Workspaces()[0].ID, postman.SpecCreateParams{
		Name: "Payments API",
		Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "openapi.json",
			Content: `{"openapi": "3.0.3", "info": {"title": "Payments API", "version": "1.0.0"}, "paths": {}}`}},
	})
	if err != nil {
		log.Fatal(err)
	}
	tag, _, err := client.Specs.CreateVersionTag(ctx, spec.ID, postman.SpecVersionTagCreateParams{Name: "1.0.0"})
	if err != nil {
		log.Fatal(err)
	}
	_, _, err = client.Specs.CreateVersionTag(ctx, spec.ID, postman.SpecVersionTagCreateParams{Name: "1.0.1"})
	fmt.Println("tag again without a change:", errors.Is(err, postman.ErrConflict))

	next := `{"openapi": "3.0.3", "info": {"title": "Payments API", "version": "1.1.0"}, "paths": {}}`
	if _, _, err := client.Specs.UpdateFile(ctx, spec.ID, "openapi.json", postman.SpecFileUpdateParams{Content: &next}); err != nil {
		log.Fatal(err)
	}
	entries, _, err := client.Specs.GetVersionTagFiles(ctx, spec.ID, tag.ID)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range entries {
		var doc struct {
			Info struct{ Version string }
		}
		raw, err := e.File().JSON()
		if err != nil {
			log.Fatal(err)
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			log.Fatal(err)
		}
		fmt.Println(tag.Name, e.Path, e.FileType, doc.Info.Version)
	}
	def, _, err := client.Specs.GetDefinition(ctx, spec.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("now", def.DetectedType(), strings.Contains(def.Content, `"1.1.0"`))
	// Output:
	// tag again without a change: true
	// 1.0.0 openapi.json ROOT 1.0.0
	// now OPENAPI:3.0 true
}
