package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// Find which views and filters a metric takes, then read every row of it,
// e.g. to feed a usage dashboard: the metadata says what a metric accepts,
// so a request is not refused for a view it lacks.
func ExampleAnalyticsService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	meta, _, err := client.Analytics.Metadata(ctx, &postman.AnalyticsMetadataOptions{
		Include: []postman.AnalyticsMetadataInclude{postman.AnalyticsIncludeParameters},
		Metrics: []postman.AnalyticsMetric{postman.AnalyticsActiveUsers},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range meta.Resources {
		for _, m := range r.Metrics {
			if m.Parameters != nil && m.Parameters.View != nil {
				fmt.Println(r.Resource, m.Metric, m.Parameters.View.AllowedValues)
			}
		}
	}

	rows := client.Analytics.DataIter(ctx, postman.AnalyticsUser, postman.AnalyticsActiveUsers, &postman.AnalyticsDataOptions{
		View:           postman.AnalyticsDetailed,
		WorkspaceTypes: []string{"internal"},
		Duration:       postman.AnalyticsLastMonth,
	})
	for row, err := range rows {
		if err != nil {
			log.Fatal(err)
		}
		user, _ := row.Get("user_id")
		requests, _ := row.Get("api_requests_count")
		fmt.Println(user, requests)
	}
}
