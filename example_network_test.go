package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Review pending requests to publish workspaces to the Private API
// Network, then list what is published.
func ExampleNetworkService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	payments := srv.AddWorkspace(postmantest.Workspace{Name: "Payments", About: "Card and wallet payments"})
	scratch := srv.AddWorkspace(postmantest.Workspace{Name: "Scratchpad"})
	srv.PublishToNetwork(srv.Workspaces()[1].ID) // Team Workspace
	srv.AddNetworkRequest(postmantest.NetworkRequest{WorkspaceID: payments, Message: "Ready for other teams"})
	srv.AddNetworkRequest(postmantest.NetworkRequest{WorkspaceID: scratch})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	// Collect first: answered requests leave the list, which would shift
	// the offsets of the pages still to come.
	var pending []*postman.NetworkAddRequest
	opts := &postman.NetworkAddRequestListOptions{Status: postman.NetworkRequestPending}
	for req, err := range client.Network.ListAddRequestsIter(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		pending = append(pending, req)
	}
	for _, req := range pending {
		id := fmt.Sprint(req.ID)
		var answer *postman.NetworkAddRequest
		var err error
		if req.Element.Summary == "" {
			answer, _, err = client.Network.DenyAddRequest(ctx, id, "Please add a summary first.")
		} else {
			answer, _, err = client.Network.ApproveAddRequest(ctx, id)
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(req.Element.Name, answer.Status)
	}

	for ws, err := range client.Network.ListIter(ctx, &postman.NetworkListOptions{Sort: postman.NetworkSortUpdatedAt, Direction: postman.NetworkDescending}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("published: %s (%s)\n", ws.Name, ws.Summary)
	}
	// Output:
	// Payments approved
	// Scratchpad denied
	// published: Payments (Card and wallet payments)
	// published: Team Workspace (Shared with the team)
}
