package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/hashicorp/go-retryablehttp"

	"github.com/postman-go/postman/internal/transport"
)

// request describes one API call before it is sent.
type request struct {
	method string
	// path is relative to the base URL, already escaped (see pathf); it may
	// carry a query.
	path string
	// query is an options struct encoded with go-querystring (`url` tags);
	// nil or a nil pointer adds nothing.
	query any
	// body is JSON-encoded, unless it is []byte or an io.Reader, which are
	// sent as they are with contentType.
	body        any
	contentType string
	header      http.Header
	auth        transport.Auth
	// timeout, when set, replaces the per-attempt timeout and the wait for
	// headers, for endpoints that answer only when their work is done.
	timeout time.Duration
	// op is the operation a Do or DoOperation caller named (named true);
	// for service calls do looks it up from method and path. A named call
	// decodes into the caller's type, not one of the SDK's envelopes, so
	// without checkResult.
	op    Operation
	named bool
}

// Do sends a request to any Postman API endpoint, wrapped or not, with the
// same credentials, rate limits, retries and errors as the services. path
// is the operation's path with its parameters filled in and escaped, e.g.
// "/workspaces/1f0df51a" (a query is allowed); body is JSON-encoded unless
// it is []byte or an io.Reader (sent as is, as application/json); out, if
// not nil, receives the decoded JSON (a *[]byte or *json.RawMessage gets
// the raw body). Paths under /scim/ use the SCIM key.
func (c *Client) Do(ctx context.Context, method, path string, body, out any) (*Response, error) {
	return c.doRaw(ctx, Operation{}, method, path, body, out)
}

// doRaw is Do and DoOperation: the call carries op, not what the table
// says of method and path.
func (c *Client) doRaw(ctx context.Context, op Operation, method, path string, body, out any) (*Response, error) {
	if method == "" || strings.ContainsAny(method, " \r\n") {
		return nil, fmt.Errorf("postman: Do: %w: bad method %q", ErrInvalidArgument, method)
	}
	if err := checkRawPath(path); err != nil {
		return nil, err
	}
	r := &request{method: strings.ToUpper(method), path: path, body: body, op: op, named: true}
	if p, _, _ := strings.Cut(path, "?"); transport.IsSCIMPath(&url.URL{Path: p}, "") {
		r.auth = transport.AuthSCIM
	}
	return c.do(ctx, r, out)
}

// checkRawPath refuses what could take a Do call off the API: absolute
// URLs, protocol-relative paths and dot segments.
func checkRawPath(path string) error {
	p, _, _ := strings.Cut(path, "?")
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return fmt.Errorf("postman: Do: %w: path %q must start with a single /", ErrInvalidArgument, p)
	}
	unescaped, err := url.PathUnescape(p)
	if err != nil {
		return fmt.Errorf("postman: Do: %w: path %q: %v", ErrInvalidArgument, p, err)
	}
	for seg := range strings.SplitSeq(unescaped, "/") {
		if seg == "." || seg == ".." {
			return fmt.Errorf("postman: Do: %w: path %q holds a dot segment", ErrInvalidArgument, p)
		}
	}
	return nil
}

func isSCIMPath(path string) bool { return strings.HasPrefix(path, "/scim/") }

// pathf fills the {name} placeholders of format, in order, with the
// escaped ids; each name is the Go parameter the id came from, so that an
// error names what the caller passed. An empty id, "." or ".." is refused
// before any I/O: each would silently address a different resource (the
// collection list instead of one collection).
func pathf(format string, ids ...string) (string, error) {
	var b strings.Builder
	b.Grow(len(format) + 16*len(ids))
	rest := format
	for i, id := range ids {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest[max(open, 0):], '}') + max(open, 0)
		if open < 0 || end < open {
			return "", fmt.Errorf("postman: %w: path %q has no place for parameter %d", ErrInvalidArgument, format, i+1)
		}
		name := rest[open+1 : end]
		switch id {
		case "":
			return "", fmt.Errorf("postman: %w: %s is empty", ErrInvalidArgument, name)
		case ".", "..":
			return "", fmt.Errorf("postman: %w: %s is %q", ErrInvalidArgument, name, id)
		}
		b.WriteString(rest[:open])
		b.WriteString(url.PathEscape(id))
		rest = rest[end+1:]
	}
	b.WriteString(rest)
	return b.String(), nil
}

// requireArg refuses, before any I/O, an empty value that the call named
// method needs in its body or query (path segments are checked by pathf).
func requireArg(method, field, value string) error {
	if value == "" {
		return fmt.Errorf("postman: %s: %w: %s is empty", method, ErrInvalidArgument, field)
	}
	return nil
}

