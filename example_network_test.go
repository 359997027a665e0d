package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Review pending requests to publish workspaces to the Private API
// Network, then list what is published.
func ExampleNetworkService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
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
		if req.Element.Summary == "" {
			_, _, err = client.Network.DenyAddRequest(ctx, id, "Please add a summary first.")
		} else {
			_, _, err = client.Network.ApproveAddRequest(ctx, id)
		}
		if err != nil {
			log.Fatal(err)
		}
	}

	for ws, err := range client.Network.ListIter(ctx, &postman.NetworkListOptions{Sort: postman.NetworkSortUpdatedAt, Direction: postman.NetworkDescending}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ws.Name, ws.AddedAt.Format("2006-01-02"))
	}
}
