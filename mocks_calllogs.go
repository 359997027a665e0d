package postman

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"slices"
	"strings"
	"time"
)

// MockCallLog is one call a mock server answered.
type MockCallLog struct {
	ID string `json:"id"`
	// ResponseName is the name of the example or server response served.
	ResponseName string              `json:"responseName,omitempty"`
	ServedAt     Timestamp           `json:"servedAt,omitzero"`
	Request      MockCallLogRequest  `json:"request"`
	Response     MockCallLogResponse `json:"response"`
}

// MockCallLogRequest is the request of a logged call. Headers and Body are
// only sent with the matching MockCallLogInclude… values.
type MockCallLogRequest struct {
	Method  string           `json:"method,omitempty"`
	Path    string           `json:"path,omitempty"`
	Headers MockCallHeaders  `json:"headers,omitempty"`
	Body    *MockCallLogBody `json:"body,omitempty"`
}

// MockCallLogResponse is the answer of a logged call.
type MockCallLogResponse struct {
	// Type is "success" or "error" as Postman classified the answer.
	Type       string           `json:"type,omitempty"`
	StatusCode int              `json:"statusCode,omitempty"`
	Headers    MockCallHeaders  `json:"headers,omitempty"`
	Body       *MockCallLogBody `json:"body,omitempty"`
}

// MockCallLogBody is the body of a logged request or answer.
type MockCallLogBody struct {
	// Mode is the body's mode ("raw", "formdata" …), for requests only.
	Mode string `json:"mode,omitempty"`
	Data string `json:"data,omitempty"`
}

// MockCallHeader is one header of a logged call.
type MockCallHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Description is sent for some answer headers.
	Description *MockCallHeaderDescription `json:"description,omitempty"`
}

// MockCallHeaderDescription is the description Postman keeps with an
// answer header.
type MockCallHeaderDescription struct {
	Content string `json:"content"`
	Type    string `json:"type,omitempty"`
}

// MockCallHeaders are the headers of a logged call. The description
// documents a single {"key","value"} object; Postman's call logs also use
// an array of them, or a plain name-to-value object. All three decode, the
// last sorted by name.
type MockCallHeaders []MockCallHeader

// UnmarshalJSON implements json.Unmarshaler for every form Postman uses.
func (h *MockCallHeaders) UnmarshalJSON(data []byte) error {
	*h = nil
	switch mockFirstNonSpace(data) {
	case 'n':
		return nil
	case '[':
		var list []MockCallHeader
		if err := json.Unmarshal(data, &list); err != nil {
			return err
		}
		*h = list
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	if _, ok := fields["key"]; ok {
		var one MockCallHeader
		if err := json.Unmarshal(data, &one); err != nil {
			return err
		}
		*h = MockCallHeaders{one}
		return nil
	}
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		*h = append(*h, MockCallHeader{Key: name, Value: textOf(fields[name])})
	}
	return nil
}

// Get returns the value of the first header named name, compared without
// regard to case, and whether there is one.
func (h MockCallHeaders) Get(name string) (string, bool) {
	for _, hd := range h {
		if strings.EqualFold(hd.Key, name) {
			return hd.Value, true
		}
	}
	return "", false
}

// MockCallLogSort is a sort key of call logs.
type MockCallLogSort string

// Call log sort keys.
const (
	MockCallLogSortServedAt MockCallLogSort = "servedAt"
)

// MockSortDirection orders call logs.
type MockSortDirection string

// Sort directions.
const (
	MockSortAsc  MockSortDirection = "asc"
	MockSortDesc MockSortDirection = "desc"
)

// Values of MockCallLogListOptions.Include: which parts of each call the logs
// carry besides method, path and status.
const (
	MockCallLogIncludeRequestHeaders  = "request.headers"
	MockCallLogIncludeRequestBody     = "request.body"
	MockCallLogIncludeResponseHeaders = "response.headers"
	MockCallLogIncludeResponseBody    = "response.body"
)

// MockCallLogListOptions filters and pages ListCallLogs. Logs are kept for a
// period that depends on the team's plan; asking for older ones is a 400
// error.
type MockCallLogListOptions struct {
	// Since and Until bound the time the calls were served.
	Since time.Time `url:"since,omitempty"`
	Until time.Time `url:"until,omitempty"`
	// ResponseStatusCode keeps calls answered with this status.
	ResponseStatusCode int `url:"responseStatusCode,omitempty"`
	// ResponseType keeps "success" or "error" answers.
	ResponseType string `url:"responseType,omitempty"`
	// RequestMethod and RequestPath keep matching calls (case-insensitive).
	RequestMethod string `url:"requestMethod,omitempty"`
	RequestPath   string `url:"requestPath,omitempty"`
	// Sort and Direction must be set together.
	Sort      MockCallLogSort   `url:"sort,omitempty"`
	Direction MockSortDirection `url:"direction,omitempty"`
	// Include adds headers and bodies (MockCallLogInclude… values).
	Include []string `url:"include,omitempty,comma"`
	// Cursor and Limit page the logs; Postman returns at most 100 logs or
	// 6.5 MB per call.
	CursorOptions
}

// mockCallLogsPage is the largest page of call logs Postman serves.
const mockCallLogsPage = 100

// ListCallLogs returns a page of a mock server's call logs, newest first unless
// opts sorts otherwise; Response.NextCursor points to the next page and
// ListCallLogsIter pages for you.
//
//postman:operation GET /mocks/{mockId}/call-logs
func (s *MocksService) ListCallLogs(ctx context.Context, mockID string, opts *MockCallLogListOptions) ([]*MockCallLog, *Response, error) {
	path, err := pathf("/mocks/{mockID}/call-logs", mockID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		CallLogs []*MockCallLog `json:"call-logs"`
		Meta     pageMeta       `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.CallLogs, resp, nil
}

// ListCallLogsIter iterates over a mock server's call logs, one page in memory
// at a time (100 per page unless opts.Limit says otherwise).
func (s *MocksService) ListCallLogsIter(ctx context.Context, mockID string, opts *MockCallLogListOptions) iter.Seq2[*MockCallLog, error] {
	return cursorIter(ctx, opts, mockCallLogsPage, func(ctx context.Context, o *MockCallLogListOptions) ([]*MockCallLog, *Response, error) {
		return s.ListCallLogs(ctx, mockID, o)
	})
}

// mockFirstNonSpace returns the first byte of data that is not JSON white
// space, or 0.
func mockFirstNonSpace(data []byte) byte {
	for _, b := range data {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b
	}
	return 0
}