// do runs r and decodes the answer into out.
func (c *Client) do(ctx context.Context, r *request, out any) (resp *Response, err error) {
	if ctx == nil {
		return nil, fmt.Errorf("postman: %w: nil context", ErrInvalidArgument)
	}
	if r.auth == transport.AuthSCIM && c.scimKey.IsZero() {
		return nil, ErrNoSCIMKey
	}
	pathOnly, _, _ := strings.Cut(r.path, "?")
	u, err := c.url(r)
	if err != nil {
		return nil, err
	}
	body, contentType, err := encodeBody(r)
	if err != nil {
		return nil, fmt.Errorf("postman: %s %s: encoding the request body: %w", r.method, pathOnly, err)
	}
	op := operationOf(r, pathOnly)
	call, callCtx := transport.StartCall(ctx, transport.Call{
		Method:       r.method,
		Path:         pathOnly,
		Operation:    op.ID,
		Template:     op.Template,
		Idempotent:   transport.IsIdempotent(r.method),
		RetryWrites:  c.retryWrites,
		Auth:         r.auth,
		Timeout:      r.timeout,
		MaxBody:      c.maxBody,
		MaxErrorBody: c.maxErrors,
	})
	if c.observer != nil {
		var info CallInfo
		callCtx, info = c.startCall(callCtx, call)
		defer func() { c.endCall(callCtx, info, call, resp, err) }()
	}
	// An empty body goes as an untyped nil: a []byte(nil) would become a
	// non-nil Body of unknown length, which net/http probes with a
	// goroutine and a 200 ms timer on every GET, and sends chunked on POST.
	var rawBody any
	if len(body) > 0 {
		rawBody = body
	}
	req, err := retryablehttp.NewRequestWithContext(callCtx, r.method, u, rawBody)
	if err != nil {
		// Without the URL: a parse error quotes it whole, query included.
		return nil, fmt.Errorf("postman: %s %s: %w", r.method, pathOnly, transport.StripURL(err))
	}
	for k, vs := range r.header {
		req.Header[k] = vs
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	if len(body) > 0 || r.contentType != "" {
		// A content type the service chose explicitly goes out even with an
		// empty body: some endpoints require the header itself.
		req.Header.Set("Content-Type", contentType)
	}
	req.SetResponseHandler(call.ReadResponse)

	start := time.Now()
	httpResp, err := c.http.Do(req)
	if err != nil {
		return nil, c.transportError(ctx, call, err)
	}
	if !call.BodyRead {
		if err := call.ReadResponse(httpResp); err != nil {
			return nil, c.transportError(ctx, call, err)
		}
	}
	resp = newResponse(httpResp, call.Attempts)
	resp.RequestID = c.scrub(resp.RequestID)
	if len(call.Body) > 0 {
		resp.Raw = call.Body
	}
	c.logCall(call, resp, time.Since(start))
	if httpResp.StatusCode < 200 || httpResp.StatusCode > 299 {
		return resp, c.newError(call, httpResp, call.Body)
	}
	c.policy.Settle(call, true)
	decode := decodeResult
	if r.named {
		decode = decodeInto
	}
	if err := decode(call.Body, out); err != nil {
		return resp, &DecodeError{StatusCode: httpResp.StatusCode, Method: call.Method, Path: call.Path,
			RequestID: resp.RequestID, Operation: call.Operation, Excerpt: c.excerpt(call.Body), Err: err}
	}
	return resp, nil
}

// url joins the base URL, the request path and its encoded options.
func (c *Client) url(r *request) (string, error) {
	p, rawQuery, _ := strings.Cut(r.path, "?")
	// The base URL has no user info, query or fragment (parseBaseURL), so
	// this is its String(), built in the same single allocation as the rest.
	b := c.baseURL
	if rawQuery == "" && isNil(r.query) {
		return b.Scheme + "://" + b.Host + b.EscapedPath() + p, nil
	}
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return "", fmt.Errorf("postman: %w: query of %q: %v", ErrInvalidArgument, p, err)
	}
	if !isNil(r.query) {
		q, err := query.Values(r.query)
		if err != nil {
			return "", fmt.Errorf("postman: %w: encoding options: %v", ErrInvalidArgument, err)
		}
		for k, vs := range q {
			values[k] = append(values[k], vs...)
		}
	}
	if len(values) == 0 {
		return b.Scheme + "://" + b.Host + b.EscapedPath() + p, nil
	}
	return b.Scheme + "://" + b.Host + b.EscapedPath() + p + "?" + values.Encode(), nil
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// encodeBody turns the request body into bytes, so that every retry sends
// it again whole.
func encodeBody(r *request) ([]byte, string, error) {
	contentType := r.contentType
	if contentType == "" {
		contentType = "application/json"
	}
	switch b := r.body.(type) {
	case nil:
		return nil, "", nil
	case []byte:
		return b, contentType, nil
	case json.RawMessage:
		return b, contentType, nil
	case io.Reader:
		data, err := io.ReadAll(b)
		return data, contentType, err
	}
	if isNil(r.body) {
		return nil, "", nil
	}
	data, err := json.Marshal(r.body)
	return data, contentType, err
}

// decodeInto decodes a success body into out.
func decodeInto(body []byte, out any) error {
	switch o := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*o = body
		return nil
	case *json.RawMessage:
		*o = body
		return nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if body[0] == '<' {
		return errors.New("the server sent an HTML page, not JSON")
	}
	return json.Unmarshal(body, out)
}

// transportError reports a failed call without the URL: url.Error prints
// the whole URL, query included (a collection access key travels there).
func (c *Client) transportError(ctx context.Context, call *transport.Call, err error) error {
	// Strip the URL first: the context's error below must not carry the
	// url.Error's text along with it.
	err = transport.StripURL(err)
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", ctxErr, err)
	}
	if c.logger != nil {
		c.logger.Warn("postman: call failed", slog.String("operation", call.Operation), slog.String("method", call.Method), slog.String("path", call.Path),
			slog.Int("attempts", call.Attempts), slog.String("error", err.Error()))
	}
	return fmt.Errorf("postman: %s %s: %w", call.Method, call.Path, err)
}

func (c *Client) logCall(call *transport.Call, resp *Response, d time.Duration) {
	if c.logger == nil {
		return
	}
	c.logger.Debug("postman: call", slog.String("operation", call.Operation), slog.String("method", call.Method), slog.String("path", call.Path),
		slog.Int("status", resp.StatusCode), slog.Int("attempts", call.Attempts), slog.Duration("duration", d),
		slog.String("request_id", resp.RequestID))
}
