package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// AnalyticsMetadata is the catalogue of analytics resources and metrics.
type AnalyticsMetadata struct {
	Description string                   `json:"description,omitempty"`
	Resources   []*AnalyticsResourceInfo `json:"resources"`
}

// AnalyticsResourceInfo describes an analytics resource and its metrics.
type AnalyticsResourceInfo struct {
	Resource    AnalyticsResource      `json:"resource"`
	Description string                 `json:"description"`
	Type        string                 `json:"type,omitempty"`
	IsRequired  bool                   `json:"isRequired,omitempty"`
	Metrics     []*AnalyticsMetricInfo `json:"metrics"`
}

// AnalyticsMetricInfo describes a metric. Parameters and Response are only
// filled when GetMetadata was asked to include them.
type AnalyticsMetricInfo struct {
	Metric      AnalyticsMetric            `json:"metric"`
	Description string                     `json:"description"`
	Type        string                     `json:"type,omitempty"`
	IsRequired  bool                       `json:"isRequired,omitempty"`
	Parameters  *AnalyticsMetricParameters `json:"parameters,omitempty"`
	// Response describes the table of each view the metric takes, by view
	// name ("detailed", "summary", "trend").
	Response map[string]*AnalyticsViewInfo `json:"response,omitempty"`
}

// AnalyticsMetricParameters are the parameters a metric takes.
type AnalyticsMetricParameters struct {
	// View lists the views the metric takes.
	View *AnalyticsParameter `json:"view,omitempty"`
	// Filters are the metric's filters by name ("workspace_type",
	// "duration" …).
	Filters AnalyticsFilters `json:"filters,omitempty"`
	// Pagination says whether the metric pages its rows.
	Pagination *AnalyticsPaginationInfo `json:"pagination,omitempty"`
}

// AnalyticsParameter describes one parameter of a metric.
type AnalyticsParameter struct {
	Type          string   `json:"type,omitempty"`
	IsRequired    bool     `json:"isRequired"`
	AllowedValues []string `json:"allowed_values,omitempty"`
	Description   string   `json:"description,omitempty"`
}

// AnalyticsFilters are a metric's filters by name. Postman writes them as
// an object of filter descriptions, or as a list of names (often empty);
// a name from a list maps to an empty description.
type AnalyticsFilters map[string]*AnalyticsParameter

// UnmarshalJSON implements json.Unmarshaler for both forms.
func (f *AnalyticsFilters) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '[' {
		var names []string
		if err := json.Unmarshal(data, &names); err != nil {
			return fmt.Errorf("postman: analytics filters: %w", err)
		}
		*f = make(AnalyticsFilters, len(names))
		for _, n := range names {
			(*f)[n] = &AnalyticsParameter{}
		}
		return nil
	}
	var m map[string]*AnalyticsParameter
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("postman: analytics filters: %w", err)
	}
	*f = m
	return nil
}

// AnalyticsPaginationInfo says how a metric pages.
type AnalyticsPaginationInfo struct {
	Supported bool `json:"supported"`
	// AllowedValues are the paging parameters it takes ("offset", "limit").
	AllowedValues []string `json:"allowed_values,omitempty"`
}

// AnalyticsViewInfo describes the table a metric answers in one view.
type AnalyticsViewInfo struct {
	Description string `json:"description,omitempty"`
	// FunnelStages name the tables of funnel metrics, one per stage.
	FunnelStages []string        `json:"funnel_stages,omitempty"`
	Schema       AnalyticsSchema `json:"schema"`
}

// AnalyticsMetadataInclude is extra detail GetMetadata can add.
type AnalyticsMetadataInclude string

// Extra details of analytics metadata.
const (
	// AnalyticsIncludeParameters adds each metric's parameters.
	AnalyticsIncludeParameters AnalyticsMetadataInclude = "parameters"
	// AnalyticsIncludeResponse adds each metric's table schemas.
	AnalyticsIncludeResponse AnalyticsMetadataInclude = "response"
)

// AnalyticsMetadataGetOptions filters GetMetadata and asks it for more.
type AnalyticsMetadataGetOptions struct {
	Include   []AnalyticsMetadataInclude `url:"include,omitempty,comma"`
	Resources []AnalyticsResource        `url:"resources,omitempty,comma"`
	Metrics   []AnalyticsMetric          `url:"metrics,omitempty,comma"`
}

// GetMetadata returns the catalogue of analytics resources and their
// metrics, to use with Data; with Include it also says which views,
// filters and pagination each metric takes and the columns it answers.
//
// Available on Enterprise plans.
//
//postman:operation GET /analytics-metadata
func (s *AnalyticsService) GetMetadata(ctx context.Context, opts *AnalyticsMetadataGetOptions) (*AnalyticsMetadata, *Response, error) {
	var root struct {
		Data *AnalyticsMetadata `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/analytics-metadata", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}
