// Package conformance is the SDK's spec-conformance test harness: an HTTP
// server that routes every request by the operations of the Postman
// OpenAPI description (testdata/openapi.yaml, extracted into
// testdata/conformance/operations.json), answers with the operation's
// documented example, and records which operations ran. With RecordEnv
// set, it writes every exchange down; the conformance module (its own Go
// module, so that the SDK's users never download an OpenAPI validator)
// runs the SDK's tests that way and validates each request and answer
// against the description. Tests use it through New and Transport; it is
// not part of the SDK's API.
package conformance

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Operation identifies an operation of the description.
type Operation struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	Path   string `json:"path"` // the path template, e.g. /workspaces/{workspaceId}
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

var (
	exercisedM sync.Mutex
	exercised  = map[string]Operation{} // by Key
)

// markExercised records that a request reached op.
func markExercised(op Operation) {
	exercisedM.Lock()
	defer exercisedM.Unlock()
	exercised[op.Key()] = op
}

// Operations returns every operation of the description.
func Operations() ([]Operation, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	ops := make([]Operation, len(all))
	for i, op := range all {
		ops[i] = op.Operation
	}
	return ops, nil
}

// Exercised returns the operations that some harness or Transport of
// this process served a request for.
func Exercised() map[string]Operation {
	exercisedM.Lock()
	defer exercisedM.Unlock()
	return maps.Clone(exercised)
}

// Responder answers one request in place of the operation's example; its
// answer is still validated against the description (in the
// conformance module, from the recorded exchange).
type Responder func(w http.ResponseWriter, r *http.Request)

// Harness is a fake of the Postman API for one test that answers each
// operation with its documented example, and records every exchange for
// the conformance module to validate.
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

// New starts a harness for t; it closes when the test ends. A request
// that matches no operation of the description fails t; the conformance
// module validates the others, and every answer, from the recording.
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
	op, ok := h.spec.find(r.Method, r.URL.EscapedPath())
	if !ok {
		h.t.Errorf("conformance: %s %s matches no operation of the description", r.Method, r.URL.Path)
		http.Error(w, `{"error":{"name":"notFound","message":"no such operation"}}`, http.StatusNotFound)
		return
	}
	h.mu.Lock()
	h.ran = append(h.ran, op.ID)
	h.requests = append(h.requests, r)
	h.bodies = append(h.bodies, body)
	override := h.overrides[op.ID]
	status := h.status[op.ID]
	h.mu.Unlock()
	markExercised(op.Operation)

	rec := httptest.NewRecorder()
	if override != nil {
		override(rec, r)
	} else if err := writeExample(rec, op, status); err != nil {
		h.t.Errorf("conformance: %s: %v", op.ID, err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	result := rec.Result()
	out, _ := io.ReadAll(result.Body)
	if err := recordExchange(Exchange{Test: h.t.Name(), Operation: op.ID, Scripted: override != nil, Method: r.Method,
		URI: r.URL.RequestURI(), Header: r.Header, Body: body,
		Status: result.StatusCode, ResponseHeader: result.Header, ResponseBody: out}); err != nil {
		h.t.Errorf("conformance: recording: %v", err)
	}
	for k, vs := range result.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(result.StatusCode)
	_, _ = w.Write(out)
}

// writeExample answers with the documented answer of the given status
// (or of the operation's first success status).
func writeExample(w http.ResponseWriter, op *TableOperation, status int) error {
	a, ok := op.Answer(status)
	if !ok {
		return fmt.Errorf("no documented response %d", status)
	}
	for name, v := range a.Header {
		w.Header().Set(name, v)
	}
	if a.ContentType != "" {
		w.Header().Set("Content-Type", a.ContentType)
	}
	w.WriteHeader(a.Status)
	if a.ContentType == "" {
		return nil // documented without a body (a 204)
	}
	_, err := io.WriteString(w, a.Body)
	return err
}
