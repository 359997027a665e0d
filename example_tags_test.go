package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Find every collection tagged needs-review, page by page.
func ExampleTagsService_EntitiesIter() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	opts := &postman.TagEntitiesOptions{EntityType: postman.TagEntityCollection}
	for e, err := range client.Tags.EntitiesIter(ctx, "needs-review", opts) {
		if errors.Is(err, postman.ErrFeatureUnavailable) {
			log.Fatal("tagging needs an Enterprise plan")
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.EntityType, e.EntityID)
	}
}
