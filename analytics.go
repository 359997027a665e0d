package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"slices"

	"github.com/postman-go/postman/internal/paginate"
)

// AnalyticsService is the Analytics area: usage analytics of the team's APIs.
//
// Analytics are available on Enterprise plans. Which metrics a resource
// has, and which views and filters each metric takes, is listed by
// GetMetadata.
type AnalyticsService service

// AnalyticsResource is what analytics are about.
type AnalyticsResource string

// Analytics resources.
const (
	AnalyticsUser            AnalyticsResource = "user"
	AnalyticsTeam            AnalyticsResource = "team"
	AnalyticsWorkspace       AnalyticsResource = "workspace"
	AnalyticsAI              AnalyticsResource = "ai"
	AnalyticsAPIDevelopment  AnalyticsResource = "api_development"
	AnalyticsAPITesting      AnalyticsResource = "api_testing"
	AnalyticsAPIProduction   AnalyticsResource = "api_production"
	AnalyticsAPIDistribution AnalyticsResource = "api_distribution"
	AnalyticsAPIManagement   AnalyticsResource = "api_management"
)

// AnalyticsMetric is a metric of an analytics resource; each metric only
// exists for some resources (see Metadata). Postman adds metrics; any
// name it accepts can be converted.
type AnalyticsMetric string

// Analytics metrics, grouped by the resources Postman documents them for.
const (
	// user (and workspace_active_users for workspace)
	AnalyticsActiveUsers          AnalyticsMetric = "active_users"
	AnalyticsWorkspaceActiveUsers AnalyticsMetric = "workspace_active_users"
	// workspace
	AnalyticsElementsInWorkspace      AnalyticsMetric = "elements_in_workspace"
	AnalyticsActiveWorkspaces         AnalyticsMetric = "active_workspaces"
	AnalyticsAPICalls                 AnalyticsMetric = "api_calls"
	AnalyticsActiveCollections        AnalyticsMetric = "active_collections"
	AnalyticsResponseStatus           AnalyticsMetric = "response_status"
	AnalyticsPendingInvites           AnalyticsMetric = "pending_invites"
	AnalyticsNeedsAttention           AnalyticsMetric = "needs_attention"
	AnalyticsSuccessRate              AnalyticsMetric = "success_rate"
	AnalyticsUserRequests             AnalyticsMetric = "user_requests"
	AnalyticsCollectionErrorAggregate AnalyticsMetric = "collection_error_aggregate"
	// team
	AnalyticsUserAPIJourney                AnalyticsMetric = "user_api_journey"
	AnalyticsWorkspaceDistribution         AnalyticsMetric = "workspace_distribution"
	AnalyticsInternalWorkspaceDistribution AnalyticsMetric = "internal_workspace_distribution"
	AnalyticsLicenseConsumption            AnalyticsMetric = "license_consumption"
	AnalyticsMembers                       AnalyticsMetric = "members"
	AnalyticsLastAutoflexCycle             AnalyticsMetric = "last_autoflex_cycle"
	AnalyticsPartnerEngagementFunnel       AnalyticsMetric = "partner_engagement_funnel"
	AnalyticsMembersOvertime               AnalyticsMetric = "members_overtime"
	AnalyticsMemberInvites                 AnalyticsMetric = "member_invites"
	AnalyticsInvitesSent                   AnalyticsMetric = "invites_sent"
	AnalyticsInvitesAccepted               AnalyticsMetric = "invites_accepted"
	// ai
	AnalyticsAgentModeUsers        AnalyticsMetric = "agent_mode_users"
	AnalyticsNewVsReturningUsers   AnalyticsMetric = "new_vs_returning_users"
	AnalyticsAgentModeSessions     AnalyticsMetric = "agent_mode_sessions"
	AnalyticsMessagesSent          AnalyticsMetric = "messages_sent"
	AnalyticsCreditUsage           AnalyticsMetric = "credit_usage"
	AnalyticsCreditUsageByModel    AnalyticsMetric = "credit_usage_by_model"
	AnalyticsUsageLeaderboard      AnalyticsMetric = "usage_leaderboard"
	AnalyticsPeakActivity          AnalyticsMetric = "peak_activity"
	AnalyticsActivityDistribution  AnalyticsMetric = "activity_distribution"
	AnalyticsTopAgentModelsByUsage AnalyticsMetric = "top_agent_models_by_usage"
	// api_development (and active_workspaces)
	AnalyticsEntityActivity AnalyticsMetric = "entity_activity"
	AnalyticsTopEntities    AnalyticsMetric = "top_entities"
	// api_testing
	AnalyticsRuns                AnalyticsMetric = "runs"
	AnalyticsFunctionalTestRuns  AnalyticsMetric = "functional_test_runs"
	AnalyticsPerformanceTestRuns AnalyticsMetric = "performance_test_runs"
	// api_production
	AnalyticsMonitorRuns    AnalyticsMetric = "monitor_runs"
	AnalyticsFlowExecutions AnalyticsMetric = "flow_executions"
	// api_distribution (and active_workspaces)
	AnalyticsPrivateNetwork AnalyticsMetric = "pvt_network"
	AnalyticsPartner        AnalyticsMetric = "partner"
	AnalyticsPublic         AnalyticsMetric = "public"
	// api_management
	AnalyticsWorkspaceActivity AnalyticsMetric = "workspace_activity"
)

