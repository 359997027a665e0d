package postman

import (
	"context"
	"iter"
	"net/http"
)

// MonitorsService is the Monitors area: scheduled collection runs and their results.
//
// Postman allows 10 calls per 10 seconds to the monitor endpoints; the
// default limiter keeps under it, so a loop of calls slows down rather than
// failing with 429.
type MonitorsService service

// Monitor is a scheduled run of a collection. List fills only the
// identifying fields; Get fills them all.
type Monitor struct {
	ID   string `json:"id"`
	UID  string `json:"uid,omitempty"`
	Name string `json:"name,omitempty"`
	// Owner is the ID of the user who created the monitor.
	Owner  int64 `json:"owner,omitempty"`
	Active bool  `json:"active"`
	// NotificationLimit stops email notifications after this many
	// consecutive failures.
	NotificationLimit int    `json:"notificationLimit,omitempty"`
	CollectionUID     string `json:"collectionUid,omitempty"`
	EnvironmentUID    string `json:"environmentUid,omitempty"`
	// JobID is the job of the monitor's latest run.
	JobID         string                `json:"jobId,omitempty"`
	Options       *MonitorOptions       `json:"options,omitempty"`
	Notifications *MonitorNotifications `json:"notifications,omitempty"`
	Distribution  []MonitorDistribution `json:"distribution,omitempty"`
	Schedule      *MonitorSchedule      `json:"schedule,omitempty"`
	Retry         *MonitorRetry         `json:"retry,omitempty"`
	// LastRun is the monitor's previous run, nil if it never ran.
	LastRun *MonitorLastRun `json:"lastRun,omitempty"`
}

// MonitorOptions are a monitor's request settings. In requests, nil
// pointers and zero durations leave Postman's value unchanged.
type MonitorOptions struct {
	FollowRedirects *bool `json:"followRedirects,omitempty"`
	StrictSSL       *bool `json:"strictSSL,omitempty"`
	// RequestDelay is the wait between requests and RequestTimeout the
	// limit of each, in milliseconds (1 to 900000).
	RequestDelay   int `json:"requestDelay,omitempty"`
	RequestTimeout int `json:"requestTimeout,omitempty"`
}

// MonitorNotifications are who gets emailed when a run errors or fails.
type MonitorNotifications struct {
	OnError   []MonitorNotification `json:"onError,omitzero"`
	OnFailure []MonitorNotification `json:"onFailure,omitzero"`
}

// MonitorNotification is one email recipient.
type MonitorNotification struct {
	Email string `json:"email"`
}

// MonitorDistribution is a region a monitor runs from.
type MonitorDistribution struct {
	Region MonitorRegion `json:"region"`
}

// MonitorRegion is a geographic region monitors run from. Postman may add
// values.
type MonitorRegion string

// Monitor regions.
const (
	MonitorRegionUSEast         MonitorRegion = "us-east"
	MonitorRegionUSWest         MonitorRegion = "us-west"
	MonitorRegionAPSoutheast    MonitorRegion = "ap-southeast"
	MonitorRegionCACentral      MonitorRegion = "ca-central"
	MonitorRegionEUCentral      MonitorRegion = "eu-central"
	MonitorRegionSAEast         MonitorRegion = "sa-east"
	MonitorRegionUK             MonitorRegion = "uk"
	MonitorRegionUSEastStaticIP MonitorRegion = "us-east-staticip"
	MonitorRegionUSWestStaticIP MonitorRegion = "us-west-staticip"
)

// MonitorSchedule is when a monitor runs.
type MonitorSchedule struct {
	// Cron is a POSIX cron pattern, e.g. "*/5 * * * *" for every 5 minutes.
	Cron string `json:"cron,omitempty"`
	// Timezone is a tz database name such as "America/Chicago".
	Timezone string `json:"timezone,omitempty"`
	// NextRun is set by Postman in answers; it is never sent.
	NextRun Timestamp `json:"nextRun,omitzero"`
}

// MonitorRetry is how often a failed or errored run is attempted again.
type MonitorRetry struct {
	// Attempts is 1 or 2; each attempt counts towards the monitor usage.
	Attempts int `json:"attempts"`
}

// MonitorLastRun is the outcome of a monitor's previous run.
type MonitorLastRun struct {
	Status     MonitorRunStatus `json:"status,omitempty"`
	JobID      string           `json:"jobId,omitempty"`
	StartedAt  Timestamp        `json:"startedAt,omitzero"`
	FinishedAt Timestamp        `json:"finishedAt,omitzero"`
	Stats      *MonitorRunStats `json:"stats,omitempty"`
}

// MonitorListOptions filters and pages List. Limit is at most 25.
type MonitorListOptions struct {
	Workspace string `url:"workspace,omitempty"`
	// Active keeps only active monitors.
	Active bool `url:"active,omitempty"`
	// Owner keeps the monitors of this user ID.
	Owner          int64  `url:"owner,omitempty"`
	CollectionUID  string `url:"collectionUid,omitempty"`
	EnvironmentUID string `url:"environmentUid,omitempty"`
	CursorOptions
}

// monitorPageLimit is the largest page of the monitor and runner lists:
// a larger limit is a 400 error.
const monitorPageLimit = 25

