// Command monitor-run runs a Postman monitor, waits for the result,
// prints its failures and exits with status 1 when the run failed: a
// gate for a CI pipeline.
//
//	go run ./examples/monitor-run                                   # offline demo against postmantest
//	POSTMAN_API_KEY=PMAK-… go run ./examples/monitor-run -monitor <id>
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

// errRunFailed makes main exit 1 without printing a second message.
var errRunFailed = errors.New("the monitor run failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout)
	switch {
	case errors.Is(err, errRunFailed):
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, "monitor-run:", err)
		os.Exit(2)
	}
}

// The offline demo's monitors: one healthy, one with a failing test.
var demoMonitors = map[string]string{}

func seed(srv *postmantest.Server) {
	demoMonitors["healthy"] = srv.AddMonitor(postmantest.Monitor{Name: "Orders API health", Active: true})
	demoMonitors["broken"] = srv.AddMonitor(postmantest.Monitor{Name: "Payments smoke test", Active: true,
		FailingTests: []string{"status is 200"}})
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("monitor-run", flag.ContinueOnError)
	fs.SetOutput(out)
	monitorID := fs.String("monitor", "", "ID of the monitor to run (offline: \"healthy\" or \"broken\", default healthy)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	client, done, err := exampleenv.Client(out, seed)
	if err != nil {
		return err
	}
	defer done()
	id := *monitorID
	if demo, ok := demoMonitors[id]; ok && os.Getenv("POSTMAN_API_KEY") == "" {
		id = demo
	} else if id == "" {
		if os.Getenv("POSTMAN_API_KEY") != "" {
			return errors.New("-monitor is required against the real API")
		}
		id = demoMonitors["healthy"]
	}

	fmt.Fprintf(out, "running monitor %s …\n", id)
	result, _, err := client.Monitors.Run(ctx, id, nil)
	if err != nil {
		return err
	}
	if !result.Finished() {
		fmt.Fprintln(out, "the run is taking long; waiting for it to finish …")
		if result, _, err = client.Monitors.WaitRun(ctx, result); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "%s: %s\n", result.Info.Name, result.Info.Status)
	if s := result.Stats; s != nil {
		fmt.Fprintf(out, "assertions: %d, failed: %d\n", s.Assertions.Total, s.Assertions.Failed)
	}
	if !result.Failed() {
		return nil
	}
	for _, f := range result.Failures() {
		fmt.Fprintf(out, "FAIL %s\n", f)
	}
	return errRunFailed
}
