package postmantest_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func activeUsers(n int) postmantest.AnalyticsTable {
	t := postmantest.AnalyticsTable{Columns: []postmantest.AnalyticsColumn{
		{Name: "timestamp", Type: "DATE", Format: "YYYY-MM-DD"}, {Name: "user_id", Type: "STRING"}, {Name: "api_requests_count", Type: "INTEGER"},
	}}
	for i := range n {
		t.Rows = append(t.Rows, []any{"2026-10-01", fmt.Sprint(10000000 + i), i})
	}
	return t
}

func TestAnalyticsDataPages(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	srv.AddAnalyticsTable("user", "active_users", "detailed", activeUsers(5))
	srv.AddAnalyticsTable("user", "active_users", "summary", postmantest.AnalyticsTable{
		Columns: []postmantest.AnalyticsColumn{{Name: "count", Type: "INTEGER"}}, Rows: [][]any{{5}}})

	data, resp, err := c.Analytics.ListData(t.Context(), postman.AnalyticsUser, postman.AnalyticsActiveUsers, &postman.AnalyticsDataListOptions{
		View: postman.AnalyticsDetailed, OffsetOptions: postman.OffsetOptions{Limit: 2, Offset: 2}})
	require.NoError(t, err)
	assert.Equal(t, []string{"detailed"}, data.Names())
	table := data.Table("")
	require.Len(t, table.Rows, 2)
	v, ok := table.Value(0, "user_id")
	require.True(t, ok)
	assert.Equal(t, "10000002", v)
	assert.Equal(t, postman.AnalyticsPagination{Total: 5, Limit: 2, Offset: 2, HasMore: true}, table.Pagination)
	assert.Equal(t, 5, resp.Total)

	var counts []json.Number
	for row, err := range c.Analytics.ListDataIter(t.Context(), postman.AnalyticsUser, postman.AnalyticsActiveUsers, &postman.AnalyticsDataListOptions{
		View: postman.AnalyticsDetailed, OffsetOptions: postman.OffsetOptions{Limit: 2}}) {
		require.NoError(t, err)
		n, _ := row.Get("api_requests_count")
		counts = append(counts, n.(json.Number))
	}
	assert.Equal(t, []json.Number{"0", "1", "2", "3", "4"}, counts)

	data, _, err = c.Analytics.ListData(t.Context(), postman.AnalyticsUser, postman.AnalyticsActiveUsers, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"summary"}, data.Names(), "the first view when none is asked for")

	data, _, err = c.Analytics.ListData(t.Context(), postman.AnalyticsWorkspace, postman.AnalyticsAPICalls, nil)
	require.NoError(t, err)
	assert.Empty(t, data.Table("summary").Rows)

	_, _, err = c.Analytics.ListData(t.Context(), postman.AnalyticsWorkspace, postman.AnalyticsActiveUsers, nil)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
}

func TestAnalyticsFunnelStages(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	cols := []postmantest.AnalyticsColumn{{Name: "user_id", Type: "STRING"}}
	srv.AddAnalyticsTable("team", "partner_engagement_funnel", "all_partners", postmantest.AnalyticsTable{Columns: cols, Rows: [][]any{{"1"}, {"2"}, {"3"}}})
	srv.AddAnalyticsTable("team", "partner_engagement_funnel", "request_sent", postmantest.AnalyticsTable{Columns: cols, Rows: [][]any{{"1"}}})

	data, _, err := c.Analytics.ListData(t.Context(), postman.AnalyticsTeam, postman.AnalyticsPartnerEngagementFunnel, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"all_partners", "request_sent"}, data.Names())

	tables := map[string]int{}
	for row, err := range c.Analytics.ListDataIter(t.Context(), postman.AnalyticsTeam, postman.AnalyticsPartnerEngagementFunnel, &postman.AnalyticsDataListOptions{OffsetOptions: postman.OffsetOptions{Limit: 2}}) {
		require.NoError(t, err)
		tables[row.Table]++
	}
	assert.Equal(t, map[string]int{"all_partners": 3, "request_sent": 1}, tables)
}

func TestAnalyticsMetadata(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	srv.AddAnalyticsTable("user", "active_users", "detailed", activeUsers(1))

	meta, _, err := c.Analytics.GetMetadata(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, meta.Resources, 9)
	assert.Equal(t, postman.AnalyticsUser, meta.Resources[0].Resource)
	assert.Nil(t, meta.Resources[0].Metrics[0].Parameters)

	meta, _, err = c.Analytics.GetMetadata(t.Context(), &postman.AnalyticsMetadataGetOptions{
		Include: []postman.AnalyticsMetadataInclude{postman.AnalyticsIncludeParameters, postman.AnalyticsIncludeResponse},
		Metrics: []postman.AnalyticsMetric{postman.AnalyticsActiveUsers},
	})
	require.NoError(t, err)
	require.Len(t, meta.Resources, 1)
	m := meta.Resources[0].Metrics[0]
	assert.Equal(t, postman.AnalyticsActiveUsers, m.Metric)
	assert.Equal(t, []string{"detailed"}, m.Parameters.View.AllowedValues)
	assert.Contains(t, m.Parameters.Filters, "workspace_type")
	assert.True(t, m.Parameters.Pagination.Supported)
	assert.Equal(t, "user_id", m.Response["detailed"].Schema.Columns[1].Name)

	meta, _, err = c.Analytics.GetMetadata(t.Context(), &postman.AnalyticsMetadataGetOptions{Resources: []postman.AnalyticsResource{postman.AnalyticsAPITesting}})
	require.NoError(t, err)
	require.Len(t, meta.Resources, 1)
	assert.Len(t, meta.Resources[0].Metrics, 3)
}