// AnalyticsView is how much analytics data says; each metric only takes
// some views (see Metadata).
type AnalyticsView string

// Analytics views.
const (
	AnalyticsDetailed AnalyticsView = "detailed"
	AnalyticsSummary  AnalyticsView = "summary"
	AnalyticsTrend    AnalyticsView = "trend"
)

// AnalyticsDuration is the time range analytics cover.
type AnalyticsDuration string

// Analytics durations.
const (
	AnalyticsLast7Days   AnalyticsDuration = "last_7_days"
	AnalyticsLast30Days  AnalyticsDuration = "last_30_days"
	AnalyticsLastMonth   AnalyticsDuration = "last_month"
	AnalyticsLast180Days AnalyticsDuration = "last_180_days"
	AnalyticsLast6Months AnalyticsDuration = "last_6_months"
	AnalyticsLast1Year   AnalyticsDuration = "last_1_year"
)

// AnalyticsUserType keeps new or returning users.
type AnalyticsUserType string

// Analytics user types.
const (
	AnalyticsNewUsers       AnalyticsUserType = "new"
	AnalyticsReturningUsers AnalyticsUserType = "returning"
)

// AnalyticsEntityType is a kind of Postman element analytics count.
type AnalyticsEntityType string

// Analytics entity types.
const (
	AnalyticsCollection       AnalyticsEntityType = "collection"
	AnalyticsSpecification    AnalyticsEntityType = "specification"
	AnalyticsMock             AnalyticsEntityType = "mock"
	AnalyticsFlow             AnalyticsEntityType = "flow"
	AnalyticsSDKCollection    AnalyticsEntityType = "sdk-collection"
	AnalyticsSDKSpecification AnalyticsEntityType = "sdk-specification"
)

// AnalyticsDataListOptions filters and pages ListData. Most filters only apply to
// some metrics; GetMetadata says which.
type AnalyticsDataListOptions struct {
	View AnalyticsView `url:"view,omitempty"`
	// WorkspaceTypes keeps "internal", "public" and/or "partner" workspaces.
	WorkspaceTypes []string          `url:"workspaceType,omitempty,comma"`
	Duration       AnalyticsDuration `url:"duration,omitempty"`
	// Period is one month ("2026-06") or one day ("2026-06-15"), for the
	// views that take a period rather than a duration.
	Period string `url:"period,omitempty"`
	// UserIDs, RequestIDs ("userId-requestId") and ResponseStatuses
	// ("404") only apply to the workspace user_requests metric.
	UserIDs          []string `url:"userId,omitempty,comma"`
	RequestIDs       []string `url:"requestId,omitempty,comma"`
	ResponseStatuses []string `url:"responseStatus,omitempty,comma"`
	// AttentionTypes ("high_non_200OK_rate_for_partner",
	// "no_success_on_tried_request") only apply to needs_attention.
	AttentionTypes []string            `url:"attentionType,omitempty,comma"`
	UserType       AnalyticsUserType   `url:"userType,omitempty"`
	EntityType     AnalyticsEntityType `url:"entityType,omitempty"`
	// OffsetOptions pages the rows: Limit 1 to 10000 (100 by default),
	// Offset at most 10000.
	OffsetOptions
}

