// Command trace prints the OpenTelemetry spans of a small job: list the
// workspaces, get a collection, and get it again, which Postman answers
// with a 429 and a Retry-After that the client waits out. Each span is
// printed as it ends, by the OpenTelemetry stdout exporter.
//
//	go run ./otel/examples/trace                          # offline, against postmantest
//	POSTMAN_API_KEY=PMAK-… go run ./otel/examples/trace   # against Postman (no 429 forced there)
//
// Offline, the fake API allows two requests a second, so the third call
// meets its limit and waits one second.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/postman-go/postman"
	postmanotel "github.com/postman-go/postman/otel"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "trace:", err)
		os.Exit(1)
	}
}

// collectionDoc is the collection the offline run gives the fake API.
const collectionDoc = `{"info":{"name":"Weather","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},` +
	`"item":[{"name":"Today","request":{"method":"GET","url":"https://api.example.com/today"}}]}`

func run(ctx context.Context, out io.Writer) error {
	// The exporter writes each span, pretty-printed JSON, as it ends.
	exporter, err := stdouttrace.New(stdouttrace.WithWriter(out), stdouttrace.WithPrettyPrint())
	if err != nil {
		return err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exporter))
	defer func() { _ = tp.Shutdown(context.Background()) }()
	obs, err := postmanotel.NewObserver(postmanotel.WithTracerProvider(tp))
	if err != nil {
		return err
	}

	key := os.Getenv("POSTMAN_API_KEY")
	opts := []postman.Option{postman.WithObserver(obs)}
	var srv *postmantest.Server
	if key == "" {
		srv = postmantest.NewServer(postmantest.WithRateLimit(2, time.Second))
		defer srv.Close()
		key = "PMAK-offline-example"
		opts = append(opts, postman.WithBaseURL(srv.URL))
		fmt.Fprintln(out, "POSTMAN_API_KEY is not set: using the built-in fake Postman API (two requests a second)")
	}
	client, err := postman.NewClient(key, opts...)
	if err != nil {
		return err
	}
	defer client.CloseIdleConnections()

	workspaces, _, err := client.Workspaces.List(ctx, nil)
	if err != nil {
		return err
	}
	if len(workspaces) == 0 {
		return errors.New("no workspace to look in")
	}
	var collectionID string
	if srv != nil {
		collectionID = srv.AddCollection(workspaces[0].ID, []byte(collectionDoc))
	} else {
		cols, _, err := client.Collections.List(ctx, &postman.CollectionListOptions{WorkspaceID: workspaces[0].ID})
		if err != nil {
			return err
		}
		if len(cols) == 0 {
			return errors.New("the first workspace has no collection")
		}
		collectionID = cols[0].UID
	}
	for range 2 {
		col, resp, err := client.Collections.Get(ctx, collectionID, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "got %q in %d attempt(s)\n", col.Info.Name, resp.Attempts)
	}
	return nil
}
