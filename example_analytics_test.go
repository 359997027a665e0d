package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Find which views and filters a metric takes, then read every row of it,
// e.g. to feed a usage dashboard: the metadata says what a metric accepts,
// so a request is not refused for a view it lacks.
func ExampleAnalyticsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	columns := []postmantest.AnalyticsColumn{{Name: "timestamp", Type: "DATE", Format: "YYYY-MM-DD"},
		{Name: "user_id", Type: "STRING"}, {Name: "api_requests_count", Type: "INTEGER"}}
	srv.AddAnalyticsTable("user", "active_users", "detailed", postmantest.AnalyticsTable{Columns: columns,
		Rows: [][]any{{"2026-10-01", "12345678", 1250}, {"2026-10-01", "87654321", 310}, {"2026-10-01", "56781234", 42}}})
	srv.AddAnalyticsTable("user", "active_users", "summary", postmantest.AnalyticsTable{
		Columns: []postmantest.AnalyticsColumn{{Name: "count", Type: "INTEGER"}}, Rows: [][]any{{3}}})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	meta, _, err := client.Analytics.GetMetadata(ctx, &postman.AnalyticsMetadataGetOptions{
		Include: []postman.AnalyticsMetadataInclude{postman.AnalyticsIncludeParameters},
		Metrics: []postman.AnalyticsMetric{postman.AnalyticsActiveUsers},
	})
	if err != nil {
		log.Fatal(err) // errors.Is(err, postman.ErrFeatureUnavailable) outside Enterprise
	}
	for _, r := range meta.Resources {
		for _, m := range r.Metrics {
			if m.Parameters != nil && m.Parameters.View != nil {
				fmt.Println(r.Resource, m.Metric, m.Parameters.View.AllowedValues)
			}
		}
	}

	rows := client.Analytics.ListDataIter(ctx, postman.AnalyticsUser, postman.AnalyticsActiveUsers, &postman.AnalyticsDataListOptions{
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
	// Output:
	// user active_users [summary detailed]
	// 12345678 1250
	// 87654321 310
	// 56781234 42
}
