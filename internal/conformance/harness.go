// Package conformance is the SDK's spec-conformance test harness: an HTTP
// server that routes every request by the Postman OpenAPI description
// (testdata/openapi.yaml), validates it (path, method, parameters,
// headers, security, body), answers with the operation's example response,
// validates that answer too, and records which operations ran. Tests use
// it through New; it is not part of the SDK's API.
package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Operation identifies an operation of the description.
type Operation struct {
	ID     string
	Method string
	Path   string // the path template, e.g. /workspaces/{workspaceId}
}

// Key is the operation's method and path template with parameter names
// removed, the form the //postman:operation markers are compared in.
func (o Operation) Key() string { return NormalizeKey(o.Method, o.Path) }

var paramName = regexp.MustCompile(`\{[^}]*\}`)

// NormalizeKey returns "METHOD /path/{}" for a method and path template.
func NormalizeKey(method, path string) string {
	p := strings.TrimSuffix(paramName.ReplaceAllString(path, "{}"), "/")
	if p == "" {
		p = "/"
	}
	return strings.ToUpper(method) + " " + p
}

// spec is the loaded description, shared by every harness of the process.
type spec struct {
	doc    *openapi3.T
	router routers.Router
	ops    map[string]Operation // by operationId
}

var (
	loadOnce   sync.Once
	loaded     *spec
	loadErr    error
	specPath   = "testdata/openapi.yaml"
	exercisedM sync.Mutex
	exercised  = map[string]Operation{} // by Key
)

// SetSpecPath changes where the description is read from (relative to the
// test's working directory); call it from TestMain before any New.
func SetSpecPath(p string) { specPath = p }

func load() (*spec, error) {
	loadOnce.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromFile(specPath)
		if err != nil {
			loadErr = fmt.Errorf("conformance: loading %s: %w", specPath, err)
			return
		}
		router, err := gorillamux.NewRouter(doc)
		if err != nil {
			loadErr = fmt.Errorf("conformance: routing %s: %w", specPath, err)
			return
		}
		s := &spec{doc: doc, router: router, ops: map[string]Operation{}}
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				s.ops[op.OperationID] = Operation{ID: op.OperationID, Method: method, Path: path}
			}
		}
		loaded = s
	})
	return loaded, loadErr
}

// Operations returns every operation of the description.
func Operations() ([]Operation, error) {
	s, err := load()
	if err != nil {
		return nil, err
	}
	ops := make([]Operation, 0, len(s.ops))
	for _, op := range s.ops {
		ops = append(ops, op)
	}
	slices.SortFunc(ops, func(a, b Operation) int { return strings.Compare(a.Key(), b.Key()) })
	return ops, nil
}

// Exercised returns the operations that some harness of this process
// served a valid request for.
func Exercised() map[string]Operation {
	exercisedM.Lock()
	defer exercisedM.Unlock()
	out := make(map[string]Operation, len(exercised))
	for k, v := range exercised {
		out[k] = v
	}
	return out
}

// Responder answers one request in place of the operation's example; its
// answer is still validated against the description.
type Responder func(w http.ResponseWriter, r *http.Request)

// Harness is a validating fake of the Postman API for one test.
type Harness struct {
	// URL is the base URL to give the client.
	URL string

	t      testing.TB
	spec   *spec
	server *httptest.Server

	mu        sync.Mutex
	overrides map[string]Responder // by operationId
	status    map[string]int       // by operationId: which documented status to answer
	ran       []string             // operationIds in request order
	requests  []*http.Request
	bodies    [][]byte
}

// New starts a harness for t; it closes when the test ends. Every request
// that does not validate, and every answer that does not, fails t.
func New(t testing.TB) *Harness {
	t.Helper()
	s, err := load()
	if err != nil {
		t.Fatal(err)
	}
	h := &Harness{t: t, spec: s, overrides: map[string]Responder{}, status: map[string]int{}}
	h.server = httptest.NewServer(http.HandlerFunc(h.serve))
	h.URL = h.server.URL
	t.Cleanup(h.server.Close)
	return h
}

