// Command backup-workspace writes every collection, environment and the
// global variables of a workspace to a folder as files Postman can import
// again. It is resumable: a re-run skips what is already saved and has not
// changed since, so a backup cut short by a rate limit or a network failure
// goes on where it stopped.
//
//	go run ./examples/backup-workspace                              # offline demo against postmantest
//	POSTMAN_API_KEY=… go run ./examples/backup-workspace -workspace <id> -out backup
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "backup-workspace:", err)
		os.Exit(1)
	}
}

var demoWorkspace string

func seed(srv *postmantest.Server) {
	demoWorkspace = srv.AddWorkspace(postmantest.Workspace{Name: "Payments", Type: "team"})
	for _, name := range []string{"Payments API", "Refunds API", "Webhooks"} {
		srv.AddCollection(demoWorkspace, []byte(`{"info":{"name":"`+name+`","schema":"https://schema.postman.com/json/collection/v2.1.0/collection.json"},
			"item":[{"name":"Folder","item":[{"name":"Health","request":{"method":"GET","url":"{{baseUrl}}/health"}}]}],
			"variable":[{"key":"baseUrl","value":"https://api.example.com"}]}`))
	}
	srv.AddEnvironment(demoWorkspace, "Production", postmantest.EnvironmentVariable{Key: "baseUrl", Value: "https://api.example.com", Type: "default"})
	srv.AddEnvironment(demoWorkspace, "Staging", postmantest.EnvironmentVariable{Key: "token", Value: "s3cret", Type: "secret"})
	srv.SetGlobals(demoWorkspace, postmantest.EnvironmentVariable{Key: "tenant", Value: "acme", Type: "default"})
}

// state is what a previous run saved: element UID → the updatedAt it had.
type state map[string]string

const stateFile = ".backup-state.json"

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup-workspace", flag.ContinueOnError)
	fs.SetOutput(out)
	workspaceID := fs.String("workspace", "", "ID of the workspace to back up")
	dir := fs.String("out", "postman-backup", "folder to write to")
	if err := fs.Parse(args); err != nil {
		return err
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
	for _, sub := range []string{"collections", "environments"} {
		if err := os.MkdirAll(filepath.Join(*dir, sub), 0o700); err != nil {
			return err
		}
	}
	saved := loadState(*dir)

	var collections []*postman.CollectionSummary
	for c, err := range client.Collections.ListIter(ctx, &postman.CollectionListOptions{WorkspaceID: *workspaceID}) {
		if err != nil {
			return err
		}
		collections = append(collections, c)
	}
	environments, _, err := client.Environments.List(ctx, &postman.EnvironmentListOptions{Workspace: *workspaceID})
	if err != nil {
		return err
	}
	total := len(collections) + len(environments) + 1
	step := 0
	progress := func(kind, name, what string) {
		step++
		fmt.Fprintf(out, "[%d/%d] %s %q: %s\n", step, total, kind, name, what)
	}

	for _, c := range collections {
		path := filepath.Join(*dir, "collections", fileName(c.Name, c.UID)+".postman_collection.json")
		if saved.fresh(c.UID, stamp(c.UpdatedAt), path) {
			progress("collection", c.Name, "unchanged, skipped")
			continue
		}
		col, _, err := client.Collections.Get(ctx, c.UID, nil)
		if err != nil {
			return fmt.Errorf("collection %q: %w", c.Name, err)
		}
		if err := writeFile(path, col.Write); err != nil {
			return err
		}
		saved[c.UID] = stamp(c.UpdatedAt)
		if err := saved.store(*dir); err != nil {
			return err
		}
		progress("collection", c.Name, "saved")
	}
	for _, e := range environments {
		path := filepath.Join(*dir, "environments", fileName(e.Name, e.UID)+".postman_environment.json")
		if saved.fresh(e.UID, stamp(e.UpdatedAt), path) {
			progress("environment", e.Name, "unchanged, skipped")
			continue
		}
		env, _, err := client.Environments.Get(ctx, e.ID)
		if err != nil {
			return fmt.Errorf("environment %q: %w", e.Name, err)
		}
		if err := exampleenv.WriteEnvironment(path, env); err != nil {
			return err
		}
		saved[e.UID] = stamp(e.UpdatedAt)
		if err := saved.store(*dir); err != nil {
			return err
		}
		progress("environment", e.Name, "saved")
	}
	globals, _, err := client.Workspaces.GetGlobalVariables(ctx, *workspaceID)
	if err != nil {
		return err
	}
	if err := exampleenv.WriteGlobals(filepath.Join(*dir, "globals.postman_globals.json"), *workspaceID, globals); err != nil {
		return err
	}
	progress("globals", *workspaceID, fmt.Sprintf("%d variables saved", len(globals)))
	fmt.Fprintf(out, "backup of %d collections and %d environments in %s\n", len(collections), len(environments), *dir)
	return nil
}

// stamp is an element's last change as the state file records it.
func stamp(t postman.Timestamp) string { return t.UTC().Format(time.RFC3339Nano) }

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName makes a readable, unique file name from an element's name and UID.
func fileName(name, uid string) string {
	return strings.Trim(unsafeChars.ReplaceAllString(name, "-"), "-") + "-" + uid
}

func writeFile(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	// Renaming makes each file appear whole, so a cut-short run never
	// leaves a truncated backup that a re-run would mistake for done.
	return os.Rename(tmp, path)
}

func loadState(dir string) state {
	s := state{}
	if data, err := os.ReadFile(filepath.Join(dir, stateFile)); err == nil {
		_ = json.Unmarshal(data, &s)
	}
	return s
}

func (s state) fresh(uid, updatedAt, path string) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	prev, ok := s[uid]
	return ok && prev == updatedAt
}

func (s state) store(dir string) error {
	data, err := json.MarshalIndent(s, "", "\t")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, stateFile), func(w io.Writer) error { _, err := w.Write(data); return err })
}
