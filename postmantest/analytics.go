package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// analyticsState is the stored analytics tables.
type analyticsState struct {
	analytics map[analyticsKey]AnalyticsTable
}

func (s *Server) routeAnalytics() {
	s.mux.HandleFunc("GET /analytics", s.analyticsData)
	s.mux.HandleFunc("GET /analytics-metadata", s.analyticsMetadata)
}

// AnalyticsTable is a table of analytics the fake API answers for a
// metric: its columns and rows (one value per column: strings, numbers,
// bools or nil).
type AnalyticsTable struct {
	Columns []AnalyticsColumn
	Rows    [][]any
}

// AnalyticsColumn is a column of an analytics table.
type AnalyticsColumn struct {
	Name string
	// Type is DATE, STRING, INTEGER, TIMESTAMP, BOOLEAN, NUMBER or FLOAT.
	Type string
	// Format is the layout of dates and timestamps, e.g. "YYYY-MM-DD".
	Format string
}

// analyticsKey names a stored analytics table.
type analyticsKey struct{ resource, metric, name string }

// analyticsCatalog is the metrics of each analytics resource, in
// Postman's order.
var analyticsCatalog = []struct {
	resource string
	metrics  []string
}{
	{"user", []string{"active_users", "workspace_active_users"}},
	{"workspace", []string{"elements_in_workspace", "active_workspaces", "api_calls", "active_collections", "response_status",
		"pending_invites", "needs_attention", "success_rate", "user_requests", "collection_error_aggregate"}},
	{"team", []string{"user_api_journey", "workspace_distribution", "internal_workspace_distribution", "license_consumption",
		"members", "members_overtime", "member_invites", "invites_sent", "invites_accepted", "last_autoflex_cycle", "partner_engagement_funnel"}},
	{"ai", []string{"agent_mode_users", "messages_sent", "agent_mode_sessions", "new_vs_returning_users", "credit_usage_by_model",
		"top_agent_models_by_usage", "peak_activity", "activity_distribution", "credit_usage", "usage_leaderboard"}},
	{"api_development", []string{"active_workspaces", "entity_activity", "top_entities"}},
	{"api_testing", []string{"runs", "functional_test_runs", "performance_test_runs"}},
	{"api_production", []string{"monitor_runs", "flow_executions"}},
	{"api_distribution", []string{"active_workspaces", "pvt_network", "partner", "public"}},
	{"api_management", []string{"workspace_activity"}},
}

// analyticsViews are the views a table can be named after; other names
// are the stages of funnel metrics.
var analyticsViews = []string{"summary", "detailed", "trend"}

// AddAnalyticsTable stores the table a metric of a resource answers
// (resource "user", metric "active_users" …) under name: a view
// ("detailed", "summary", "trend") or, for funnel metrics, a stage
// ("all_partners" …). GET /analytics answers the table of the view asked
// for (without one, the first of summary, detailed and trend the metric
// has), or every stage of a funnel, paged by offset and limit. A metric
// without tables answers an empty one. Filters (workspaceType, duration,
// period …) are accepted and not applied: store the rows a test expects.
// Metadata lists the views of the
// stored tables and, when asked, their columns.
func (s *Server) AddAnalyticsTable(resource, metric, name string, t AnalyticsTable) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.analyticsState
	if a.analytics == nil {
		a.analytics = map[analyticsKey]AnalyticsTable{}
	}
	t.Columns, t.Rows = slices.Clone(t.Columns), slices.Clone(t.Rows)
	a.analytics[analyticsKey{resource, metric, name}] = t
}

// analyticsMetric reports whether the catalogue has metric for resource.
func analyticsMetric(resource, metric string) bool {
	for _, r := range analyticsCatalog {
		if r.resource == resource {
			return slices.Contains(r.metrics, metric)
		}
	}
	return false
}

// tablesOf returns the names of the stored tables of a metric, views
// first in analyticsViews order, then stages sorted.
func (a *analyticsState) tablesOf(resource, metric string) (views, stages []string) {
	for k := range a.analytics {
		if k.resource != resource || k.metric != metric {
			continue
		}
		if slices.Contains(analyticsViews, k.name) {
			views = append(views, k.name)
		} else {
			stages = append(stages, k.name)
		}
	}
	slices.SortFunc(views, func(x, y string) int { return slices.Index(analyticsViews, x) - slices.Index(analyticsViews, y) })
	slices.Sort(stages)
	return views, stages
}

func columnsBody(cols []AnalyticsColumn) []any {
	out := []any{}
	for _, c := range cols {
		col := map[string]any{"name": c.Name, "type": c.Type}
		if c.Format != "" {
			col["format"] = c.Format
		}
		out = append(out, col)
	}
	return out
}

