// Command collections-as-code keeps a Postman collection in step with a
// collection file kept in git, changing only what differs, item by item
// (Collections.Sync). Without -apply it prints the plan and writes nothing,
// as a CI job on a pull request would; with -apply it makes the changes,
// as the job on the main branch would, and checks that nothing is left to
// do. Offline, the collection it syncs is a demo one in postmantest.
//
//	go run ./examples/collections-as-code                    # offline: the plan
//	go run ./examples/collections-as-code -apply             # offline: applied
//	POSTMAN_API_KEY=… go run ./examples/collections-as-code -file users.postman_collection.json -collection <id> [-apply]
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
	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "collections-as-code:", err)
		os.Exit(1)
	}
}

// demoFile is the collection file of the offline demo, as a repository
// holds it; demoDeployed is what Postman holds before the sync.
var (
	//go:embed testdata/users-api.postman_collection.json
	demoFile []byte
	//go:embed testdata/deployed.postman_collection.json
	demoDeployed []byte
)

var demoCollection string

func seed(srv *postmantest.Server) {
	demoCollection = srv.AddCollection(srv.Workspaces()[0].ID, demoDeployed)
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("collections-as-code", flag.ContinueOnError)
	fs.SetOutput(out)
	file := fs.String("file", "", "the collection file (offline default: a demo Users API)")
	collectionID := fs.String("collection", "", "ID of the collection in Postman to keep in step with the file")
	apply := fs.Bool("apply", false, "make the changes (default: print the plan only)")
	allowReplace := fs.Bool("allow-replace", false, "replace the whole collection when the item endpoints cannot express a change")
	if err := fs.Parse(args); err != nil {
		return err
	}
	live := os.Getenv("POSTMAN_API_KEY") != ""
	data := demoFile
	if *file != "" {
		var err error
		if data, err = os.ReadFile(*file); err != nil {
			return err
		}
	} else if live {
		return errors.New("-file is required against the real API")
	}
	desired, err := collection.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	client, done, err := exampleenv.Client(out, seed)
	if err != nil {
		return err
	}
	defer done()
	if *collectionID == "" {
		if live {
			return errors.New("-collection is required against the real API")
		}
		*collectionID = demoCollection
	}

	opts := &postman.CollectionSyncOptions{DryRun: !*apply, AllowReplace: *allowReplace}
	res, _, err := client.Collections.Sync(ctx, *collectionID, desired, opts)
	if res != nil {
		fmt.Fprint(out, res)
	}
	var stopped *postman.CollectionSyncError
	if errors.As(err, &stopped) && len(stopped.Applied) > 0 {
		fmt.Fprintf(out, "stopped: %d change(s) applied, %d not; run again to finish\n", len(stopped.Applied), len(stopped.Unapplied))
	}
	if err != nil {
		return err
	}
	if !*apply {
		return nil
	}
	// What a second run would do: nothing.
	again, _, err := client.Collections.Sync(ctx, *collectionID, desired, &postman.CollectionSyncOptions{DryRun: true})
	if err != nil {
		return err
	}
	if !again.Plan.IsEmpty() {
		return fmt.Errorf("the collection still differs from the file:\n%s", again.Plan)
	}
	fmt.Fprintln(out, "in step with the file: a second run has nothing to do")
	return nil
}
