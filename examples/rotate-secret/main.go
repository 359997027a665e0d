// Command rotate-secret updates one secret variable of a Postman
// environment without touching the others: the job a CI pipeline runs
// after it rotates a credential.
//
//	go run ./examples/rotate-secret                                  # offline demo against postmantest
//	NEW_SECRET=… POSTMAN_API_KEY=PMAK-… go run ./examples/rotate-secret -environment <id> -key apiKey
//
// The new value is read from an environment variable (NEW_SECRET by
// default), never from the command line, where it would land in shell
// history and process listings; it is never printed.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
		fmt.Fprintln(os.Stderr, "rotate-secret:", err)
		os.Exit(1)
	}
}

// demoEnvironmentID is the environment the offline demo seeds.
var demoEnvironmentID string

func seed(srv *postmantest.Server) {
	ws := srv.Workspaces()[1].ID
	demoEnvironmentID = srv.AddEnvironment(ws, "Staging",
		postmantest.EnvironmentVariable{Key: "baseUrl", Value: "https://staging.example.com", Type: "default"},
		postmantest.EnvironmentVariable{Key: "apiKey", Value: "old-secret", Type: "secret"},
		postmantest.EnvironmentVariable{Key: "timeoutMs", Value: "5000", Type: "default"})
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("rotate-secret", flag.ContinueOnError)
	fs.SetOutput(out)
	envID := fs.String("environment", "", "ID or UID of the environment (default: the offline demo's)")
	key := fs.String("key", "apiKey", "name of the variable to rotate")
	from := fs.String("value-from", "NEW_SECRET", "environment variable holding the new value")
	if err := fs.Parse(args); err != nil {
		return err
	}
	client, done, err := exampleenv.Client(out, seed)
	if err != nil {
		return err
	}
	defer done()
	if *envID == "" {
		if os.Getenv("POSTMAN_API_KEY") != "" {
			return errors.New("-environment is required against the real API")
		}
		*envID = demoEnvironmentID
	}
	value := os.Getenv(*from)
	if value == "" {
		if os.Getenv("POSTMAN_API_KEY") != "" {
			return fmt.Errorf("$%s is empty: nothing to rotate to", *from)
		}
		value = randomSecret()
		fmt.Fprintf(out, "$%s is not set: rotating to a random demo value\n", *from)
	}

	before, _, err := client.Environments.Get(ctx, *envID)
	if err != nil {
		return err
	}
	if _, ok := before.Variable(*key); !ok {
		return fmt.Errorf("environment %q has no variable %q", before.Name, *key)
	}
	after, _, err := client.Environments.SetVariable(ctx, *envID, postman.NewEnvironmentSecret(*key, value))
	if err != nil {
		return err
	}
	v, _ := after.Variable(*key)
	fmt.Fprintf(out, "rotated %s in %q; %d other variables untouched\n", v, after.Name, len(after.Values)-1)
	return nil
}

func randomSecret() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
