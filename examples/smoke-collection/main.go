// Command smoke-collection sends every request of a Postman collection from
// Go, as a CI smoke step would, and reports the status of each: variables
// resolved, inherited auth applied, bodies and files sent as newman sends
// them. Pre-request and test scripts are not run; for collections that rely
// on them, use newman.
//
// Without -base-url it runs offline: the requests go to a local test server
// standing in for the API, which answers 401 without the right bearer token.
//
//	go run ./examples/smoke-collection                       # the demo collection, offline
//	go run ./examples/smoke-collection -collection my.postman_collection.json -base-url https://staging.example.com
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/postman-go/postman/collection"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "smoke-collection:", err)
		os.Exit(1)
	}
}

//go:embed testdata
var demoFiles embed.FS

// demoToken is the token the demo collection sends and the stand-in server
// wants.
const demoToken = "demo-token"

func run(ctx context.Context, args []string, out io.Writer) error {
	flags := flag.NewFlagSet("smoke-collection", flag.ContinueOnError)
	flags.SetOutput(out)
	path := flags.String("collection", "", "collection file (default: the built-in demo)")
	baseURL := flags.String("base-url", "", "value for {{baseUrl}} (default: a local test server)")
	if err := flags.Parse(args); err != nil {
		return err
	}

	c, files, err := load(*path)
	if err != nil {
		return err
	}
	if *baseURL == "" {
		srv := httptest.NewServer(standIn())
		defer srv.Close()
		*baseURL = srv.URL
		fmt.Fprintln(out, "offline: sending to a local test server")
	}
	// The first layer wins: baseUrl from the command line over the
	// collection's own value.
	scope := collection.NewScope([]collection.Variable{collection.NewVariable("baseUrl", *baseURL)}, c.Variables)
	scope.Files = files

	client := &http.Client{Timeout: 30 * time.Second}
	var failed, skipped int
	for parents, it := range c.All() {
		if it.Request == nil {
			continue
		}
		name := itemPath(parents, it)
		status, err := send(ctx, client, c, it, scope)
		var unsupported *collection.UnsupportedAuthError
		switch {
		case errors.As(err, &unsupported):
			skipped++
			fmt.Fprintf(out, "SKIP  %-6s %s (auth %q needs newman)\n", "", name, unsupported.Type)
		case err != nil:
			failed++
			fmt.Fprintf(out, "FAIL  %-6s %s: %v\n", "", name, err)
		case status >= 400:
			failed++
			fmt.Fprintf(out, "FAIL  %-6d %s\n", status, name)
		default:
			fmt.Fprintf(out, "PASS  %-6d %s\n", status, name)
		}
	}
	fmt.Fprintf(out, "%d failed, %d skipped\n", failed, skipped)
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	return nil
}

// load reads the collection at path, or the demo, and the file system its
// body files are read from: the collection's directory.
func load(path string) (*collection.Collection, fs.FS, error) {
	if path == "" {
		data, err := demoFiles.ReadFile("testdata/smoke.postman_collection.json")
		if err != nil {
			return nil, nil, err
		}
		c, err := collection.Parse(data)
		if err != nil {
			return nil, nil, err
		}
		sub, err := fs.Sub(demoFiles, "testdata")
		return c, sub, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	c, err := collection.Read(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, os.DirFS(filepath.Dir(path)), nil
}

// send sends the request of it and returns the response status.
func send(ctx context.Context, client *http.Client, c *collection.Collection, it *collection.Item, s *collection.Scope) (int, error) {
	req, err := c.HTTPRequest(ctx, it, s)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

func itemPath(parents []*collection.Item, it *collection.Item) string {
	names := make([]string, 0, len(parents)+1)
	for _, p := range parents {
		names = append(names, p.Name)
	}
	return strings.Join(append(names, it.Name), " / ")
}

// standIn answers like the demo's API: /health is open, everything else
// wants the bearer token; POST creates, DELETE answers 204.
func standIn() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/health" && r.Header.Get("Authorization") != "Bearer "+demoToken {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		switch r.Method {
		case http.MethodPost:
			w.WriteHeader(http.StatusCreated)
		case http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		default:
			fmt.Fprintln(w, `{"ok":true}`)
		}
	})
}
