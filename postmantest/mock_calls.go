package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (s *Server) routeMockCallLogs() {
	s.mux.HandleFunc("GET /mocks/{mockId}/call-logs", s.listCallLogs)
}

// MockCall is a call a mock server answered, as its call logs show it.
// The server records one for every call to a mock's URL; AddMockCall
// seeds more.
type MockCall struct {
	// ID is generated when empty; ServedAt defaults to now.
	ID       string
	ServedAt time.Time
	Method   string
	// Path is the path called, with its query string.
	Path           string
	RequestHeaders []MockHeader
	RequestBody    string
	StatusCode     int
	// ResponseName names the example or server response that answered.
	ResponseName string
	// ResponseType is "success" when an example or a server response
	// answered and "error" when none matched (default: by StatusCode).
	ResponseType    string
	ResponseHeaders []MockHeader
	ResponseBody    string
}

// AddMockCall adds calls to the call logs of a mock; it reports whether
// there is such a mock.
func (s *Server) AddMockCall(mockID string, calls ...MockCall) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.mock(mockID)
	if m == nil {
		return false
	}
	for _, c := range calls {
		m.logCall(c)
	}
	return true
}

// MockCalls returns the call logs of a mock, oldest first.
func (s *Server) MockCalls(mockID string) []MockCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.mock(mockID)
	if m == nil {
		return nil
	}
	return slices.Clone(m.calls)
}

func (m *storedMock) logCall(c MockCall) {
	if c.ID == "" {
		c.ID = newID() + "-" + strconv.Itoa(1000+len(m.calls))
	}
	if c.ServedAt.IsZero() {
		c.ServedAt = time.Now().UTC()
	}
	if c.Method == "" {
		c.Method = http.MethodGet
	}
	if c.StatusCode == 0 {
		c.StatusCode = http.StatusOK
	}
	if c.ResponseType == "" {
		c.ResponseType = "success"
		if c.StatusCode >= 400 {
			c.ResponseType = "error"
		}
	}
	m.calls = append(m.calls, c)
}

// callLogRetention is how far back call logs go (Postman's free plan).
const callLogRetention = 30 * 24 * time.Hour

func callLogsBadRequest(w http.ResponseWriter, message string) {
	writeError(w, http.StatusBadRequest, "invalidParamsError", message)
}

// callLogFilter keeps the calls a call-logs request asks for.
type callLogFilter struct {
	since, until time.Time
	status       int
	typ, method  string
	path         string
}

func (f callLogFilter) keep(c MockCall) bool {
	switch {
	case !f.since.IsZero() && c.ServedAt.Before(f.since), !f.until.IsZero() && c.ServedAt.After(f.until):
		return false
	case f.status != 0 && c.StatusCode != f.status:
		return false
	case f.typ != "" && !strings.EqualFold(c.ResponseType, f.typ), f.method != "" && !strings.EqualFold(c.Method, f.method):
		return false
	}
	return f.path == "" || strings.EqualFold(c.Path, f.path)
}

func readCallLogFilter(w http.ResponseWriter, r *http.Request) (callLogFilter, bool) {
	q := r.URL.Query()
	f := callLogFilter{typ: q.Get("responseType"), method: q.Get("requestMethod"), path: q.Get("requestPath")}
	for name, dst := range map[string]*time.Time{"since": &f.since, "until": &f.until} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(time.RFC3339Nano, v)
			if err != nil {
				callLogsBadRequest(w, "Invalid value for parameter: "+name+".")
				return f, false
			}
			*dst = t
		}
	}
	if !f.since.IsZero() && time.Since(f.since) > callLogRetention {
		callLogsBadRequest(w, "Invalid value for parameter: since. Cannot view logs beyond the call log retention period based on your plan i.e. 30 days.")
		return f, false
	}
	if v := q.Get("responseStatusCode"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			callLogsBadRequest(w, "Invalid value for parameter: responseStatusCode.")
			return f, false
		}
		f.status = n
	}
	if (q.Get("sort") == "") != (q.Get("direction") == "") {
		callLogsBadRequest(w, "The sort and direction parameters must be used together.")
		return f, false
	}
	return f, true
}

// listCallLogs answers a page of a mock's call logs, newest first unless
// sorted otherwise.
func (s *Server) listCallLogs(w http.ResponseWriter, r *http.Request) {
	f, ok := readCallLogFilter(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	page, bad := readPage(q, 100, 0)
	if bad != "" {
		callLogsBadRequest(w, bad)
		return
	}
	page.limit = min(page.limit, 100)
	include := map[string]bool{}
	for part := range strings.SplitSeq(q.Get("include"), ",") {
		include[strings.TrimSpace(part)] = true
	}
	s.mu.Lock()
	m := lookup(w, s.state.mock, r.PathValue("mockId"), mockNotFound)
	if m == nil {
		s.mu.Unlock()
		return
	}
	var calls []MockCall
	for _, c := range m.calls {
		if f.keep(c) {
			calls = append(calls, c)
		}
	}
	s.mu.Unlock()
	slices.SortStableFunc(calls, func(a, b MockCall) int { return a.ServedAt.Compare(b.ServedAt) })
	if descending(q, true) {
		slices.Reverse(calls)
	}
	sp, next := page.slice(len(calls))
	logs := []any{}
	for _, c := range calls[sp.start:sp.end] {
		logs = append(logs, callLogBody(c, include))
	}
	writeJSON(w, http.StatusOK, map[string]any{"call-logs": logs, "meta": map[string]any{"nextCursor": nextCursor(next)}})
}

func callLogBody(c MockCall, include map[string]bool) map[string]any {
	req := map[string]any{"method": c.Method, "path": c.Path}
	resp := map[string]any{"type": c.ResponseType, "statusCode": c.StatusCode}
	if include["request.headers"] {
		req["headers"] = headerObject(c.RequestHeaders)
	}
	if include["request.body"] {
		req["body"] = map[string]any{"mode": "raw", "data": c.RequestBody}
	}
	if include["response.headers"] {
		resp["headers"] = headerObject(c.ResponseHeaders)
	}
	if include["response.body"] {
		resp["body"] = map[string]any{"data": c.ResponseBody}
	}
	return map[string]any{"id": c.ID, "responseName": c.ResponseName, "servedAt": c.ServedAt.UTC().Format(time.RFC3339Nano),
		"request": req, "response": resp}
}

// headerObject writes headers as the name-to-value object Postman's call
// logs use.
func headerObject(headers []MockHeader) map[string]any {
	out := map[string]any{}
	for _, h := range headers {
		out[h.Key] = h.Value
	}
	return out
}
