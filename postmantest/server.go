// Package postmantest serves an in-memory, stateful fake of the Postman
// API on a loopback port, for testing tools built on package postman
// without touching the real, rate-limited API:
//
//	srv := postmantest.NewServer()
//	defer srv.Close()
//	client, _ := postman.NewClient("any-key", postman.WithBaseURL(srv.URL))
//
// It answers with Postman's envelopes, ID and UID formats, error bodies
// and pagination, and is safe for parallel tests (each test can start its
// own server). Seed it with the Add… methods and inspect what a tool sent
// with Requests.
//
// It stores and serves, consistently with each other: workspaces and
// their global variables and tags; collections (kept losslessly), their
// folders, requests and responses (the item endpoints), comments, tags,
// forks, pulls and merges; environments with their forks; mock servers
// with server responses and call logs; monitors and their runs; Spec Hub
// specifications, their files, definitions, version tags and sync
// options, the generation of collections from them and of them from
// collections, and synchronisation both ways; API Builder APIs (AddAPI:
// v10, or v9 which the endpoints refuse) and their migration to Spec Hub
// (SetAPISchema gives them what to migrate); SCIM users and groups; audit
// logs; OpenAPI imports; workspace and collection roles; teams with their
// settings, members and access requests; user groups; the billing account
// and invoices; analytics tables; the Private API Network and its add
// requests; the Package and Component libraries; SDK generation; OAuth and
// service account tokens (which then work as API keys); webhooks; Postbot
// tool generation; the Secret Scanner's detected secrets; API definition
// security validation (a small rule engine); search (POST /search) over
// the workspaces, collections, requests, environments and specs it
// stores, which also finds the public and partner workspaces of other
// teams seeded with Workspace.Publisher. Asynchronous tasks (collection
// updates and duplicates, merges, generations and synchronisations, API
// migrations to Spec Hub, async monitor runs) finish after WithTaskDelay;
// FailTasks makes them fail. Faults (5xx, rate limits, quota, plan
// gating) are injected on demand.
//
// It does not serve, and answers with a 404 naming postmantest: the API
// Builder beyond GET /apis/{apiId} and the migration (listing and
// creating APIs, schemas, versions, their collections and tasks); SDK
// Git connections. Search finds no
// workspace documents or flows, which it does not store.
//
// Each mock server also answers calls at its URL (Mock.URL, under
// <URL>/mock/<id>/) with its collection's saved examples, like a Postman
// mock server, and logs them in its call logs; those calls bypass the API
// key check (unless the mock is private), rate limits and faults.
package postmantest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/postman-go/postman/internal/record"
)

// Server is a running fake Postman API. Create it with NewServer.
type Server struct {
	// URL is the base URL to give postman.WithBaseURL, e.g. http://127.0.0.1:41234.
	URL string

	srv    *httptest.Server
	mux    *http.ServeMux
	cfg    config
	faults faults

	mu       sync.Mutex
	state    *state
	requests []Request
}

// Request is a request the server received, for assertions.
type Request struct {
	Method string
	// Path is the URL path, Query the raw query string.
	Path  string
	Query string
	// Header holds the request's headers as sent.
	Header http.Header
	Body   []byte
	// Status is the status the server answered with.
	Status int
}

// Option configures a Server.
type Option func(*config)

type config struct {
	apiKey         string
	scimKey        string
	scimDelete     bool // see WithSCIMUserDeletion
	user           User
	rateLimit      int
	rateWindow     time.Duration
	endpointLimits []endpointLimit
	taskDelay      time.Duration
}

// WithAPIKey makes the server accept only key (default: any non-empty key).
// Other keys get Postman's 401 AuthenticationError.
func WithAPIKey(key string) Option {
	return func(c *config) { c.apiKey = key }
}

// WithUser sets the authenticated user that GET /me returns.
func WithUser(u User) Option {
	return func(c *config) { c.user = u }
}

// NewServer starts a fake Postman API on 127.0.0.1 with one user and two
// workspaces ("My Workspace", personal, and "Team Workspace"). Close it
// when done.
func NewServer(opts ...Option) *Server {
	cfg := config{user: defaultUser()}
	for _, opt := range opts {
		opt(&cfg)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), state: newState(cfg.user)}
	s.faults = faults{limit: cfg.rateLimit, window: cfg.rateWindow, endpointLimits: cfg.endpointLimits,
		used: map[string]*window{}, now: time.Now}
	s.routes()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down and waits for its connections to end.
