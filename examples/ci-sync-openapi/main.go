// Command ci-sync-openapi keeps a Postman collection in step with an
// OpenAPI definition from a CI pipeline: it imports the definition, and
// when the workspace already has a collection of that name it replaces
// that collection's content in place (its ID, and so its monitors, mocks
// and links, stay the same), then exports the result for newman.
//
//	go run ./examples/ci-sync-openapi                                # offline demo against postmantest
//	POSTMAN_API_KEY=… go run ./examples/ci-sync-openapi -spec openapi.json -workspace <id> -out collection.json
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ci-sync-openapi:", err)
		os.Exit(1)
	}
}

//go:embed testdata/petstore.json
var demoSpec []byte

var demoWorkspace string

func seed(srv *postmantest.Server) {
	demoWorkspace = srv.AddWorkspace(postmantest.Workspace{Name: "Pet Store", Type: "team"})
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("ci-sync-openapi", flag.ContinueOnError)
	fs.SetOutput(out)
	specPath := fs.String("spec", "", "OpenAPI 3 definition, JSON or YAML (offline default: a demo pet store)")
	workspaceID := fs.String("workspace", "", "ID of the workspace holding the collection")
	name := fs.String("name", "", "name of the collection to create or update (default: the import's name)")
	outPath := fs.String("out", "collection.json", "file to export the synced collection to, for newman")
	runs := fs.Int("runs", 1, "how many times to sync (the demo syncs twice to show an update in place)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	spec := demoSpec
	if *specPath != "" {
		data, err := os.ReadFile(*specPath)
		if err != nil {
			return err
		}
		spec = data
	} else if os.Getenv("POSTMAN_API_KEY") != "" {
		return errors.New("-spec is required against the real API")
	}
	client, done, err := exampleenv.Client(out, seed)
	if err != nil {
		return err
	}
	defer done()
	if *workspaceID == "" {
		if os.Getenv("POSTMAN_API_KEY") != "" {
			return errors.New("-workspace is required against the real API")
		}
		*workspaceID = demoWorkspace
	}
	var id string
	for range *runs {
		if id, err = syncOnce(ctx, client, *workspaceID, *name, spec, out); err != nil {
			return err
		}
	}

	col, _, err := client.Collections.Get(ctx, id, nil)
	if err != nil {
		return err
	}
	same := 0
	for c, err := range client.Collections.ListIter(ctx, &postman.CollectionListOptions{WorkspaceID: *workspaceID}) {
		if err != nil {
			return err
		}
		if c.Name == col.Info.Name {
			same++
		}
	}
	fmt.Fprintf(out, "the workspace holds %d collection(s) named %q\n", same, col.Info.Name)
	f, err := os.Create(*outPath)
	if err != nil {
		return err
	}
	if err := col.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(out, "exported %q to %s: newman run %s\n", col.Info.Name, *outPath, *outPath)
	return nil
}

// syncOnce imports spec and returns the ID of the collection that holds it.
func syncOnce(ctx context.Context, client *postman.Client, workspaceID, name string, spec []byte, out io.Writer) (string, error) {
	fmt.Fprintln(out, "importing the OpenAPI definition …")
	imported, _, err := client.Collections.ImportOpenAPI(ctx, workspaceID, postman.OpenAPIImportParams{Definition: spec})
	if err != nil {
		return "", err
	}
	if len(imported) == 0 {
		return "", errors.New("the import created no collection")
	}
	fresh := imported[0]
	if name == "" {
		name = fresh.Name
	}
	existing, err := findByName(ctx, client, workspaceID, name, fresh.ID)
	if err != nil {
		return "", err
	}
	if existing == nil {
		if fresh.Name != name {
			if _, _, err := client.Collections.Patch(ctx, fresh.ID, postman.CollectionPatchParams{Name: postman.Ptr(name)}); err != nil {
				return "", err
			}
		}
		fmt.Fprintf(out, "created collection %q\n", name)
		return fresh.ID, nil
	}

	// Update in place: the existing collection takes the imported content,
	// then the temporary import goes away.
	col, _, err := client.Collections.Get(ctx, fresh.ID, nil)
	if err != nil {
		return "", err
	}
	col.Info.PostmanID = existing.ID
	col.Info.Name = name
	if _, _, err := client.Collections.Replace(ctx, existing.ID, col); err != nil {
		return "", err
	}
	if _, err := client.Collections.Delete(ctx, fresh.ID); err != nil {
		return "", fmt.Errorf("removing the temporary import: %w", err)
	}
	fmt.Fprintf(out, "updated collection %q in place (%d folders)\n", name, len(col.Items))
	return existing.ID, nil
}

// findByName returns the workspace's collection named name, other than skip.
func findByName(ctx context.Context, client *postman.Client, workspaceID, name, skip string) (*postman.CollectionSummary, error) {
	for c, err := range client.Collections.ListIter(ctx, &postman.CollectionListOptions{WorkspaceID: workspaceID}) {
		if err != nil {
			return nil, err
		}
		if c.Name == name && c.ID != skip {
			return c, nil
		}
	}
	return nil, nil
}
