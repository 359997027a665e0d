package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Tag a collection for review, then find every collection tagged
// needs-review, page by page. Tagged elements come as IDs only: the
// workspace's element list gives their names.
func ExampleTagsService_ListEntitiesIter() {
	srv := postmantest.NewServer()
	defer srv.Close()
	team := srv.Workspaces()[1].ID
	for _, name := range []string{"Billing API", "Payments API", "Users API"} {
		id := srv.AddCollection(team, []byte(`{"info": {"name": "`+name+`",
			"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}`))
		if name == "Users API" {
			srv.SetCollectionTags(id, "needs-review")
		}
	}
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	ws, _, err := client.Workspaces.Get(ctx, team, nil)
	if err != nil {
		log.Fatal(err)
	}
	names := map[string]string{} // collection UID → name
	var billing postman.WorkspaceElement
	for _, c := range ws.Collections {
		names[c.UID] = c.Name
		if c.Name == "Billing API" {
			billing = c
		}
	}
	tags, _, err := client.Tags.UpdateCollectionTags(ctx, billing.UID, []string{"billing", "needs-review"})
	if errors.Is(err, postman.ErrFeatureUnavailable) {
		log.Fatal("tagging needs an Enterprise plan")
	} else if err != nil {
		log.Fatal(err)
	}
	for _, t := range tags {
		fmt.Println(billing.Name, "tagged", t.Slug)
	}

	opts := &postman.TagEntityListOptions{EntityType: postman.TagEntityCollection}
	for e, err := range client.Tags.ListEntitiesIter(ctx, "needs-review", opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("needs review:", names[e.EntityID])
	}
	// Output:
	// Billing API tagged billing
	// Billing API tagged needs-review
	// needs review: Billing API
	// needs review: Users API
}
