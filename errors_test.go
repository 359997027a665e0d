package postman

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"

	"github.com/postman-go/postman/internal/transport"
)

// errorExample is one documented error answer of the description.
type errorExample struct {
	where  string // "GET /path 404 application/json example-name"
	status int
	body   []byte
	value  map[string]any
}

var (
	errorExamplesOnce sync.Once
	errorExamples     []errorExample
	errorExamplesErr  error
)

// loadErrorExamples walks every operation of the description, every
// 3xx, 4xx and 5xx response, every media type, and every example
// (example and examples), as the conformance table holds them.
func loadErrorExamples() ([]errorExample, error) {
	errorExamplesOnce.Do(func() {
		ops, err := conformance.All()
		if err != nil {
			errorExamplesErr = err
			return
		}
		for _, op := range ops {
			for _, a := range op.Answers {
				if a.Status < 300 {
					continue
				}
				for _, ex := range a.Examples {
					var v any
					if err := json.Unmarshal([]byte(ex.Body), &v); err != nil {
						v = ex.Body // a text example (HTML, plain text)
					}
					body, err := json.Marshal(v)
					if err != nil {
						errorExamplesErr = fmt.Errorf("%s %s %d: %w", op.Method, op.Path, a.Status, err)
						return
					}
					m, _ := v.(map[string]any)
					errorExamples = append(errorExamples, errorExample{
						where: fmt.Sprintf("%s %s %d %s %s", op.Method, op.Path, a.Status, ex.ContentType, ex.Name), status: a.Status, body: body, value: m,
					})
				}
			}
		}
		slices.SortFunc(errorExamples, func(a, b errorExample) int { return strings.Compare(a.where, b.where) })
	})
	return errorExamples, errorExamplesErr
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// first2 returns a if it is set, else b.
func first2(a, b any) any {
	if a != nil {
		return a
	}
	return b
}

// expected computes, independently of the decoder, what an example says:
// its name, type, message, title and detail, wherever the shape puts them.
func expected(v map[string]any) (name, typ, message, title, detail string) {
	known := []string{"error", "name", "type", "title", "detail", "details", "message"}
	hasKnown := slices.ContainsFunc(known, func(k string) bool { _, ok := v[k]; return ok })
	if !hasKnown && len(v) == 1 {
		for _, inner := range v { // {"value": {…}}, {"collection": {…}}
			if m := obj(inner); m != nil {
				v = m
			}
		}
	}
	e := obj(v["error"])
	if e == nil {
		e = map[string]any{}
	}
	first := func(vals ...any) string {
		for _, x := range vals {
			if s := str(x); s != "" {
				return s
			}
		}
		return ""
	}
	nested := obj(e["name"])
	if nested == nil {
		nested = obj(v["name"])
	}
	// The Teams API nests an error envelope in a problem's detail.
	var detailName, detailMessage any
	if d := obj(first2(e["detail"], v["detail"])); d != nil {
		if de := obj(d["error"]); de != nil {
			detailName, detailMessage = de["name"], de["message"]
		} else {
			detailMessage = d["error"]
		}
	}
	name = first(e["name"], v["name"], v["error"], obj(nested)["name"], detailName)
	typ = first(e["type"], v["type"])
	message = first(e["message"], v["message"], v["error_description"], obj(nested)["message"], obj(nested)["reason"], detailMessage)
	title = first(e["title"], v["title"], e["header"])
	detail = first(e["detail"], v["detail"], e["details"], v["details"])
	return
}

func TestErrorExamplesOfTheDescriptionDecode(t *testing.T) {
	t.Parallel()
	examples, err := loadErrorExamples()
	require.NoError(t, err)
	require.Greater(t, len(examples), 2900, "every error example of the description is walked")
	statuses := map[int]int{}
	anonymous := 0 // examples with neither name nor type (title and detail only)
	for _, ex := range examples {
		statuses[ex.status]++
		e := decodeAPIError(ex.status, ex.body)
		require.NotNil(t, ex.value, "%s: every documented error body is an object", ex.where)
		name, typ, message, title, detail := expected(ex.value)
		assert.Equal(t, name, e.Name, "%s: name of %s", ex.where, ex.body)
		assert.Equal(t, typ, e.Type, "%s: type of %s", ex.where, ex.body)
		assert.Equal(t, message, e.Message, "%s: message of %s", ex.where, ex.body)
		assert.Equal(t, title, e.Title, "%s: title of %s", ex.where, ex.body)
		assert.Equal(t, detail, e.Detail, "%s: detail of %s", ex.where, ex.body)
		if name+typ != "" {
			assert.NotEmpty(t, e.Name+e.Type, "%s: a name or type in %s", ex.where, ex.body)
		} else {
			anonymous++
		}
		require.NotEmpty(t, message+title+detail, "%s: every example says something", ex.where)
		assert.NotEmpty(t, e.Message+e.Detail+e.Title, "%s: a message in %s", ex.where, ex.body)
		assert.NotContains(t, e.Error(), "invalid character", ex.where)
	}
	t.Logf("%d error examples (%d with no name or type): %v", len(examples), anonymous, statuses)
}

// TestErrorExamplesOfTheDescriptionThroughTheClient sends every distinct
// documented error answer through a client (canned by httpmock: no
// socket behaviour matters here), and checks the error type and the
// sentinel each status matches.
func TestErrorExamplesOfTheDescriptionThroughTheClient(t *testing.T) {
	t.Parallel()
	examples, err := loadErrorExamples()
	require.NoError(t, err)
	type answer struct {
		status int
		body   string
	}
	seen := map[answer]string{}
	for _, ex := range examples {
		a := answer{ex.status, string(ex.body)}
		if _, dup := seen[a]; !dup {
			seen[a] = ex.where
		}
	}
	c, mock := newMockClient(t, WithMaxRetries(0))
	sentinels := map[int]error{401: ErrUnauthorized, 403: ErrForbidden, 404: ErrNotFound, 409: ErrConflict, 429: ErrRateLimited}
	featureUnavailable, deprecated := 0, 0
	for a, where := range seen {
		answer := httpmock.NewStringResponse(a.status, a.body)
		answer.Header.Set("Content-Type", "application/problem+json")
		mock.RegisterResponder("GET", postmanURL+"/x", httpmock.ResponderFromResponse(answer))
		resp, err := c.Do(t.Context(), "GET", "/x", nil, nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr, where)
		assert.Equal(t, a.status, apiErr.StatusCode, where)
		assert.Equal(t, a.status, resp.StatusCode, where)
		v9 := strings.Contains(a.body, "vnd.api.v10+json") || strings.Contains(a.body, "does not support v9 APIs")
		// Postman answers several missing elements with 400 instanceNotFoundError.
		missing := a.status == 400 && strings.Contains(a.body, "instanceNotFoundError") && !v9
		for status, s := range sentinels {
			if status == a.status || (s == ErrNotFound && missing) {
				assert.ErrorIs(t, err, s, where)
			} else {
				assert.NotErrorIs(t, err, s, where)
			}
		}
		if a.status == 429 {
			var rl *RateLimitError
			assert.ErrorAs(t, err, &rl, where)
		}
		lower := strings.ToLower(a.body)
		if (a.status == 403 || a.status == 400) && (strings.Contains(lower, "isn't available") || strings.Contains(lower, "is not available") ||
			strings.Contains(lower, "only available to") || strings.Contains(lower, "only available with")) {
			featureUnavailable++
			assert.ErrorIs(t, err, ErrFeatureUnavailable, where)
		} else {
			assert.NotErrorIs(t, err, ErrFeatureUnavailable, where)
		}
		if v9 {
			deprecated++
			assert.ErrorIs(t, err, ErrDeprecated, where)
			assert.Contains(t, err.Error(), "v9 API Builder API", where)
		} else {
			assert.NotErrorIs(t, err, ErrDeprecated, where)
		}
		assert.NotErrorIs(t, err, ErrQuotaExhausted, where)
		assert.NotErrorIs(t, err, ErrRedirect, where)
	}
	assert.Positive(t, featureUnavailable, "the region example is among them")
	assert.Positive(t, deprecated, "the v9 answers are among them")
}

func TestErrorShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   APIError
	}{
		{"Postman envelope", 404, `{"error":{"name":"instanceNotFoundError","message":"Not found","details":{"id":"1"}}}`,
			APIError{Name: "instanceNotFoundError", Message: "Not found", Details: json.RawMessage(`{"id":"1"}`)}},
		{"problem object", 409, `{"type":"https://api.postman.com/problems/conflict","title":"Conflict","status":409,"detail":"Busy","instance":"/x"}`,
			APIError{Type: "https://api.postman.com/problems/conflict", Title: "Conflict", Detail: "Busy", Instance: "/x"}},
		{"bare name and message", 400, `{"name":"instanceNotFoundError","message":"API not found."}`,
			APIError{Name: "instanceNotFoundError", Message: "API not found."}},
		{"SCIM error", 409, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"Already a member.","status":"409"}`,
			APIError{SCIMType: "uniqueness", Detail: "Already a member."}},
		{"OAuth 2.0 error", 401, `{"error":"invalid_client","error_description":"Client authentication failed"}`,
			APIError{Name: "invalid_client", Message: "Client authentication failed"}},
		{"Fastify error", 400, `{"error":"Bad Request","message":"params/slug must match pattern","statusCode":400}`,
			APIError{Name: "Bad Request", Message: "params/slug must match pattern"}},
		{"nested name with reason", 400, `{"error":{"name":{"name":"Invalid Schema","reason":"Provided schema type is not supported."}}}`,
			APIError{Name: "Invalid Schema", Message: "Provided schema type is not supported."}},
		{"mock error with a header", 404, `{"error":{"name":"mockNotFoundError","header":"Unable to find mock","message":"Please refresh and try again."}}`,
			APIError{Name: "mockNotFoundError", Title: "Unable to find mock", Message: "Please refresh and try again."}},
		{"type inside error", 500, `{"error":{"type":"serverError","message":"Something went wrong with the server"}}`,
			APIError{Type: "serverError", Message: "Something went wrong with the server"}},
		{"single-member envelope", 403, `{"value":{"type":"https://api.postman.com/problems/forbidden","title":"Forbidden","detail":"This feature isn't available in your region.","status":403}}`,
			APIError{Type: "https://api.postman.com/problems/forbidden", Title: "Forbidden", Detail: "This feature isn't available in your region."}},
		{"structured detail", 403, `{"type":"limitReachedError","title":"You've reached the API limit","message":"Up to 3 APIs.","detail":{"model":"api"}}`,
			APIError{Type: "limitReachedError", Title: "You've reached the API limit", Message: "Up to 3 APIs.", Details: json.RawMessage(`{"model":"api"}`)}},
		{"string details", 404, `{"type":"VersionNotFound","title":"API Version not found.","details":"We could not find it."}`,
			APIError{Type: "VersionNotFound", Title: "API Version not found.", Detail: "We could not find it."}},
		{"numbers and booleans as text", 400, `{"name":404,"message":true}`, APIError{Message: "true"}},
		{"HTML page", 502, `<html><head><title>502 Bad Gateway</title></head></html>`, APIError{}},
		{"plain text", 500, `upstream connect error`, APIError{}},
		{"empty", 500, ``, APIError{}},
		{"JSON array", 500, `[1,2]`, APIError{}},
		{"null", 500, `null`, APIError{}},
		{"truncated", 500, `{"error":{"name":"x"`, APIError{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := decodeAPIError(tt.status, []byte(tt.body))
			tt.want.StatusCode = tt.status
			assert.Equal(t, &tt.want, got)
			assert.NotPanics(t, func() { _ = got.Error() })
		})
	}
}

func TestErrorMessages(t *testing.T) {
	t.Parallel()
	e := &APIError{StatusCode: 404, Name: "instanceNotFoundError", Message: "We could not find the collection", Method: "GET", Path: "/collections/1"}
	assert.Equal(t, "postman: GET /collections/1: 404 Not Found: instanceNotFoundError: We could not find the collection", e.Error())
	e = &APIError{StatusCode: 502, Body: []byte(proxyPage(502)), ContentType: "text/html"}
	assert.Equal(t, "postman: 502 Bad Gateway: HTML page: 502 Bad Gateway", e.Error())
	e = &APIError{StatusCode: 500, Body: []byte("upstream\nconnect   error")}
	assert.Equal(t, "postman: 500 Internal Server Error: upstream connect error", e.Error())
	e = &APIError{StatusCode: 302, Location: "https://other.example/x", Method: "POST", Path: "/x"}
	assert.Contains(t, e.Error(), "302 Found")
	assert.Contains(t, e.Error(), "redirect to https://other.example/x not followed")
	e = &APIError{StatusCode: 599}
	assert.Equal(t, "postman: 599", e.Error())
	long := &APIError{StatusCode: 500, Body: []byte(strings.Repeat("é", 300))}
	assert.True(t, strings.HasSuffix(long.Error(), "…"))
	assert.Less(t, len(long.Error()), 200)

	rl := &RateLimitError{APIError: &APIError{StatusCode: 429, Name: "rateLimited"}, RetryAfter: 90 * time.Second}
	assert.Equal(t, "postman: 429 Too Many Requests: rateLimited (retry after 1m30s)", rl.Error())
	var apiErr *APIError
	require.ErrorAs(t, error(rl), &apiErr, "errors.As finds the APIError inside")
	assert.Same(t, rl.APIError, apiErr)

	d := &DecodeError{StatusCode: 200, Method: "GET", Path: "/x", Excerpt: []byte(`{"a":`), Err: errors.New("unexpected end of JSON input")}
	assert.Equal(t, `postman: GET /x: 200 answer could not be decoded: unexpected end of JSON input (body starts "{\"a\":")`, d.Error())
	assert.ErrorIs(t, d, d.Err)
}

func TestErrorSentinels(t *testing.T) {
	t.Parallel()
	quota := &APIError{StatusCode: 429, Name: "serviceLimitExhausted"}
	quotaInBody := &APIError{StatusCode: 429, Body: []byte(`{"error":"serviceLimitExhausted"}`)}
	limited := &APIError{StatusCode: 429, Name: "rateLimited"}
	tests := []struct {
		err  error
		is   []error
		isnt []error
	}{
		{&APIError{StatusCode: 401}, []error{ErrUnauthorized}, []error{ErrForbidden, ErrNotFound}},
		{&APIError{StatusCode: 403, Detail: "You are not allowed"}, []error{ErrForbidden}, []error{ErrFeatureUnavailable, ErrUnauthorized}},
		{&APIError{StatusCode: 403, Detail: "This feature isn't available in your region."}, []error{ErrForbidden, ErrFeatureUnavailable}, nil},
		{&APIError{StatusCode: 403, Message: "Please upgrade your plan to use this."}, []error{ErrForbidden, ErrFeatureUnavailable}, nil},
		{&APIError{StatusCode: 404}, []error{ErrNotFound}, []error{ErrConflict}},
		{&APIError{StatusCode: 409}, []error{ErrConflict}, []error{ErrNotFound}},
		{&RateLimitError{APIError: limited}, []error{ErrRateLimited}, []error{ErrQuotaExhausted}},
		{&RateLimitError{APIError: quota, QuotaExhausted: true}, []error{ErrRateLimited, ErrQuotaExhausted}, nil},
		{&RateLimitError{APIError: quotaInBody, QuotaExhausted: true}, []error{ErrRateLimited, ErrQuotaExhausted}, nil},
		{&APIError{StatusCode: 400, Name: "instanceNotFoundError", Message: `API not found. For v10 and later APIs, ensure that your request sends the "application/vnd.api.v10+json" Accept header.`}, []error{ErrDeprecated}, []error{ErrNotFound}},
		{&APIError{StatusCode: 422, Type: "unsupportedEntityError", Detail: "This endpoint does not support v9 APIs."}, []error{ErrDeprecated}, nil},
		{&APIError{StatusCode: 410}, []error{ErrDeprecated}, nil},
		{&APIError{StatusCode: 301, Location: "https://x"}, []error{ErrRedirect}, []error{ErrNotFound}},
		{&APIError{StatusCode: 302}, []error{ErrRedirect}, nil},
		{&APIError{StatusCode: 307}, []error{ErrRedirect}, nil},
		{&APIError{StatusCode: 308}, []error{ErrRedirect}, nil},
		{&APIError{StatusCode: 500}, nil, []error{ErrRedirect, ErrRateLimited, ErrNotFound, ErrDeprecated, ErrInvalidArgument}},
		{fmt.Errorf("wrapped: %w", &APIError{StatusCode: 404}), []error{ErrNotFound}, nil},
	}
	for _, tt := range tests {
		for _, s := range tt.is {
			assert.ErrorIs(t, tt.err, s, "%v", tt.err)
		}
		for _, s := range tt.isnt {
			assert.NotErrorIs(t, tt.err, s, "%v", tt.err)
		}
	}
}

func TestRedactLocation(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://user:pass@evil.example/x?token=1": "https://evil.example/x",
		"https://evil.example/x?token=1#frag":      "https://evil.example/x",
		"/relative?cursor=2":                       "/relative",
		"https://evil.example":                     "https://evil.example",
		"https://a.example/p@th?x":                 "https://a.example/p@th",
		"":                                         "",
	} {
		assert.Equal(t, want, redactLocation(in), in)
	}
}

// FuzzDecodeAPIError checks that no body, in any shape, makes decoding or
// the error's methods panic.
func FuzzDecodeAPIError(f *testing.F) {
	seeds := []string{
		`{"error":{"name":"instanceNotFoundError","message":"Not found","details":{"id":"1"}}}`,
		`{"type":"https://api.postman.com/problems/conflict","title":"Conflict","status":409,"detail":"Busy","instance":"/x"}`,
		`{"name":"instanceNotFoundError","message":"API not found."}`,
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"x","status":"409"}`,
		`{"error":"invalid_client","error_description":"Client authentication failed"}`,
		`{"error":{"name":{"name":"Invalid Schema","reason":"x"}}}`,
		`{"value":{"type":"t","title":"Forbidden","detail":"This feature isn't available in your region."}}`,
		`{"error":{"name":"serviceLimitExhausted"}}`,
		`<html><head><title>502 Bad Gateway</title></head></html>`,
		`<title>`, `{"error":`, `{"error":{}}`, `{"error":[]}`, `{"detail":[1,{"a":null}]}`, `null`, `"x"`, `{"a":{"b":{"c":{}}}}`,
		"{\"message\":\"\xff\xfe\"}", `{"name":"\u0000"}`,
	}
	for _, s := range seeds {
		for _, status := range []int{302, 400, 401, 403, 404, 409, 422, 429, 500, 502} {
			f.Add(status, []byte(s))
		}
	}
	c, err := NewClient(canaryKey, WithSCIMKey(scimCanaryKey))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeAPIError(status, body)
		_ = e.Error()
		for _, s := range []error{ErrUnauthorized, ErrForbidden, ErrFeatureUnavailable, ErrNotFound, ErrConflict, ErrRateLimited, ErrQuotaExhausted, ErrDeprecated, ErrRedirect} {
			_ = errors.Is(e, s)
		}
		resp := &http.Response{StatusCode: status, Header: http.Header{"Retry-After": {string(body)}, "Location": {string(body)}}}
		err := c.newError(&transport.Call{Method: "GET", Path: "/x"}, resp, body)
		msg := err.Error()
		if strings.Contains(msg, canaryKey) || strings.Contains(msg, scimCanaryKey) {
			t.Fatalf("a key in %q", msg)
		}
		_ = oneLine(body, 120)
		_ = bodySummary(body)
	})
}

// TestLimitReachedIsAPlanLimit: the 403 limitReachedError Postman
// documents for createApi and syncCollectionWithSpec is a plan limit,
// not only a refusal.
func TestLimitReachedIsAPlanLimit(t *testing.T) {
	t.Parallel()
	op, err := conformance.Lookup("createApi")
	require.NoError(t, err)
	ex, ok := op.Example(http.StatusForbidden, "Limit Reached")
	if !ok {
		a, found := op.Answer(http.StatusForbidden)
		require.True(t, found)
		for _, e := range a.Examples {
			if strings.Contains(e.Body, "limitReachedError") {
				ex, ok = e, true
			}
		}
	}
	require.True(t, ok, "the description documents limitReachedError for createApi")
	c, mock := newMockClient(t, WithMaxRetries(0))
	mock.RegisterResponder("POST", postmanURL+"/apis", httpmock.NewStringResponder(http.StatusForbidden, ex.Body))
	_, err = c.Do(t.Context(), "POST", "/apis", map[string]any{"name": "x"}, nil)
	assert.ErrorIs(t, err, ErrPlanLimit)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable)
}
