package postman

import (
	"context"
	"iter"
	"net/http"
)

// MonitorRunnerInstance is one running instance of a private monitor
// runner: a Postman CLI process polling Postman for monitor runs under a
// runner's ID and key.
type MonitorRunnerInstance struct {
	ID         string `json:"id"`
	RunnerID   string `json:"runnerId,omitempty"`
	UniqueID   string `json:"uniqueId,omitempty"`
	Hostname   string `json:"hostname,omitempty"`
	CLIVersion string `json:"cliVersion,omitempty"`
	OSType     string `json:"osType,omitempty"`
	// LastPingedAt is when the instance last sent results to Postman.
	LastPingedAt Timestamp `json:"lastPingedAt,omitzero"`
}

// MonitorRunnerMetrics is Postman's view of a runner's queue.
type MonitorRunnerMetrics struct {
	// LastPingAt is when the runner last sent results to Postman.
	LastPingAt Timestamp `json:"lastPingAt,omitzero"`
	// QueueDepth is the number of monitor runs waiting for the runner.
	QueueDepth int `json:"queueDepth"`
	// OldestQueuedRunAgeSeconds is how long the oldest waiting run has
	// waited, in seconds.
	OldestQueuedRunAgeSeconds int64 `json:"oldestQueuedRunAgeSeconds"`
}

// MonitorRunnerInstanceListOptions pages ListRunnerInstances; Limit is at most 25.
type MonitorRunnerInstanceListOptions struct {
	CursorOptions
}

// ListRunnerInstances returns a page of the instances of a private monitor
// runner; Response.NextCursor points to the next page and
// ListRunnerInstancesIter pages for you. Runner IDs are shown to team Admins
// and Super Admins under Team Settings > Runners. It needs Postman's
// Runner Management feature: a team without it gets an error matching
// ErrFeatureUnavailable or ErrForbidden.
//
//postman:operation GET /runners/{runnerId}/instances
func (s *MonitorsService) ListRunnerInstances(ctx context.Context, runnerID string, opts *MonitorRunnerInstanceListOptions) ([]*MonitorRunnerInstance, *Response, error) {
	path, err := pathf("/runners/{runnerID}/instances", runnerID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[MonitorRunnerInstance](ctx, s.client, path, opts)
}

// ListRunnerInstancesIter iterates over the instances of a private monitor
// runner, one page of 25 in memory at a time.
func (s *MonitorsService) ListRunnerInstancesIter(ctx context.Context, runnerID string, opts *MonitorRunnerInstanceListOptions) iter.Seq2[*MonitorRunnerInstance, error] {
	return cursorIter(ctx, opts, monitorPageLimit, func(ctx context.Context, o *MonitorRunnerInstanceListOptions) ([]*MonitorRunnerInstance, *Response, error) {
		return s.ListRunnerInstances(ctx, runnerID, o)
	})
}

// GetRunnerMetrics returns Postman's metrics of a private monitor runner: its
// queue of waiting runs and when it last reported. It needs Postman's
// Runner Management feature, like ListRunnerInstances.
//
//postman:operation GET /runners/{runnerId}/metrics
func (s *MonitorsService) GetRunnerMetrics(ctx context.Context, runnerID string) (*MonitorRunnerMetrics, *Response, error) {
	path, err := pathf("/runners/{runnerID}/metrics", runnerID)
	if err != nil {
		return nil, nil, err
	}
	m := new(MonitorRunnerMetrics)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, m)
	if err != nil {
		return nil, resp, err
	}
	return m, resp, nil
}
