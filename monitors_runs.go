package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MonitorRunStatus is the state of a monitor run. Postman may add values;
// Finished tells a running run from a finished one.
type MonitorRunStatus string

// Monitor run states.
const (
	MonitorRunSuccess MonitorRunStatus = "success"
	MonitorRunFailed  MonitorRunStatus = "failed"
	MonitorRunError   MonitorRunStatus = "error"
	MonitorRunAborted MonitorRunStatus = "aborted"
	MonitorRunRunning MonitorRunStatus = "running"
)

// Finished reports whether a run in this state is over.
func (s MonitorRunStatus) Finished() bool {
	switch strings.ToLower(string(s)) {
	case "", "running", "pending", "queued", "in_progress", "in-progress", "started":
		return false
	}
	return true
}

// MonitorRunOptions changes how Run runs a monitor.
type MonitorRunOptions struct {
	// Async makes Postman answer at once, without stats, executions and
	// failures; WaitRun then waits for the outcome.
	Async bool `url:"async,omitempty"`
}

// MonitorRunResult is the outcome of a monitor run. Executions and the
// failure details only come with a synchronous Run; a run awaited with
// WaitRun or RunAndWait has Info and Stats.
type MonitorRunResult struct {
	Info MonitorRunInfo `json:"info"`
	// Stats is nil while the run is unfinished.
	Stats      *MonitorRunStats      `json:"stats,omitempty"`
	Executions []MonitorRunExecution `json:"executions,omitempty"`
	// ReportedFailures is the run's failure list as Postman sent it;
	// Failures also covers runs where Postman sent none.
	ReportedFailures []MonitorRunFailure `json:"failures,omitempty"`

	// acceptedAt is when the server accepted the run, for WaitRun to tell
	// this run from an earlier one when Postman gave no job ID.
	acceptedAt time.Time
}

// MonitorRunInfo identifies a run and says how it ended.
type MonitorRunInfo struct {
	JobID          string           `json:"jobId,omitempty"`
	MonitorID      string           `json:"monitorId,omitempty"`
	Name           string           `json:"name,omitempty"`
	CollectionUID  string           `json:"collectionUid,omitempty"`
	EnvironmentUID string           `json:"environmentUid,omitempty"`
	Status         MonitorRunStatus `json:"status,omitempty"`
	StartedAt      Timestamp        `json:"startedAt,omitzero"`
	FinishedAt     Timestamp        `json:"finishedAt,omitzero"`
	// Message explains an unfinished run (the 202 answer of a run longer
	// than 300 seconds).
	Message string `json:"message,omitempty"`
}

// MonitorRunStats are the counts of a run, across all its regions.
type MonitorRunStats struct {
	Assertions MonitorRunCount `json:"assertions"`
	Requests   MonitorRunCount `json:"requests"`
	// RunCount is the number of runs across the monitor's regions.
	RunCount     int `json:"runCount,omitempty"`
	ErrorCount   int `json:"errorCount,omitempty"`
	AbortedCount int `json:"abortedCount,omitempty"`
	// ResponseLatency is the run's total time in milliseconds and
	// ResponseSize its total response size in bytes.
	ResponseLatency int64 `json:"responseLatency,omitempty"`
	ResponseSize    int64 `json:"responseSize,omitempty"`
}

// MonitorRunCount is a total and how many of it failed.
type MonitorRunCount struct {
	Total  int `json:"total"`
	Failed int `json:"failed"`
}

// MonitorRunExecution is one request a run sent and what came back.
type MonitorRunExecution struct {
	ID       int                `json:"id"`
	Item     MonitorRunItem     `json:"item"`
	Request  MonitorRunRequest  `json:"request"`
	Response MonitorRunResponse `json:"response"`
	// Errors are the script and request errors of the execution.
	Errors []MonitorRunExecutionError `json:"errors,omitempty"`
	// Assertions maps each test of the execution to whether it passed.
	// Postman sends it although the description leaves it out.
	Assertions MonitorRunAssertions `json:"assertions,omitempty"`
}

// MonitorRunItem is the collection item (request) an execution ran.
type MonitorRunItem struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

// MonitorRunRequest is the request an execution sent.
type MonitorRunRequest struct {
	Method    string            `json:"method,omitempty"`
	URL       string            `json:"url,omitempty"`
	Headers   MonitorRunHeaders `json:"headers,omitempty"`
	Body      MonitorRunBody    `json:"body"`
	Timestamp Timestamp         `json:"timestamp,omitzero"`
}