// Respond makes the harness answer operationID with fn.
func (h *Harness) Respond(operationID string, fn Responder) {
	h.mustKnow(operationID)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.overrides[operationID] = fn
}

// Status makes the harness answer operationID with the example of another
// documented status (e.g. 404 or 202).
func (h *Harness) Status(operationID string, status int) {
	h.mustKnow(operationID)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.status[operationID] = status
}

func (h *Harness) mustKnow(operationID string) {
	h.t.Helper()
	if _, ok := h.spec.ops[operationID]; !ok {
		h.t.Fatalf("conformance: no operation %q in the description", operationID)
	}
}

// Ran returns the operationIds served, in order.
func (h *Harness) Ran() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.ran)
}

// LastRequest returns the last request served and its body.
func (h *Harness) LastRequest() (*http.Request, []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.requests) == 0 {
		return nil, nil
	}
	return h.requests[len(h.requests)-1], h.bodies[len(h.bodies)-1]
}

// Requests returns every request served.
func (h *Harness) Requests() []*http.Request {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.requests)
}

func (h *Harness) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	// Route against the description's own server, whatever port we are on.
	routed := r.Clone(context.Background())
	routed.URL.Scheme, routed.URL.Host, routed.Host = "https", "api.postman.com", "api.postman.com"
	routed.Body = io.NopCloser(bytes.NewReader(body))
	route, params, err := h.spec.router.FindRoute(routed)
	if err != nil {
		h.t.Errorf("conformance: %s %s matches no operation: %v", r.Method, r.URL.Path, err)
		http.Error(w, `{"error":{"name":"notFound","message":"no such operation"}}`, http.StatusNotFound)
		return
	}
	op := route.Operation
	input := &openapi3filter.RequestValidationInput{
		Request:    routed,
		PathParams: params,
		Route:      route,
		Options:    validationOptions(),
	}
	if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
		h.t.Errorf("conformance: %s (%s %s): request does not conform: %v", op.OperationID, r.Method, r.URL.RequestURI(), err)
		http.Error(w, `{"type":"invalidRequest","title":"request does not conform to the description"}`, http.StatusUnprocessableEntity)
		return
	}
	h.mu.Lock()
	h.ran = append(h.ran, op.OperationID)
	h.requests = append(h.requests, r)
	h.bodies = append(h.bodies, body)
	override := h.overrides[op.OperationID]
	status := h.status[op.OperationID]
	h.mu.Unlock()
	exercisedM.Lock()
	o := h.spec.ops[op.OperationID]
	exercised[o.Key()] = o
	exercisedM.Unlock()

	rec := httptest.NewRecorder()
	if override != nil {
		override(rec, r)
	} else if err := writeExample(rec, op, status); err != nil {
		h.t.Errorf("conformance: %s: %v", op.OperationID, err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	result := rec.Result()
	out, _ := io.ReadAll(result.Body)
	if !knownBadExamples[op.OperationID] {
		respInput := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: input,
			Status:                 result.StatusCode,
			Header:                 result.Header,
			Body:                   io.NopCloser(bytes.NewReader(out)),
			Options:                validationOptions(),
		}
		if err := openapi3filter.ValidateResponse(context.Background(), respInput); err != nil {
			h.t.Errorf("conformance: %s: answer %d does not conform: %v", op.OperationID, result.StatusCode, err)
		}
	}
	for k, vs := range result.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(result.StatusCode)
	_, _ = w.Write(out)
}

// knownBadExamples are operations whose documented example does not match
// their own schema; their answers are not validated.
var knownBadExamples = map[string]bool{
	// createdAt/updatedAt "2019-02-12 19:34:49" is not a date-time.
	"getStatusOfAnAsyncTask":    true,
	"getStatusOfAnAsyncApiTask": true,
}

func validationOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		MultiError:         true,
		AuthenticationFunc: authenticate,
		RegexCompiler:      compileRegex,
		// Parameters are validated with these options, not RegexCompiler.
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.SetSchemaRegexCompiler(compileRegex)},
	}
}

// authenticate accepts a request that carries the credential its
// operation's security scheme names.
func authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	scheme := in.SecurityScheme
	switch scheme.Type {
	case "apiKey":
		if in.RequestValidationInput.Request.Header.Get(scheme.Name) == "" {
			return fmt.Errorf("missing %s header", scheme.Name)
		}
		return nil
	case "http":
		if in.RequestValidationInput.Request.Header.Get("Authorization") == "" {
			return fmt.Errorf("missing Authorization header")
		}
		return nil
	}
	return fmt.Errorf("unsupported security scheme %q", scheme.Type)
}

// goRegexp is what compileRegex returns: a Go regexp, or nothing for the
// few patterns of the description that use lookaheads Go cannot compile.
type goRegexp struct{ re *regexp.Regexp }

func (g goRegexp) MatchString(s string) bool { return g.re == nil || g.re.MatchString(s) }

func compileRegex(expr string) (openapi3.RegexMatcher, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return goRegexp{}, nil
	}
	return goRegexp{re: re}, nil
}

// writeExample answers with the example of the operation's response of
// the given status (or of its first success status).
func writeExample(w http.ResponseWriter, op *openapi3.Operation, status int) error {
	code, ref := pickResponse(op, status)
	if ref == nil || ref.Value == nil {
		return fmt.Errorf("no documented response %d", status)
	}
	resp := ref.Value
	// Documented headers (a 302's Location, a 202's task link) go out with
	// their example values, so that clients can follow them.
	for name, hdr := range resp.Headers {
		if hdr == nil || hdr.Value == nil || hdr.Value.Schema == nil || hdr.Value.Schema.Value == nil {
			continue
		}
		if ex := hdr.Value.Schema.Value.Example; ex != nil {
			w.Header().Set(name, fmt.Sprint(ex))
		} else if hdr.Value.Example != nil {
			w.Header().Set(name, fmt.Sprint(hdr.Value.Example))
		}
	}
	if len(resp.Content) == 0 {
		w.WriteHeader(code)
		return nil
	}
	ctype, media := pickMedia(resp.Content)
	body, err := exampleOf(media)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(code)
	_, err = w.Write(body)
	return err
}

func pickResponse(op *openapi3.Operation, status int) (int, *openapi3.ResponseRef) {
	if status != 0 {
		return status, op.Responses.Status(status)
	}
	codes := []int{}
	for k := range op.Responses.Map() {
		if c, err := strconv.Atoi(k); err == nil && c >= 200 && c < 300 {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	if len(codes) == 0 {
		return 0, nil
	}
	return codes[0], op.Responses.Status(codes[0])
}

func pickMedia(content openapi3.Content) (string, *openapi3.MediaType) {
	for _, ct := range []string{"application/json", "application/problem+json", "application/vnd.api.v10+json"} {
		if m := content.Get(ct); m != nil {
			return ct, m
		}
	}
	keys := make([]string, 0, len(content))
	for k := range content {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys[0], content[keys[0]]
}

// exampleOf returns the media type's first example (by name), its single
// example, or one built from the schema's own examples.
func exampleOf(m *openapi3.MediaType) ([]byte, error) {
	if len(m.Examples) > 0 {
		names := make([]string, 0, len(m.Examples))
		for n := range m.Examples {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			if ex := m.Examples[n]; ex != nil && ex.Value != nil {
				return encodeExample(ex.Value.Value)
			}
		}
	}
	if m.Example != nil {
		return encodeExample(m.Example)
	}
	if m.Schema != nil {
		return encodeExample(Synthesize(m.Schema.Value, 0))
	}
	return []byte("{}"), nil
}

func encodeExample(v any) ([]byte, error) {
	if s, ok := v.(string); ok {
		return []byte(s), nil
	}
	return json.Marshal(v)
}
