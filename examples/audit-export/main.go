// Command audit-export writes the team's audit events since a date as
// JSON lines, one event per line, for a SIEM or an archive. It pages
// through the audit log one page in memory at a time and reports progress
// on standard error.
//
//	go run ./examples/audit-export -since 2026-11-01                 # offline, against postmantest
//	POSTMAN_API_KEY=… go run ./examples/audit-export -since 2026-11-01 -out audit.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "audit-export:", err)
		os.Exit(1)
	}
}

func seed(srv *postmantest.Server) {
	start := time.Now().UTC().AddDate(0, 0, -10)
	for i := range 25 {
		srv.AddAuditEvents(postmantest.AuditEvent{Action: "user.login_password_success",
			Message: fmt.Sprintf("Demo user %d logged in", i), Timestamp: start.Add(time.Duration(i) * 9 * time.Hour),
			IP: "192.0.2.10", UserAgent: "PostmanRuntime/7.39.0", ActorName: fmt.Sprintf("user%d", i%3), ActorID: int64(1000 + i%3)})
	}
}

// progressEvery is how often progress is reported.
const progressEvery = 10

func run(ctx context.Context, args []string, stdout, progress io.Writer) error {
	fs := flag.NewFlagSet("audit-export", flag.ContinueOnError)
	fs.SetOutput(progress)
	since := fs.String("since", time.Now().UTC().AddDate(0, 0, -7).Format(time.DateOnly), "first day to export (YYYY-MM-DD, UTC)")
	outPath := fs.String("out", "", "file to write (default: standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	from, err := time.Parse(time.DateOnly, *since)
	if err != nil {
		return fmt.Errorf("-since: %w", err)
	}
	client, done, err := exampleenv.Client(progress, seed)
	if err != nil {
		return err
	}
	defer done()

	var sink io.Writer = stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		sink = f
	}
	w := bufio.NewWriter(sink)
	enc := json.NewEncoder(w)
	n := 0
	opts := &postman.AuditLogListOptions{Since: from, Order: postman.AuditLogAscending, CursorOptions: postman.CursorOptions{Limit: 10}}
	for ev, err := range client.AuditLogs.ListIter(ctx, opts) {
		if err != nil {
			return err
		}
		if err := enc.Encode(ev); err != nil {
			return err
		}
		n++
		if n%progressEvery == 0 {
			fmt.Fprintf(progress, "exported %d events…\n", n)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(progress, "exported %d events since %s\n", n, from.Format(time.DateOnly))
	return nil
}
