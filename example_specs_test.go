package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// A spec is created from its files, a collection is generated from it,
// and the generation task is followed to its end.
func ExampleSpecsService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	definition, err := os.ReadFile("openapi.yaml")
	if err != nil {
		log.Fatal(err)
	}
	spec, _, err := client.Specs.Create(ctx, os.Getenv("POSTMAN_WORKSPACE_ID"), postman.SpecCreateRequest{
		Name:  "Payments API",
		Type:  postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "index.yaml", Content: string(definition)}},
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
	for _, res := range done.Resources {
		fmt.Println("generated collection", res.ID)
	}

	// Later, after editing the spec: bring the collection up to date.
	sync, _, err := client.Specs.SyncCollectionFromSpec(ctx, done.Resources[0].ID, spec.ID)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Specs.WaitTask(ctx, sync); err != nil {
		log.Fatal(err)
	}

	def, _, err := client.Specs.GetDefinition(ctx, spec.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(def.Format, def.DetectedType(), len(def.Content))
}
