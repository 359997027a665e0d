package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A CI job works in a throwaway workspace that is deleted when the job
// ends, even if the job's context was cancelled first (a timeout, a
// cancelled pipeline), so that CI leaves nothing behind in the team.
func ExampleWorkspacesService_CreateTemporary() {
	srv := postmantest.NewServer()
	defer srv.Close()
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	ciJob := func(ctx context.Context, jobID string) error {
		ws, cleanup, err := client.Workspaces.CreateTemporary(ctx, postman.WorkspaceCreateParams{
			Name: "ci-" + jobID,
			Type: postman.WorkspaceTeam,
		})
		if err != nil {
			return err
		}
		defer func() {
			if err := cleanup(ctx); err != nil {
				log.Printf("workspace %s left behind: %v", ws.ID, err)
			}
		}()

		// The job's fixtures live in the workspace.
		_, _, err = client.Environments.Create(ctx, postman.EnvironmentCreateParams{
			WorkspaceID: ws.ID,
			Name:        "CI",
			Values:      postman.EnvironmentVariables{postman.NewEnvironmentVariable("baseUrl", "http://localhost:8080")},
		})
		if err != nil {
			return err
		}
		got, _, err := client.Workspaces.Get(ctx, ws.ID, nil)
		if err != nil {
			return err
		}
		for _, env := range got.Environments {
			fmt.Printf("%s: environment %s\n", got.Name, env.Name)
		}
		return nil
	}
	if err := ciJob(ctx, "4217"); err != nil {
		log.Fatal(err)
	}

	// The job is over: only the team's own workspaces are left.
	team, _, err := client.Workspaces.List(ctx, &postman.WorkspaceListOptions{Type: postman.WorkspaceTeam})
	if err != nil {
		log.Fatal(err)
	}
	for _, ws := range team {
		fmt.Println("left:", ws.Name)
	}
	// Output:
	// ci-4217: environment CI
	// left: Team Workspace
}
