package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestAnalyticsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "Data", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Analytics.ListData(ctx, AnalyticsWorkspace, AnalyticsUserRequests, &AnalyticsDataListOptions{
				View: AnalyticsDetailed, WorkspaceTypes: []string{"internal", "partner"}, Duration: AnalyticsLast30Days,
				UserIDs: []string{"12345678"}, RequestIDs: []string{"12345678-c82dd02c-4870-4907-8fcb-593a876cf05b"},
				ResponseStatuses: []string{"404", "500"}, UserType: AnalyticsReturningUsers, EntityType: AnalyticsCollection,
				OffsetOptions: OffsetOptions{Limit: 3, Offset: 5},
			})
			return err
		}},
		{name: "DataIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Analytics.ListDataIter(ctx, AnalyticsTeam, AnalyticsPartnerEngagementFunnel, nil) {
				return err // the example's pages would repeat
			}
			return nil
		}},
		{name: "Metadata", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Analytics.GetMetadata(ctx, &AnalyticsMetadataGetOptions{
				Include:   []AnalyticsMetadataInclude{AnalyticsIncludeParameters, AnalyticsIncludeResponse},
				Resources: []AnalyticsResource{AnalyticsUser, AnalyticsWorkspace}, Metrics: []AnalyticsMetric{AnalyticsActiveUsers},
			})
			return err
		}},
	})
}

func TestAnalyticsDataDecodesTheFunnel(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	data, resp, err := c.Analytics.ListData(t.Context(), AnalyticsTeam, AnalyticsPartnerEngagementFunnel, &AnalyticsDataListOptions{
		Duration: AnalyticsLast180Days, OffsetOptions: OffsetOptions{Limit: 3},
	})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "duration=last_180_days&limit=3&metrics=partner_engagement_funnel&resource=team", req.URL.RawQuery)

	assert.Equal(t, []string{"all_partners", "request_sent", "successful_requests_200OK", "viewed_collection", "workspace_visited"}, data.Names())
	assert.Nil(t, data.Table(""), "several tables: no single one")
	all := data.Table("all_partners")
	require.NotNil(t, all)
	assert.Equal(t, 132, all.Pagination.Total)
	assert.True(t, all.Pagination.HasMore)
	assert.Equal(t, AnalyticsTimestamp, all.Schema.Columns[1].Type)
	v, ok := all.Value(0, "user_id")
	require.True(t, ok)
	assert.Equal(t, "12345678", v)
	_, ok = all.Value(0, "nope")
	assert.False(t, ok)
	_, ok = all.Value(99, "user_id")
	assert.False(t, ok)
	assert.Equal(t, 132, resp.Total, "the largest table's total")
	assert.Equal(t, 3, resp.Limit)
}

// analyticsTopUsers is the description's "Top Five Users" example.
const analyticsTopUsers = `{"data":{"summary":{"schema":{"columns":[
 {"name":"timestamp","type":"DATE","description":"Date representing the reporting timestamp."},
 {"name":"user_id","type":"STRING","description":"Unique identifier assigned to the user."},
 {"name":"api_requests_count","type":"INTEGER","description":"Total number of API requests made by the user."},
 {"name":"team_joining_date","type":"DATE","description":"Date when the user joined the team."},
 {"name":"last_active_ts","type":"TIMESTAMP","description":"Timestamp of the user's most recent activity."}]},
 "rows":[["2025-03-01","12345678",0,"2022-06-10","2025-08-25 18:10:00+00:00"],
         ["2025-04-01","87654321",0,"2022-08-14","2025-08-24 21:30:00+00:00"],
         ["2025-05-01",56781234,0,"2023-01-03","2025-08-23 19:45:00+00:00"]],
 "pagination":{"total":42,"limit":3,"offset":0,"has_more":true}}}}`

func TestAnalyticsDataDecodesASummary(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getAnalyticsData", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(analyticsTopUsers))
	})
	c := newTestClient(t, h.URL)
	data, resp, err := c.Analytics.ListData(t.Context(), AnalyticsUser, AnalyticsActiveUsers, nil)
	require.NoError(t, err)
	table := data.Table("")
	require.NotNil(t, table)
	assert.Same(t, table, data.Table("summary"))
	require.Len(t, table.Rows, 3)
	id, _ := table.Value(2, "user_id")
	assert.Equal(t, json.Number("56781234"), id, "a numeric ID keeps its digits")
	count, _ := table.Value(0, "api_requests_count")
	assert.Equal(t, json.Number("0"), count)
	assert.Equal(t, 2, table.Column("api_requests_count"))
	assert.Equal(t, 42, resp.Total)
	assert.Equal(t, 0, resp.Offset)
}

// pagedAnalytics answers GET /analytics with tables of the given totals,
// paged by offset and limit.
func pagedAnalytics(totals map[string]int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		data := map[string]any{}
		for name, total := range totals {
			rows := [][]any{}
			for i := offset; i < min(offset+limit, total); i++ {
				rows = append(rows, []any{fmt.Sprintf("%s-%d", name, i), i})
			}
			data[name] = map[string]any{
				"schema":     map[string]any{"columns": []any{map[string]any{"name": "user_id", "type": "STRING"}, map[string]any{"name": "n", "type": "INTEGER"}}},
				"rows":       rows,
				"pagination": map[string]any{"total": total, "limit": limit, "offset": offset, "has_more": offset+limit < total},
			}
		}
		accountJSON(http.StatusOK, map[string]any{"data": data})(w, r)
	}
}

func TestAnalyticsDataIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getAnalyticsData", pagedAnalytics(map[string]int{"summary": 7}, &served))
	c := newTestClient(t, h.URL)

	opts := &AnalyticsDataListOptions{Duration: AnalyticsLastMonth, OffsetOptions: OffsetOptions{Limit: 3}}
	var ids []any
	for row, err := range c.Analytics.ListDataIter(t.Context(), AnalyticsUser, AnalyticsActiveUsers, opts) {
		require.NoError(t, err)
		assert.Equal(t, "summary", row.Table)
		v, ok := row.Get("user_id")
		require.True(t, ok)
		ids = append(ids, v)
	}
	assert.Equal(t, []any{"summary-0", "summary-1", "summary-2", "summary-3", "summary-4", "summary-5", "summary-6"}, ids)
	assert.Equal(t, 3, served)
	var offsets []string
	for _, req := range h.Requests() {
		offsets = append(offsets, req.URL.Query().Get("offset"))
		assert.Equal(t, "last_month", req.URL.Query().Get("duration"))
	}
	assert.Equal(t, []string{"", "3", "6"}, offsets)
	assert.Zero(t, opts.Offset, "the caller's options are not changed")

	served = 0
	n := 0
	for _, err := range c.Analytics.ListDataIter(t.Context(), AnalyticsUser, AnalyticsActiveUsers, opts) {
		require.NoError(t, err)
		if n++; n == 4 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")
}

func TestAnalyticsDataIterPagesEveryTableOfAFunnel(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getAnalyticsData", pagedAnalytics(map[string]int{"all_partners": 5, "request_sent": 2}, &served))
	c := newTestClient(t, h.URL)
	perTable := map[string]int{}
	seq := c.Analytics.ListDataIter(t.Context(), AnalyticsTeam, AnalyticsPartnerEngagementFunnel, &AnalyticsDataListOptions{OffsetOptions: OffsetOptions{Limit: 2}})
	for row, err := range seq {
		require.NoError(t, err)
		perTable[row.Table]++
	}
	assert.Equal(t, map[string]int{"all_partners": 5, "request_sent": 2}, perTable)
	assert.Equal(t, 3, served)

	served = 0
	for _, err := range seq {
		require.NoError(t, err)
	}
	assert.Equal(t, 3, served, "ranging again starts from the first page")
}

func TestAnalyticsDataIterAsksForLargePages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getAnalyticsData", pagedAnalytics(map[string]int{"summary": 2}, &served))
	c := newTestClient(t, h.URL)
	for _, err := range c.Analytics.ListDataIter(t.Context(), AnalyticsUser, AnalyticsActiveUsers, nil) {
		require.NoError(t, err)
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "1000", req.URL.Query().Get("limit"))
	assert.Equal(t, 1, served)
}

func TestAnalyticsMetadata(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	// The first example asks for parameters and response data.
	meta, _, err := c.Analytics.GetMetadata(t.Context(), &AnalyticsMetadataGetOptions{
		Include: []AnalyticsMetadataInclude{AnalyticsIncludeParameters, AnalyticsIncludeResponse}, Resources: []AnalyticsResource{AnalyticsUser, AnalyticsTeam},
	})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "include=parameters%2Cresponse&resources=user%2Cteam", req.URL.RawQuery)
	require.NotEmpty(t, meta.Resources)
	user := meta.Resources[0]
	assert.Equal(t, AnalyticsUser, user.Resource)
	require.NotEmpty(t, user.Metrics)
	active := user.Metrics[0]
	assert.Equal(t, AnalyticsActiveUsers, active.Metric)
	require.NotNil(t, active.Parameters)
	require.NotNil(t, active.Parameters.View)
	assert.Equal(t, []string{"detailed", "summary"}, active.Parameters.View.AllowedValues)
	require.Contains(t, active.Parameters.Filters, "duration")
	assert.True(t, active.Parameters.Filters["duration"].IsRequired)
	assert.True(t, active.Parameters.Pagination.Supported)
	require.Contains(t, active.Response, "summary")
	assert.Equal(t, "count", active.Response["summary"].Schema.Columns[0].Name)

	var funnel *AnalyticsMetricInfo
	var members *AnalyticsMetricInfo
	for _, r := range meta.Resources {
		for _, m := range r.Metrics {
			switch m.Metric {
			case AnalyticsPartnerEngagementFunnel:
				funnel = m
			case AnalyticsMembers:
				members = m
			}
		}
	}
	require.NotNil(t, funnel)
	assert.Contains(t, funnel.Response["detailed"].FunnelStages, "all_partners")
	require.NotNil(t, members)
	assert.NotNil(t, members.Parameters.Filters, "an empty filter list decodes")
	assert.Empty(t, members.Parameters.Filters)
}

func TestAnalyticsFiltersDecodeBothForms(t *testing.T) {
	var f AnalyticsFilters
	require.NoError(t, json.Unmarshal([]byte(`["duration","workspace_type"]`), &f))
	assert.Len(t, f, 2)
	assert.Contains(t, f, "workspace_type")
	require.NoError(t, json.Unmarshal([]byte(`{"duration":{"type":"ENUM","isRequired":true,"allowed_values":["last_month"]}}`), &f))
	assert.Equal(t, []string{"last_month"}, f["duration"].AllowedValues)
	assert.Error(t, json.Unmarshal([]byte(`"x"`), &f))
}

func TestAnalyticsErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getAnalyticsData", http.StatusBadRequest)
	h.Status("getAnalyticsMetadata", http.StatusForbidden)
	c := newTestClient(t, h.URL)
	_, _, err := c.Analytics.ListData(t.Context(), AnalyticsWorkspace, AnalyticsActiveUsers, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Detail, "is not supported")
	_, _, err = c.Analytics.GetMetadata(t.Context(), nil)
	assert.ErrorIs(t, err, ErrForbidden)
}
