package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Public requests of verified publishers are searched, page after page.
func ExampleSearchService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	// Another team's public workspace, whose organization Postman verified.
	weather := srv.AddWorkspace(postmantest.Workspace{Name: "Weather APIs", Type: "public",
		Publisher: postmantest.Publisher{TeamID: 4411, TeamName: "Open Weather", Verified: true}})
	srv.AddCollection(weather, []byte(`{"info": {"name": "Forecast API"}, "item": [
		{"name": "Daily weather forecast", "request": {"method": "GET", "url": "https://api.weather.example/daily"}},
		{"name": "Hourly weather forecast", "request": {"method": "GET", "url": "https://api.weather.example/hourly"}},
		{"name": "Correct a weather forecast", "request": {"method": "POST", "url": "https://api.weather.example/corrections"}}]}`))
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()

	req := postman.SearchQueryParams{
		Query:       "weather forecast",
		ElementType: postman.SearchRequests,
		Ownership:   postman.SearchAll,
		Filters: postman.SearchFilters{
			postman.SearchEq(postman.SearchFieldVisibility, postman.SearchVisibilityPublic),
			postman.SearchEqBool(postman.SearchFieldPublisherIsVerified, true),
			postman.SearchIn(postman.SearchFieldMethod, "GET"),
		},
	}
	for r, err := range client.Search.QueryIter(context.Background(), req, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(r.Method, r.URL, "by", r.Organization.Name)
	}
	// Output:
	// GET https://api.weather.example/daily by Open Weather
	// GET https://api.weather.example/hourly by Open Weather
}
