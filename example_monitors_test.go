package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A CI gate: run a monitor and fail the build when a test fails.
func ExampleMonitorsService_Run() {
	srv := postmantest.NewServer()
	defer srv.Close()
	monitorID := srv.AddMonitor(postmantest.Monitor{Name: "Payments smoke test", Active: true, FailingTests: []string{"status is 200"}})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	run, _, err := client.Monitors.Run(ctx, monitorID, nil)
	if err != nil {
		log.Fatal(err)
	}
	if !run.Finished() {
		// Longer than Postman's 300 seconds: wait for the outcome.
		if run, _, err = client.Monitors.WaitRun(ctx, run); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%s: %s\n", run.Info.Name, run.Info.Status)
	if run.Failed() {
		for _, f := range run.Failures() {
			fmt.Println(f)
		}
		// a CI step would os.Exit(1) here
	}
	// Output:
	// Payments smoke test: failed
	// Health check: test "status is 200" failed: expected response to have status code 200 but got 500
}