// AnalyticsData is the answer of Data: one or more tables by name. Most
// metrics answer one table named after the view ("summary", "detailed",
// "trend"); team:partner_engagement_funnel answers one per funnel stage
// ("all_partners", "workspace_visited", "viewed_collection",
// "request_sent", "successful_requests_200OK").
type AnalyticsData map[string]*AnalyticsTable

// Table returns the table of the given name, or, when name is "", the
// only table of the answer (nil if there are several).
func (d AnalyticsData) Table(name string) *AnalyticsTable {
	if name != "" {
		return d[name]
	}
	if len(d) != 1 {
		return nil
	}
	for _, t := range d {
		return t
	}
	return nil
}

// Names returns the names of the tables, sorted.
func (d AnalyticsData) Names() []string {
	names := make([]string, 0, len(d))
	for n := range d {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// AnalyticsTable is a table of analytics: columns, rows and where the
// rows stand in the whole result.
type AnalyticsTable struct {
	Schema AnalyticsSchema `json:"schema"`
	// Rows hold one value per column: a string (dates and timestamps
	// too, as Postman writes them), a json.Number (so that IDs keep every
	// digit), a bool or nil.
	Rows       [][]any             `json:"rows"`
	Pagination AnalyticsPagination `json:"pagination"`
}

// UnmarshalJSON implements json.Unmarshaler, decoding numbers as
// json.Number.
func (t *AnalyticsTable) UnmarshalJSON(data []byte) error {
	type plain AnalyticsTable
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*t = AnalyticsTable(p)
	return nil
}

// Column returns the index of the named column, or -1.
func (t *AnalyticsTable) Column(name string) int {
	return slices.IndexFunc(t.Schema.Columns, func(c AnalyticsColumn) bool { return c.Name == name })
}

// Value returns the value of the named column in row i; false when the
// column or the row does not exist.
func (t *AnalyticsTable) Value(i int, column string) (any, bool) {
	c := t.Column(column)
	if c < 0 || i < 0 || i >= len(t.Rows) || c >= len(t.Rows[i]) {
		return nil, false
	}
	return t.Rows[i][c], true
}

// AnalyticsSchema describes the columns of a table.
type AnalyticsSchema struct {
	Columns []AnalyticsColumn `json:"columns"`
}

// AnalyticsColumnType is the data type of a column.
type AnalyticsColumnType string

// Column data types.
const (
	AnalyticsDate      AnalyticsColumnType = "DATE"
	AnalyticsString    AnalyticsColumnType = "STRING"
	AnalyticsInteger   AnalyticsColumnType = "INTEGER"
	AnalyticsTimestamp AnalyticsColumnType = "TIMESTAMP"
	AnalyticsBoolean   AnalyticsColumnType = "BOOLEAN"
	AnalyticsNumber    AnalyticsColumnType = "NUMBER"
	AnalyticsFloat     AnalyticsColumnType = "FLOAT"
)

// AnalyticsColumn is a column of a table.
type AnalyticsColumn struct {
	Name string              `json:"name"`
	Type AnalyticsColumnType `json:"type"`
	// Format is the layout of dates and timestamps ("YYYY-MM-DD").
	Format      string `json:"format,omitempty"`
	Description string `json:"description,omitempty"`
}

// AnalyticsPagination says where a table's rows stand.
type AnalyticsPagination struct {
	Total   int  `json:"total"`
	Limit   int  `json:"limit"`
	Offset  int  `json:"offset"`
	HasMore bool `json:"has_more"`
}

// AnalyticsRow is one row of an analytics table, as DataIter yields it.
type AnalyticsRow struct {
	// Table is the name of the row's table ("summary", a funnel stage …).
	Table string
	// Columns describe Values; the slice is shared by the rows of a page.
	Columns []AnalyticsColumn
	Values  []any
}

// Get returns the value of the named column; false if there is none.
func (r *AnalyticsRow) Get(column string) (any, bool) {
	i := slices.IndexFunc(r.Columns, func(c AnalyticsColumn) bool { return c.Name == column })
	if i < 0 || i >= len(r.Values) {
		return nil, false
	}
	return r.Values[i], true
}

// ListData returns analytics of a resource's metric. The page is described
// by each table's Pagination and, for a single table, by Response.Offset,
// Limit and Total; DataIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /analytics
func (s *AnalyticsService) ListData(ctx context.Context, resource AnalyticsResource, metric AnalyticsMetric, opts *AnalyticsDataListOptions) (AnalyticsData, *Response, error) {
	q := struct {
		Resource AnalyticsResource `url:"resource"`
		Metric   AnalyticsMetric   `url:"metrics"`
		AnalyticsDataListOptions
	}{Resource: resource, Metric: metric}
	if opts != nil {
		q.AnalyticsDataListOptions = *opts
	}
	var root struct {
		Data AnalyticsData `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/analytics", query: &q}, &root)
	if err != nil {
		return nil, resp, err
	}
	for _, t := range root.Data {
		if t == nil {
			continue
		}
		resp.Offset, resp.Limit = t.Pagination.Offset, t.Pagination.Limit
		resp.Total = max(resp.Total, t.Pagination.Total)
	}
	return root.Data, resp, nil
}

// ListDataIter iterates over the rows of a metric's analytics, one page in
// memory at a time (1000 rows per page unless opts.Limit says otherwise).
// For metrics answering several tables (the partner engagement funnel),
// each page yields the rows of every table, in table-name order, and the
// iteration ends when no table has more. Postman serves rows up to offset
// 10000; further pages are a 400 error, yielded as the last element.
//
// Available on Enterprise plans.
func (s *AnalyticsService) ListDataIter(ctx context.Context, resource AnalyticsResource, metric AnalyticsMetric, opts *AnalyticsDataListOptions) iter.Seq2[*AnalyticsRow, error] {
	// Hand-written rather than through offsetIter: a page holds several
	// tables, the offset moves by the page size rather than by the rows
	// yielded, and the end is no table having more, not Response.Total.
	o := iterOptions(opts)
	if o.Limit == 0 {
		o.Limit = analyticsIterLimit
	}
	// paginate.Offset advances by the rows yielded, which for several
	// tables is more than one page of each: the offset is kept here, per
	// iteration, and the total reported as reached once no table has more.
	return func(yield func(*AnalyticsRow, error) bool) {
		offset := o.Offset
		rows := paginate.Offset(ctx, 0, func(ctx context.Context, yielded int) ([]*AnalyticsRow, int, error) {
			page := o
			page.Offset = offset
			data, _, err := s.ListData(ctx, resource, metric, &page)
			if err != nil {
				return nil, 0, err
			}
			offset += o.Limit
			var rows []*AnalyticsRow
			more := false
			for _, name := range data.Names() {
				t := data[name]
				if t == nil {
					continue
				}
				for _, values := range t.Rows {
					rows = append(rows, &AnalyticsRow{Table: name, Columns: t.Schema.Columns, Values: values})
				}
				p := t.Pagination
				if len(t.Rows) > 0 && (p.HasMore || p.Offset+len(t.Rows) < p.Total) {
					more = true
				}
			}
			if more {
				return rows, 0, nil
			}
			return rows, yielded + len(rows), nil
		})
		for row, err := range rows {
			if !yield(row, err) {
				return
			}
		}
	}
}

// analyticsIterLimit is the page size of DataIter; Postman accepts up to
// 10000 rows.
const analyticsIterLimit = 1000