func (s *Server) Close() { s.srv.Close() }

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// serve records the request, checks the API key and dispatches.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	if record.Enabled() {
		rec.body = &bytes.Buffer{}
	}
	defer func() {
		s.mu.Lock()
		s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
			Header: r.Header.Clone(), Body: body, Status: rec.status})
		s.mu.Unlock()
		if rec.body != nil {
			// The SDK's own suite validates every answer of the fake against
			// Postman's description from these records; an error writing
			// one is the suite's to see, not the fake's.
			_ = record.Write(record.Exchange{Source: record.SourceServer, Method: r.Method, URI: r.URL.RequestURI(),
				Header: r.Header, Body: body, Status: rec.status, ResponseHeader: w.Header().Clone(), ResponseBody: rec.body.Bytes()})
		}
	}()

	if rest, ok := strings.CutPrefix(r.URL.Path, mockPathPrefix); ok {
		s.serveMockCall(rec, r, rest, body)
		return
	}
	setRateHeaders(rec)
	if !s.authorized(r) {
		writeProblem(rec, http.StatusUnauthorized, errorEnvelope("AuthenticationError", "Invalid API Key. Every request requires a valid API Key to be sent."))
		return
	}
	if s.inject(rec, r) {
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// statusRecorder remembers the status a handler answered with, and its
// body when exchanges are recorded.
type statusRecorder struct {
	http.ResponseWriter
	status int
	body   *bytes.Buffer
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.body != nil {
		r.body.Write(p)
	}
	return r.ResponseWriter.Write(p)
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (s *Server) authorized(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/scim/") {
		// SCIM takes the SCIM key as a bearer token, never the API key.
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		return ok && token != "" && r.Header.Get("X-Api-Key") == "" && (s.cfg.scimKey == "" || token == s.cfg.scimKey)
	}
	if ok, decided := s.tokenAuthorized(r); decided {
		return ok
	}
	if ok, decided := s.accessKeyAuthorized(r); decided {
		return ok
	}
	key := r.Header.Get("X-Api-Key")
	if key == "" {
		return false
	}
	return s.cfg.apiKey == "" || key == s.cfg.apiKey
}

// setRateHeaders sends the rate-limit headers Postman sends on every answer.
func setRateHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("RateLimit-Limit", "300")
	h.Set("RateLimit-Remaining", "299")
	h.Set("RateLimit-Reset", "60")
	h.Set("X-RateLimit-Limit", "300")
	h.Set("X-RateLimit-Remaining", "299")
	h.Set("RateLimit-Limit-Month", "1000000")
	h.Set("RateLimit-Remaining-Month", "989212")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	writeBody(w, status, "application/json", v)
}

// writeProblem answers with the problem content type Postman's
// description gives most error answers.
func writeProblem(w http.ResponseWriter, status int, v any) {
	writeBody(w, status, "application/problem+json", v)
}

// problem answers with an RFC 7807 problem of Postman's
// https://api.postman.com/problems/<slug> family, as most newer endpoints
// do; problemFor adds the request path as the problem's instance.
func problem(w http.ResponseWriter, status int, slug, title, detail string) {
	writeProblem(w, status, map[string]any{"type": "https://api.postman.com/problems/" + slug,
		"title": title, "status": status, "detail": detail})
}

func problemFor(w http.ResponseWriter, r *http.Request, status int, slug, title, detail string) {
	writeProblem(w, status, map[string]any{"type": "https://api.postman.com/problems/" + slug,
		"title": title, "status": status, "detail": detail, "instance": r.URL.Path})
}

func writeBody(w http.ResponseWriter, status int, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// errorEnvelope is Postman's {"error":{"name","message"}} error body.
func errorEnvelope(name, message string) map[string]any {
	return map[string]any{"error": map[string]any{"name": name, "message": message}}
}

// errorDetails is Postman's {"error":{"name","message","details"}} error
// body; details is left out when it is nil.
func errorDetails(name, message string, details any) map[string]any {
	body := errorEnvelope(name, message)
	if details != nil {
		body["error"].(map[string]any)["details"] = details
	}
	return body
}

// writeError answers Postman's {"error":{"name","message"}} body as
// application/json. Answers with details use errorDetails, those with the
// problem content type writeProblem.
func writeError(w http.ResponseWriter, status int, name, message string) {
	writeJSON(w, status, errorEnvelope(name, message))
}

// notFound answers Postman's 404 for an unknown element or route.
func notFound(w http.ResponseWriter, name, message string) {
	writeError(w, http.StatusNotFound, name, message)
}
