package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Public requests of verified publishers are searched, page after page.
func ExampleSearchService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	req := postman.SearchRequest{
		Query:       "weather forecast",
		ElementType: postman.SearchRequests,
		Ownership:   postman.SearchAll,
		Filters: postman.SearchFilters{
			postman.SearchEq(postman.SearchFieldVisibility, postman.SearchVisibilityPublic),
			postman.SearchEqBool(postman.SearchFieldPublisherIsVerified, true),
			postman.SearchIn(postman.SearchFieldMethod, "GET"),
		},
	}
	for r, err := range client.Search.QueryIter(ctx, req, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(r.Method, r.URL, r.Links.Web.Href)
	}
}
