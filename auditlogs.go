package postman

import (
	"context"
	"iter"
	"net/http"
	"time"
)

// AuditLogsService is the Audit Logs area: the team's audit events.
//
// Audit logs are available on Enterprise plans (Postman's 2024
// description also names Professional plans); on others Postman answers
// with an error matching ErrForbidden or ErrFeatureUnavailable.
type AuditLogsService service

// AuditLog is one audit event of the team.
type AuditLog struct {
	ID int64 `json:"id"`
	// Action is the event's action, e.g. "user.login_google_success"; see
	// ListActions for every action and its display name.
	Action string `json:"action"`
	// Message describes the event in words.
	Message   string    `json:"message"`
	Timestamp Timestamp `json:"timestamp,omitzero"`
	// IP and UserAgent are those of the user who acted.
	IP        string       `json:"ip"`
	UserAgent string       `json:"userAgent"`
	Data      AuditLogData `json:"data"`
}

// AuditLogData says who did what to whom.
type AuditLogData struct {
	// Actor is the user who performed the action.
	Actor AuditLogActor `json:"actor"`
	// User is the user the action was about.
	User AuditLogUser `json:"user"`
	Team AuditLogTeam `json:"team"`
	// Variables hold further details of the action; their keys depend on
	// the action.
	Variables map[string]any `json:"variables,omitempty"`
}

// AuditLogActor is the user who performed an audited action.
type AuditLogActor struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
	Email    string `json:"email"`
	// Active is false for deactivated users.
	Active bool `json:"active"`
}

// AuditLogUser is the user an audited action was about.
type AuditLogUser struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
	Email    string `json:"email"`
}

// AuditLogTeam is the team of an audit event.
type AuditLogTeam struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// AuditLogAction is an action audit events can record.
type AuditLogAction struct {
	// Name is the action as AuditLog.Action and the Action filter write it.
	Name string `json:"name"`
	// DisplayName is the action's name in Postman's Audit Logs dashboard.
	DisplayName string `json:"displayName"`
}

// AuditLogOrder is the order of audit events by time.
type AuditLogOrder string

// Orders of audit events.
const (
	AuditLogAscending  AuditLogOrder = "asc"
	AuditLogDescending AuditLogOrder = "desc" // Postman's default
)

// AuditLogListOptions filters and pages List.
type AuditLogListOptions struct {
	// UserID keeps only the events of this user.
	UserID int64 `url:"userId,omitempty"`
	// Action keeps only events of this action ("team.scim_add_member");
	// an action not written prefix.name is a 400 error.
	Action string `url:"action,omitempty"`
	// Since and Until keep events after and before these days; Postman
	// only reads the date (UTC), not the time of day.
	Since time.Time `url:"since,omitempty" layout:"2006-01-02"`
	Until time.Time `url:"until,omitempty" layout:"2006-01-02"`
	// Order orders the events by time (newest first by default).
	Order AuditLogOrder `url:"orderBy,omitempty"`
	// CursorOptions pages the events; Postman serves at most 300 a page.
	CursorOptions
}

// List returns the team's audit events, one page at a time:
// Response.NextCursor points to the next page. ListIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /audit/logs
func (s *AuditLogsService) List(ctx context.Context, opts *AuditLogListOptions) ([]*AuditLog, *Response, error) {
	o := auditLogQuery(opts)
	// The description documents no cursor in the answer although the
	// cursor parameter refers to "nextCursor": read it where Postman puts
	// it elsewhere, at the top level or in meta.
	var root struct {
		Trails     []*AuditLog `json:"trails"`
		NextCursor *string     `json:"nextCursor,omitempty"`
		Meta       struct {
			NextCursor *string `json:"nextCursor,omitempty"`
		} `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/audit/logs", query: o}, &root)
	if err != nil {
		return nil, resp, err
	}
	for _, c := range []*string{root.NextCursor, root.Meta.NextCursor} {
		if c != nil && *c != "" {
			resp.NextCursor = *c
			break
		}
	}
	return root.Trails, resp, nil
}

// auditLogValues is the query of List: the options, and the order once
// more under its older name. Postman's descriptions disagree on the
// parameter (one names only order_by, a later one orderBy with order_by
// deprecated), so both go, with the same value.
type auditLogValues struct {
	AuditLogListOptions
	OrderDeprecated AuditLogOrder `url:"order_by,omitempty"`
}

// auditLogQuery sends the dates in UTC, so that a local midnight does not
// turn into the previous day, and the order under both names.
func auditLogQuery(opts *AuditLogListOptions) *auditLogValues {
	if opts == nil {
		return nil
	}
	o := auditLogValues{AuditLogListOptions: *opts, OrderDeprecated: opts.Order}
	if !o.Since.IsZero() {
		o.Since = o.Since.UTC()
	}
	if !o.Until.IsZero() {
		o.Until = o.Until.UTC()
	}
	return &o
}

// ListIter iterates over the team's audit events, one page in memory at
// a time (300 per page, Postman's maximum, unless opts.Limit says
// otherwise).
//
// Available on Enterprise plans.
func (s *AuditLogsService) ListIter(ctx context.Context, opts *AuditLogListOptions) iter.Seq2[*AuditLog, error] {
	return cursorIter(ctx, opts, auditLogMaxLimit, s.List)
}

// auditLogMaxLimit is the largest page Postman serves audit events in.
const auditLogMaxLimit = 300

// ListActions returns every action audit events can record, with its
// display name.
//
// Available on Enterprise plans.
//
//postman:operation GET /audit-actions
func (s *AuditLogsService) ListActions(ctx context.Context) ([]*AuditLogAction, *Response, error) {
	var actions []*AuditLogAction
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/audit-actions"}, &actions)
	if err != nil {
		return nil, resp, err
	}
	return actions, resp, nil
}