// MonitorRunResponse is the answer an execution got.
type MonitorRunResponse struct {
	Code    int               `json:"code"`
	Headers MonitorRunHeaders `json:"headers,omitempty"`
	Body    MonitorRunBody    `json:"body"`
	// ResponseSize is in bytes and ResponseTime in milliseconds.
	ResponseSize int64 `json:"responseSize,omitempty"`
	ResponseTime int64 `json:"responseTime,omitempty"`
}

// MonitorRunBody describes a body an execution sent or received; the run
// result does not carry the body itself.
type MonitorRunBody struct {
	ContentLength int64  `json:"contentLength"`
	Mode          string `json:"mode,omitempty"`
}

// MonitorRunExecutionError is an error an execution hit.
type MonitorRunExecutionError struct {
	Name    string `json:"name,omitempty"`
	Message string `json:"message,omitempty"`
}

// MonitorRunHeaders are the headers of an execution's request or answer.
// Postman writes some values as numbers or null; they decode as text.
type MonitorRunHeaders map[string]string

// UnmarshalJSON implements json.Unmarshaler, reading any scalar as text.
func (h *MonitorRunHeaders) UnmarshalJSON(data []byte) error {
	*h = nil
	if mockFirstNonSpace(data) != '{' {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	out := make(MonitorRunHeaders, len(raw))
	for k, v := range raw {
		out[k] = textOf(v)
	}
	*h = out
	return nil
}

// MonitorRunAssertions maps test names to whether they passed.
type MonitorRunAssertions map[string]bool

// UnmarshalJSON implements json.Unmarshaler. It reads Postman's object of
// booleans and the list form [{"assertion","error"|"passed"|"skipped"}];
// an undocumented shape is ignored rather than failing the whole run.
func (a *MonitorRunAssertions) UnmarshalJSON(data []byte) error {
	*a = nil
	switch mockFirstNonSpace(data) {
	case '{':
		var m map[string]bool
		if json.Unmarshal(data, &m) == nil {
			*a = m
		}
	case '[':
		var list []struct {
			Assertion string          `json:"assertion"`
			Passed    *bool           `json:"passed"`
			Skipped   bool            `json:"skipped"`
			Error     json.RawMessage `json:"error"`
		}
		if json.Unmarshal(data, &list) != nil {
			return nil
		}
		m := MonitorRunAssertions{}
		for _, it := range list {
			if it.Assertion == "" || it.Skipped {
				continue
			}
			passed := len(it.Error) == 0 || string(it.Error) == "null"
			if it.Passed != nil {
				passed = *it.Passed
			}
			m[it.Assertion] = passed
		}
		*a = m
	}
	return nil
}

// MonitorRunFailure is one thing that went wrong in a run: a failed test
// or an error.
type MonitorRunFailure struct {
	// ExecutionID is the ID of the execution it happened in (0 if unknown).
	ExecutionID int `json:"executionId,omitempty"`
	// ItemName is the name of the request it happened in, when known.
	ItemName string `json:"itemName,omitempty"`
	// Name is the kind of failure ("AssertionFailure", "TypeError" …).
	Name string `json:"name,omitempty"`
	// Assertion is the name of the failed test, for test failures.
	Assertion string `json:"assertion,omitempty"`
	Message   string `json:"message,omitempty"`
	// Raw is the failure as Postman sent it: the description does not
	// document its fields, so nothing else of it is lost.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON implements json.Unmarshaler. The description leaves the
// failure's shape open, so every field is read leniently and no shape
// fails the decoding of the run.
func (f *MonitorRunFailure) UnmarshalJSON(data []byte) error {
	*f = MonitorRunFailure{Raw: append(json.RawMessage(nil), data...)}
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		f.Message = textOf(data)
		return nil
	}
	f.ExecutionID, _ = strconv.Atoi(textOf(fields["executionId"]))
	f.Name = textOf(fields["name"])
	f.Message = textOf(fields["message"])
	f.ItemName = textOf(fields["itemName"])
	if item := fields["item"]; mockFirstNonSpace(item) == '{' {
		var it MonitorRunItem
		if json.Unmarshal(item, &it) == nil && f.ItemName == "" {
			f.ItemName = it.Name
		}
	}
	assertion := fields["assertion"]
	if f.Assertion = textOf(assertion); f.Assertion == "" && mockFirstNonSpace(assertion) == '{' {
		var tests map[string]json.RawMessage
		if json.Unmarshal(assertion, &tests) == nil {
			names := make([]string, 0, len(tests))
			for name, passed := range tests {
				if string(passed) != "true" {
					names = append(names, name)
				}
			}
			slices.Sort(names)
			f.Assertion = strings.Join(names, ", ")
		}
	}
	return nil
}

// String describes the failure on one line, for logs and CI output.
func (f MonitorRunFailure) String() string {
	var parts []string
	if f.ItemName != "" {
		parts = append(parts, f.ItemName)
	}
	switch {
	case f.Assertion != "":
		parts = append(parts, fmt.Sprintf("test %q failed", f.Assertion))
		if f.Message != "" && f.Message != f.Assertion {
			parts = append(parts, f.Message)
		}
	default:
		if f.Name != "" {
			parts = append(parts, f.Name)
		}
		if f.Message != "" {
			parts = append(parts, f.Message)
		}
	}
	if len(parts) == 0 {
		return "monitor run failure"
	}
	return strings.Join(parts, ": ")
}

// Finished reports whether the run is over. Run returns unfinished runs
// with MonitorRunOptions.Async and for runs longer than 300 seconds.
func (r *MonitorRunResult) Finished() bool {
	return r.Info.Status.Finished()
}

// Failed reports whether a finished run failed, the check a CI gate needs:
// Postman's status is not success, or a test or request failed, or Postman
// listed failures or errors. It is false for an unfinished run.
func (r *MonitorRunResult) Failed() bool {
	if !r.Finished() {
		return false
	}
	if r.Info.Status != MonitorRunSuccess || len(r.ReportedFailures) > 0 {
		return true
	}
	if r.Stats != nil && (r.Stats.Assertions.Failed > 0 || r.Stats.Requests.Failed > 0) {
		return true
	}
	for _, e := range r.Executions {
		if len(e.Errors) > 0 {
			return true
		}
		for _, passed := range e.Assertions {
			if !passed {
				return true
			}
		}
	}
	return false
}

// Failures lists what went wrong in the run, with the request names: the
// failures Postman reported, or, when it reported none, the errors and
// failed tests of the executions. A run awaited with WaitRun or
// RunAndWait has no executions, so this is empty for it even when Failed
// is true; run synchronously to get the details.
func (r *MonitorRunResult) Failures() []MonitorRunFailure {
	items := make(map[int]string, len(r.Executions))
	for _, e := range r.Executions {
		items[e.ID] = e.Item.Name
	}
	var out []MonitorRunFailure
	for _, f := range r.ReportedFailures {
		if f.ItemName == "" {
			f.ItemName = items[f.ExecutionID]
		}
		out = append(out, f)
	}
	if len(out) > 0 {
		return out
	}
	for _, e := range r.Executions {
		for _, er := range e.Errors {
			out = append(out, MonitorRunFailure{ExecutionID: e.ID, ItemName: e.Item.Name, Name: er.Name, Message: er.Message})
		}
		names := make([]string, 0, len(e.Assertions))
		for name, passed := range e.Assertions {
			if !passed {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			out = append(out, MonitorRunFailure{ExecutionID: e.ID, ItemName: e.Item.Name, Name: "AssertionFailure", Assertion: name})
		}
	}
	return out
}

// monitorRunTimeout bounds a synchronous monitor run: Postman answers
// within 300 seconds, with a 202 and an unfinished result at the latest.
const monitorRunTimeout = 330 * time.Second

// Run runs a monitor now. Without options Postman answers when the run is
// over, with its stats, executions and failures: check result.Failed() and
// result.Failures(). Postman waits at most 300 seconds, then answers 202
// with an unfinished result (Finished is false) while the run goes on;
// MonitorRunOptions.Async asks for that answer at once. Pass an unfinished
// result to WaitRun.
//
// A synchronous run waits up to monitorRunTimeout (330 s: Postman's 300 s
// and a margin) for its answer, beyond the client's usual header and
// attempt timeouts, and is never sent twice. RunAndWait starts the run
// asynchronously and polls instead of holding a connection open.
//
//postman:operation POST /monitors/{monitorId}/run
func (s *MonitorsService) Run(ctx context.Context, monitorID string, opts *MonitorRunOptions) (*MonitorRunResult, *Response, error) {
	path, err := pathf("/monitors/{monitorID}/run", monitorID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Run *MonitorRunResult `json:"run"`
	}
	r := &request{method: http.MethodPost, path: path, query: opts}
	if opts == nil || !opts.Async {
		r.timeout = monitorRunTimeout
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	run := root.Run
	if run == nil {
		run = new(MonitorRunResult)
	}
	if run.Info.MonitorID == "" {
		run.Info.MonitorID = monitorID
	}
	if resp.StatusCode == http.StatusAccepted || (opts != nil && opts.Async) {
		// Postman's async answer may already say "success" (its own example
		// does) although the run has not finished: only WaitRun knows.
		if run.Stats == nil {
			run.Info.Status = MonitorRunRunning
		}
		run.acceptedAt = monitorServerTime(resp)
	}
	return run, resp, nil
}

// RunAndWait runs a monitor asynchronously and waits until the run is
// over, polling the monitor with backoff (see WithTaskPolling). It returns
// the run's Info and Stats, enough for result.Failed(); Postman only gives
// executions and failure details to a synchronous Run. Bound the wait with
// ctx: a monitor run may last up to 15 minutes.
func (s *MonitorsService) RunAndWait(ctx context.Context, monitorID string) (*MonitorRunResult, *Response, error) {
	run, resp, err := s.Run(ctx, monitorID, &MonitorRunOptions{Async: true})
	if err != nil {
		return nil, resp, err
	}
	return s.WaitRun(ctx, run)
}

// WaitRun waits until a run that Run returned unfinished is over, polling
// the monitor's last run with backoff (see WithTaskPolling), and returns
// its Info and Stats. A finished run is returned as it is. The run is
// recognised by its job ID; when Postman gave none, by a last run that
// started after Postman accepted this one.
func (s *MonitorsService) WaitRun(ctx context.Context, run *MonitorRunResult) (*MonitorRunResult, *Response, error) {
	if run == nil {
		return nil, nil, fmt.Errorf("postman: Monitors.WaitRun: %w: nil run", ErrInvalidArgument)
	}
	monitorID := run.Info.MonitorID
	if run.Finished() {
		return run, nil, nil
	}
	var (
		result *MonitorRunResult
		last   *Response
	)
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		m, resp, err := s.Get(ctx, monitorID)
		last = resp
		if err != nil {
			return false, err
		}
		if !monitorRunIsLast(m, run) {
			return false, nil
		}
		result = monitorRunFromLast(m, run)
		return true, nil
	})
	if err != nil {
		return nil, last, err
	}
	return result, last, nil
}

// monitorRunIsLast reports whether m's last run is run, finished.
func monitorRunIsLast(m *Monitor, run *MonitorRunResult) bool {
	lr := m.LastRun
	if lr == nil || !lr.Status.Finished() {
		return false
	}
	if id := run.Info.JobID; id != "" {
		return lr.JobID == id || (lr.JobID == "" && m.JobID == id)
	}
	// Without a job ID, a run that started before Postman accepted this one
	// (less a minute for clock skew and queueing) is an earlier run.
	return run.acceptedAt.IsZero() || !lr.StartedAt.Before(run.acceptedAt.Add(-time.Minute))
}

// monitorRunFromLast builds the result of run from its monitor's last run.
func monitorRunFromLast(m *Monitor, run *MonitorRunResult) *MonitorRunResult {
	lr := m.LastRun
	info := run.Info
	info.Status, info.StartedAt, info.FinishedAt, info.Message = lr.Status, lr.StartedAt, lr.FinishedAt, ""
	if info.JobID == "" {
		info.JobID = lr.JobID
	}
	info.MonitorID = m.ID
	if info.Name == "" {
		info.Name = m.Name
	}
	if info.CollectionUID == "" {
		info.CollectionUID = m.CollectionUID
	}
	if info.EnvironmentUID == "" {
		info.EnvironmentUID = m.EnvironmentUID
	}
	return &MonitorRunResult{Info: info, Stats: lr.Stats, acceptedAt: run.acceptedAt}
}

// monitorServerTime is the server's time of resp (its Date header), or
// the local time when it sent none.
func monitorServerTime(resp *Response) time.Time {
	if t, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		return t
	}
	return time.Now()
}
