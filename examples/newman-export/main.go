// Command newman-export downloads a collection and an environment by UID
// as files that `newman run` reads: the step a CI pipeline runs before its
// API tests.
//
//	go run ./examples/newman-export                      # offline demo against postmantest
//	POSTMAN_API_KEY=… go run ./examples/newman-export -collection <uid> -environment <uid> -out build/postman
//	newman run build/postman/collection.json -e build/postman/environment.json
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "newman-export:", err)
		os.Exit(1)
	}
}

// demoBaseURL is the API the offline demo's requests call (tests point
// it at a local server).
var demoBaseURL = "https://postman-echo.com"

var demo struct{ collection, environment string }

// demoCollection is a small API test suite: two requests with tests.
const demoCollection = `{
  "info": {"name": "Echo smoke tests", "schema": "https://schema.postman.com/json/collection/v2.1.0/collection.json"},
  "item": [
    {"name": "Get", "request": {"method": "GET", "url": "{{baseUrl}}/get?probe=1"},
     "event": [{"listen": "test", "script": {"type": "text/javascript",
       "exec": ["pm.test('status is 200', () => pm.response.to.have.status(200));"]}}]},
    {"name": "Post", "request": {"method": "POST", "url": "{{baseUrl}}/post",
       "header": [{"key": "Content-Type", "value": "application/json"}],
       "body": {"mode": "raw", "raw": "{\"hello\":\"world\"}"}},
     "event": [{"listen": "test", "script": {"type": "text/javascript",
       "exec": ["pm.test('status is 200', () => pm.response.to.have.status(200));"]}}]}
  ]
}`

func seed(srv *postmantest.Server) {
	ws := srv.Workspaces()[1].ID
	demo.collection = "12345678-" + srv.AddCollection(ws, []byte(demoCollection))
	demo.environment = "12345678-" + srv.AddEnvironment(ws, "CI",
		postmantest.EnvironmentVariable{Key: "baseUrl", Value: demoBaseURL, Type: "default"})
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("newman-export", flag.ContinueOnError)
	fs.SetOutput(out)
	collectionUID := fs.String("collection", "", "UID of the collection")
	environmentUID := fs.String("environment", "", "UID of the environment (optional)")
	dir := fs.String("out", "postman-export", "directory to write collection.json and environment.json to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	client, done, err := exampleenv.Client(out, seed)
	if err != nil {
		return err
	}
	defer done()
	if *collectionUID == "" {
		if os.Getenv("POSTMAN_API_KEY") != "" {
			return errors.New("-collection is required against the real API")
		}
		*collectionUID, *environmentUID = demo.collection, demo.environment
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}

	col, _, err := client.Collections.Get(ctx, *collectionUID, nil)
	if err != nil {
		return fmt.Errorf("collection %s: %w", *collectionUID, err)
	}
	colPath := filepath.Join(*dir, "collection.json")
	f, err := os.Create(colPath)
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
	fmt.Fprintf(out, "wrote %s (%q)\n", colPath, col.Info.Name)
	command := "newman run " + colPath

	if *environmentUID != "" {
		env, _, err := client.Environments.Get(ctx, *environmentUID)
		if err != nil {
			return fmt.Errorf("environment %s: %w", *environmentUID, err)
		}
		envPath := filepath.Join(*dir, "environment.json")
		if err := exampleenv.WriteEnvironment(envPath, env); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s (%q, %d variables)\n", envPath, env.Name, len(env.Values))
		command += " -e " + envPath
	}
	fmt.Fprintln(out, command)
	return nil
}
