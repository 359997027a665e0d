package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// A CI job works in a throwaway workspace that is deleted when it ends,
// even if the job's context is cancelled first.
func ExampleWorkspacesService_Temporary() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	ws, cleanup, err := client.Workspaces.Temporary(ctx, postman.CreateWorkspaceRequest{
		Name: "ci-" + os.Getenv("CI_JOB_ID"),
		Type: postman.WorkspaceTeam,
	})
	if err != nil {
		log.Fatal(err)
	}
	defer func() {
		if err := cleanup(ctx); err != nil {
			log.Printf("workspace %s left behind: %v", ws.ID, err)
		}
	}()

	for activity, err := range client.Workspaces.ActivitiesIter(ctx, ws.ID, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(activity.User.Name, activity.Action, activity.ElementType, activity.ElementName)
	}
}