// MonitorCreateParams describes a new monitor. Name, Collection and
// Schedule are required.
type MonitorCreateParams struct {
	Name string `json:"name"`
	// Collection and Environment are UIDs.
	Collection  string          `json:"collection"`
	Environment string          `json:"environment,omitempty"`
	Schedule    MonitorSchedule `json:"schedule"`
	// Active defaults to true on Postman's side.
	Active            *bool                 `json:"active,omitempty"`
	NotificationLimit int                   `json:"notificationLimit,omitempty"`
	Retry             *MonitorRetry         `json:"retry,omitempty"`
	Options           *MonitorOptions       `json:"options,omitempty"`
	Distribution      []MonitorDistribution `json:"distribution,omitempty"`
	Notifications     *MonitorNotifications `json:"notifications,omitempty"`
}

// MonitorUpdateParams changes a monitor; nil fields are left as they are.
// A monitor's collection and environment cannot be changed.
type MonitorUpdateParams struct {
	Name              *string               `json:"name,omitempty"`
	Active            *bool                 `json:"active,omitempty"`
	NotificationLimit *int                  `json:"notificationLimit,omitempty"`
	Schedule          *MonitorSchedule      `json:"schedule,omitempty"`
	Retry             *MonitorRetry         `json:"retry,omitempty"`
	Options           *MonitorOptions       `json:"options,omitempty"`
	Distribution      []MonitorDistribution `json:"distribution,omitzero"`
	Notifications     *MonitorNotifications `json:"notifications,omitempty"`
}

// monitorRoot is Postman's envelope around one monitor.
type monitorRoot struct {
	Monitor *Monitor `json:"monitor"`
}

// List returns a page of monitors (at most 25); Response.NextCursor points
// to the next page and ListIter pages for you.
//
//postman:operation GET /monitors
func (s *MonitorsService) List(ctx context.Context, opts *MonitorListOptions) ([]*Monitor, *Response, error) {
	var root struct {
		Monitors []*Monitor `json:"monitors"`
		Meta     pageMeta   `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/monitors", query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Monitors, resp, nil
}

// ListIter iterates over the monitors, one page of 25 in memory at a time.
func (s *MonitorsService) ListIter(ctx context.Context, opts *MonitorListOptions) iter.Seq2[*Monitor, error] {
	return cursorIter(ctx, opts, monitorPageLimit, s.List)
}

// Get returns a monitor with its settings and last run.
//
//postman:operation GET /monitors/{monitorId}
func (s *MonitorsService) Get(ctx context.Context, monitorID string) (*Monitor, *Response, error) {
	return s.monitorCall(ctx, http.MethodGet, monitorID, nil)
}

// Create creates a monitor of a collection in a workspace. Collections
// that belong to an API definition cannot be monitored. The answer only
// carries the new monitor's ID, UID, name and state.
//
//postman:operation POST /monitors
func (s *MonitorsService) Create(ctx context.Context, workspaceID string, req MonitorCreateParams) (*Monitor, *Response, error) {
	if err := requireArg("Monitors.Create", "workspace", workspaceID); err != nil {
		return nil, nil, err
	}
	var root monitorRoot
	r := &request{
		method: http.MethodPost,
		path:   "/monitors",
		query:  mockWorkspaceQuery{workspaceID},
		body: struct {
			Monitor MonitorCreateParams `json:"monitor"`
		}{req},
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Monitor, resp, nil
}

// Update changes a monitor's settings. The answer only carries the
// monitor's ID, UID, name and state.
//
//postman:operation PUT /monitors/{monitorId}
func (s *MonitorsService) Update(ctx context.Context, monitorID string, req MonitorUpdateParams) (*Monitor, *Response, error) {
	return s.monitorCall(ctx, http.MethodPut, monitorID, struct {
		Monitor MonitorUpdateParams `json:"monitor"`
	}{req})
}

// Pause stops a monitor's scheduled runs (an Update of Active to false).
func (s *MonitorsService) Pause(ctx context.Context, monitorID string) (*Monitor, *Response, error) {
	return s.Update(ctx, monitorID, MonitorUpdateParams{Active: Ptr(false)})
}

// Resume restarts a paused monitor's scheduled runs (an Update of Active
// to true).
func (s *MonitorsService) Resume(ctx context.Context, monitorID string) (*Monitor, *Response, error) {
	return s.Update(ctx, monitorID, MonitorUpdateParams{Active: Ptr(true)})
}

// Delete deletes a monitor.
//
//postman:operation DELETE /monitors/{monitorId}
func (s *MonitorsService) Delete(ctx context.Context, monitorID string) (*Response, error) {
	_, resp, err := s.monitorCall(ctx, http.MethodDelete, monitorID, nil)
	return resp, err
}

// monitorCall sends method to /monitors/{monitorID} and unwraps the monitor.
func (s *MonitorsService) monitorCall(ctx context.Context, method, monitorID string, body any) (*Monitor, *Response, error) {
	path, err := pathf("/monitors/{monitorID}", monitorID)
	if err != nil {
		return nil, nil, err
	}
	var root monitorRoot
	resp, err := s.client.do(ctx, &request{method: method, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Monitor, resp, nil
}