func analyticsBadRequest(w http.ResponseWriter, detail string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"type": "https://api.postman.com/problems/bad-request",
		"title": "Malformed request", "status": 400, "detail": detail})
}

// analyticsData answers the tables of a metric, each paged by offset
// (at most 10000) and limit (1 to 10000, default 100).
func (s *Server) analyticsData(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	resource, metric, view := q.Get("resource"), q.Get("metrics"), q.Get("view")
	if !analyticsMetric(resource, metric) {
		analyticsBadRequest(w, "metric='"+metric+"' is not supported for resource '"+resource+"'.")
		return
	}
	limit, offset := 100, 0
	for _, p := range []struct {
		name     string
		into     *int
		min, max int
	}{{"limit", &limit, 1, 10000}, {"offset", &offset, 0, 10000}} {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < p.min || n > p.max {
				analyticsBadRequest(w, p.name+" must be an integer between "+strconv.Itoa(p.min)+" and "+strconv.Itoa(p.max)+".")
				return
			}
			*p.into = n
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.analyticsState
	views, stages := a.tablesOf(resource, metric)
	var names []string
	switch {
	case view != "" && slices.Contains(views, view):
		names = []string{view}
	case view != "" && len(stages) > 0, view == "" && len(views) == 0 && len(stages) > 0:
		names = stages
	case view != "":
		names = []string{view}
	case len(views) > 0:
		names = views[:1]
	default:
		names = []string{"summary"}
	}
	data := map[string]any{}
	for _, name := range names {
		t := a.analytics[analyticsKey{resource, metric, name}]
		start, end := min(offset, len(t.Rows)), min(offset+limit, len(t.Rows))
		rows := t.Rows[start:end]
		if rows == nil {
			rows = [][]any{}
		}
		data[name] = map[string]any{"schema": map[string]any{"columns": columnsBody(t.Columns)}, "rows": rows,
			"pagination": map[string]any{"total": len(t.Rows), "limit": limit, "offset": offset, "has_more": end < len(t.Rows)}}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// analyticsMetadata answers the catalogue of resources and metrics,
// filtered by resources and metrics; include=parameters adds each
// metric's views (those of its stored tables, or summary) with the
// documented filters and pagination, include=response the columns of its
// stored tables.
func (s *Server) analyticsMetadata(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	split := func(v string) []string {
		if v == "" {
			return nil
		}
		return strings.Split(v, ",")
	}
	include, onlyResources, onlyMetrics := split(q.Get("include")), split(q.Get("resources")), split(q.Get("metrics"))
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.analyticsState
	resources := []any{}
	for _, res := range analyticsCatalog {
		if onlyResources != nil && !slices.Contains(onlyResources, res.resource) {
			continue
		}
		metrics := []any{}
		for _, m := range res.metrics {
			if onlyMetrics != nil && !slices.Contains(onlyMetrics, m) {
				continue
			}
			info := map[string]any{"metric": m, "type": "string", "isRequired": true}
			views, stages := a.tablesOf(res.resource, m)
			if slices.Contains(include, "parameters") {
				allowed := views
				if len(allowed) == 0 {
					allowed = []string{"summary"}
				}
				info["parameters"] = map[string]any{
					"view": map[string]any{"type": "ENUM", "isRequired": false, "allowed_values": allowed},
					"filters": map[string]any{
						"workspace_type": map[string]any{"type": "ENUM", "isRequired": true, "allowed_values": []string{"internal", "public", "partner"}},
						"duration":       map[string]any{"type": "ENUM", "isRequired": true, "allowed_values": []string{"last_month"}},
					},
					"pagination": map[string]any{"supported": true, "allowed_values": []string{"offset", "limit"}},
				}
			}
			if slices.Contains(include, "response") && len(views)+len(stages) > 0 {
				response := map[string]any{}
				for _, v := range views {
					response[v] = map[string]any{"schema": map[string]any{"columns": columnsBody(a.analytics[analyticsKey{res.resource, m, v}].Columns)}}
				}
				if len(stages) > 0 {
					response["summary"] = map[string]any{"funnel_stages": stages,
						"schema": map[string]any{"columns": columnsBody(a.analytics[analyticsKey{res.resource, m, stages[0]}].Columns)}}
				}
				info["response"] = response
			}
			metrics = append(metrics, info)
		}
		if len(metrics) > 0 {
			resources = append(resources, map[string]any{"resource": res.resource, "type": "string", "isRequired": true, "metrics": metrics})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"resources": resources}})
}
