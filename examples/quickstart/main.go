// Command quickstart prints who the API key belongs to, how many Postman
// API calls the team has left this month, and the workspaces the user can
// access.
//
//	go run ./examples/quickstart                          # offline, against postmantest
//	POSTMAN_API_KEY=PMAK-… go run ./examples/quickstart   # against Postman
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"text/tabwriter"

	"github.com/postman-go/postman/examples/internal/exampleenv"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer) error {
	client, done, err := exampleenv.Client(out, nil)
	if err != nil {
		return err
	}
	defer done()

	me, resp, err := client.Users.GetMe(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "User: %s (%s), team %q\n", me.User.Username, me.User.Email, me.User.TeamName)
	if left, ok := me.APICallsRemaining(); ok {
		fmt.Fprintf(out, "API calls left this month: %.0f\n", left)
	} else if resp.Usage.Limit > 0 {
		fmt.Fprintf(out, "API calls left this month: %d of %d\n", resp.Usage.Remaining, resp.Usage.Limit)
	}

	fmt.Fprintln(out, "Workspaces:")
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	n := 0
	for ws, err := range client.Workspaces.ListIter(ctx, nil) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", ws.ID, ws.Type, ws.Name)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d workspaces\n", n)
	return nil
}
