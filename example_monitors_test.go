package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// A CI gate: run a monitor and fail the build when a test fails.
func ExampleMonitorsService_Run() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	monitorID := "1e6b6cc1-c760-48e0-968f-4bfaeeae9af1"
	run, _, err := client.Monitors.Run(ctx, monitorID, nil)
	if err != nil {
		log.Fatal(err)
	}
	if !run.Finished() {
		// Longer than Postman's 300 seconds: wait for the outcome.
		if run, _, err = client.Monitors.WaitRun(ctx, monitorID, run); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%s: %s\n", run.Info.Name, run.Info.Status)
	if run.Stats != nil {
		fmt.Printf("%d of %d tests failed\n", run.Stats.Assertions.Failed, run.Stats.Assertions.Total)
	}
	if run.Failed() {
		for _, f := range run.Failures() {
			fmt.Println("  ", f)
		}
		os.Exit(1)
	}
}
