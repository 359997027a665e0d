package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// The API Builder is deprecated, and its v9 APIs are not served by the v10
// endpoints at all: errors.Is(err, postman.ErrDeprecated) tells them apart,
// so that a tool can skip them, or point their owners to the Postman app.
func ExampleAPIsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	inventory := []string{srv.AddAPI("Payments", 10), srv.AddAPI("Legacy Billing", 9)}
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()

	for _, id := range inventory {
		api, _, err := client.APIs.Get(context.Background(), id, nil)
		switch {
		case errors.Is(err, postman.ErrDeprecated):
			fmt.Println("a v9 API: upgrade it to v10 in the Postman app, or migrate it to Spec Hub")
		case err != nil:
			log.Fatal(err)
		default:
			fmt.Println(api.Name, "is a v10 API: MigrateToSpecHub moves it to Spec Hub")
		}
	}
	// Output:
	// Payments is a v10 API: MigrateToSpecHub moves it to Spec Hub
	// a v9 API: upgrade it to v10 in the Postman app, or migrate it to Spec Hub
}

// The way off the deprecated API Builder: an API moves to a Spec Hub
// specification in a workspace of the team, which SpecsService manages
// from then on. Postman migrates asynchronously; WaitSpecMigration
// follows the migration to its end.
func ExampleAPIsService_MigrateToSpecHub() {
	srv := postmantest.NewServer()
	defer srv.Close()
	workspaceID := srv.Workspaces()[1].ID
	// An API Builder API with an OpenAPI 3.0 schema.
	apiID := srv.AddAPI("Payments", 10)
	srv.SetAPISchema(apiID, "openapi:3", postmantest.SpecFile{Path: "index.yaml",
		Content: "openapi: 3.0.3\ninfo: {title: Payments, version: '1'}\npaths: {}\n"})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	start, _, err := client.APIs.MigrateToSpecHub(ctx, apiID, postman.APIMigrateParams{WorkspaceID: workspaceID})
	if err != nil {
		log.Fatal(err)
	}
	migration, _, err := client.APIs.WaitSpecMigration(ctx, start)
	if err != nil {
		log.Fatal(err) // a *postman.TaskFailedError says why
	}
	fmt.Println("migration", migration.Status)
	for spec, err := range client.Specs.ListIter(ctx, migration.Details.WorkspaceID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(spec.Name, spec.Type)
	}
	// Output:
	// migration COMPLETED
	// Payments OPENAPI:3.0
}

// The main flow of the API Builder, for teams that still maintain v10
// APIs: a schema, a collection generated from it and kept in sync, a
// published version. It only compiles: postmantest serves no API Builder
// endpoint beyond Get and the migration to Spec Hub.
func ExampleAPIsService_CreateSchema() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	workspaceID := os.Getenv("POSTMAN_WORKSPACE_ID")

	// Every API of the workspace, one page in memory at a time.
	for api, err := range client.APIs.ListIter(ctx, workspaceID, nil) {
		if errors.Is(err, postman.ErrDeprecated) {
			log.Fatal("a v9 API: upgrade it to v10 in the Postman app, or migrate it to Spec Hub")
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(api.ID, api.Name)
	}

	// An API with an OpenAPI schema, a collection generated from it, and
	// a published version.
	api, _, err := client.APIs.Create(ctx, workspaceID, postman.APICreateParams{Name: "Payments"})
	if err != nil {
		log.Fatal(err)
	}
	schema, _, err := client.APIs.CreateSchema(ctx, api.ID, postman.APISchemaCreateParams{
		Type:  postman.APISchemaOpenAPI3,
		Files: []postman.APISchemaFileSource{{Path: "index.yaml", Content: "openapi: 3.0.3\ninfo: {title: Payments, version: '1'}\npaths: {}\n"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	col, _, err := client.APIs.AddCollection(ctx, api.ID, postman.APICollectionAddParams{
		OperationType: postman.APICollectionGenerateFromSchema,
		Name:          "Payments",
		Options:       map[string]any{"folderStrategy": "Tags"},
	})
	if err != nil {
		log.Fatal(err)
	}

	// After editing the schema file, bring the collection up to date.
	if _, _, err := client.APIs.ReplaceSchemaFile(ctx, api.ID, schema.ID, "index.yaml", postman.APISchemaFileReplaceParams{
		Content: postman.Ptr("openapi: 3.0.3\ninfo: {title: Payments, version: '2'}\npaths: {}\n"),
	}); err != nil {
		log.Fatal(err)
	}
	sync, _, err := client.APIs.SyncCollectionWithSchema(ctx, api.ID, col.ID)
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.APIs.WaitTask(ctx, sync); err != nil {
		log.Fatal(err) // a *postman.TaskFailedError says why
	}

	pub, _, err := client.APIs.CreateVersion(ctx, api.ID, postman.APIVersionCreateParams{
		Name:        "v1",
		Schemas:     []postman.APIVersionSchemaSource{{ID: schema.ID}},
		Collections: []postman.APIVersionCollectionSource{{ID: col.ID}},
	})
	if err != nil {
		log.Fatal(err)
	}
	version, _, err := client.APIs.WaitVersion(ctx, pub)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("published", version.Name)
}
