package postman

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/transport"
)

// scimCanaryKey is the SCIM key of the fault suite: like canaryKey, a
// test fails if it ever shows up in an error, a log record or a panic.
const scimCanaryKey = "SCIM-CANARY-fedcba9876543210-SECRET"

// fault is one scenario of the fault suite: a server that misbehaves in
// one way (over real loopback sockets), one call, and what the client
// must do about it. The same scenarios run in TestFaults and, with the
// canary checks and a logger, in TestCanaryFaultSuite.
type fault struct {
	name   string
	method string // the call's method (GET if empty)
	path   string // the call's path ("/me" if empty; "/scim/…" uses the SCIM key)
	opts   []Option
	// realSleep keeps the retry waits real instead of recorded only.
	realSleep bool
	// setup adjusts the client before the call, for the settings no
	// option reaches.
	setup func(c *Client)
	// start starts the server(s) and returns the client's base URL, and
	// options the client needs to reach it (a TLS client).
	start func(t *testing.T, env *faultEnv) (string, []Option)
	// call overrides the default call (c.Do with a small JSON body for
	// methods that take one).
	call  func(ctx context.Context, c *Client, env *faultEnv) (*Response, error)
	check func(t *testing.T, r *faultRun)
}

// faultEnv is shared by a scenario's servers, client and checks.
type faultEnv struct {
	hits      atomic.Int32 // requests (or connections) the main server saw
	otherHits atomic.Int32 // requests another server saw (redirect targets)
	keySeen   atomic.Bool  // a credential reached the other server
	written   atomic.Int64 // bytes a streaming server managed to write
	cancel    context.CancelFunc
	client    *Client

	mu      sync.Mutex
	onRetry func(ev transport.RetryEvent)
	paths   []string
	// served is closed by a scenario's server once it has sent what the
	// scenario is about (see signal), so that a test acts on the server's
	// progress rather than after a guess at how long it takes.
	served chan struct{}
	// conns is the last state of each connection the scenario's httptest
	// servers hold open (see track).
	conns map[net.Conn]http.ConnState
}

// servedCh returns the channel signal closes.
func (e *faultEnv) servedCh() chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.served == nil {
		e.served = make(chan struct{})
	}
	return e.served
}

// signal tells the scenario that the server has sent what it is about
// (its first request, the start of a body); only the first call counts.
func (e *faultEnv) signal() {
	ch := e.servedCh()
	select {
	case <-ch:
	default:
		close(ch)
	}
}

// hit counts a request of the main server and returns its number, from 1.
func (e *faultEnv) hit(r *http.Request) int {
	e.mu.Lock()
	e.paths = append(e.paths, r.URL.Path)
	e.mu.Unlock()
	return int(e.hits.Add(1))
}

// otherHit counts a request of another server and whether it carried a key.
func (e *faultEnv) otherHit(r *http.Request) {
	e.otherHits.Add(1)
	if r.Header.Get("X-Api-Key") != "" || r.Header.Get("Authorization") != "" {
		e.keySeen.Store(true)
	}
}

// track makes e follow the connections of srv, which is not started yet,
// until they close, so that runFault can tell whether the client left one
// open. A hijacked connection counts as closed: the handler that took it
// over closes (or resets) it itself. A ConnState hook already set still runs.
func (e *faultEnv) track(srv *httptest.Server) {
	next := srv.Config.ConnState
	srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
		e.mu.Lock()
		if e.conns == nil {
			e.conns = map[net.Conn]http.ConnState{}
		}
		if s == http.StateClosed || s == http.StateHijacked {
			delete(e.conns, c)
		} else {
			e.conns[c] = s
		}
		e.mu.Unlock()
		if next != nil {
			next(c, s)
		}
	}
}

// openConns returns the states of the tracked connections still open.
func (e *faultEnv) openConns() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var open []string
	for _, s := range e.conns {
		open = append(open, s.String())
	}
	return open
}

// connCloseWait bounds the wait for a server to close a connection the
// client dropped: the server notices at its next read (EOF) or write
// (reset), at once unless the machine is very busy.
const connCloseWait = 5 * time.Second

// assertConnsClosed fails unless every connection of the scenario's
// servers ends soon: a body the client neither read to the end nor closed
// would keep its connection, and its server handler, alive.
func (e *faultEnv) assertConnsClosed(t *testing.T) {
	t.Helper()
	assert.EventuallyWithT(t, func(ct *assert.CollectT) {
		assert.Empty(ct, e.openConns(), "server-side connections still open")
	}, connCloseWait, 5*time.Millisecond)
}

// faultRun is the outcome of one scenario.
type faultRun struct {
	env     *faultEnv
	c       *Client
	resp    *Response
	err     error
	events  []transport.RetryEvent
	elapsed time.Duration
	out     map[string]any
}

func (r *faultRun) hits() int { return int(r.env.hits.Load()) }

// waits are the computed waits of the retries, in order.
func (r *faultRun) waits() []time.Duration {
	var w []time.Duration
	for _, ev := range r.events {
		w = append(w, ev.Wait)
	}
	return w
}

// lockedBuffer is a log sink safe for the goroutines of a call.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runFault runs one scenario, then checks that no server connection
// outlives it; with canary, it also logs every record into a buffer and
// asserts that neither key ever shows up.
func runFault(t *testing.T, f fault, canary bool) {
	t.Helper()
	env := &faultEnv{}
	base, opts := f.start(t, env)
	opts = append(append(opts, WithSCIMKey(scimCanaryKey)), f.opts...)
	logs := &lockedBuffer{}
	if canary {
		opts = append(opts, WithLogger(slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	}
	c := newTestClient(t, base, opts...)
	env.client = c
	if f.realSleep {
		c.policy.Sleep = nil
	}
	if f.setup != nil {
		f.setup(c)
	}
	run := &faultRun{env: env, c: c}
	logRetry := c.policy.OnRetry
	c.policy.OnRetry = func(ev transport.RetryEvent) {
		run.events = append(run.events, ev)
		if logRetry != nil {
			logRetry(ev)
		}
		env.mu.Lock()
		hook := env.onRetry
		env.mu.Unlock()
		if hook != nil {
			hook(ev)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	env.cancel = cancel

	var panicked any
	start := time.Now()
	func() {
		defer func() { panicked = recover() }()
		if f.call != nil {
			run.resp, run.err = f.call(ctx, c, env)
			return
		}
		method := f.method
		if method == "" {
			method = http.MethodGet
		}
		path := f.path
		if path == "" {
			path = "/me"
		}
		var body any
		if method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch {
			body = map[string]string{"name": "canary test"}
		}
		run.resp, run.err = c.Do(ctx, method, path, body, &run.out)
	}()
	run.elapsed = time.Since(start)

	if canary {
		assertNoSecrets(t, run, logs.String(), panicked)
	}
	require.Nil(t, panicked, "the call panicked")
	if run.resp != nil && run.resp.Request != nil {
		assert.Empty(t, run.resp.Request.Header.Get("X-Api-Key"), "Response.Request carries no credential")
		assert.Empty(t, run.resp.Request.Header.Get("Authorization"), "Response.Request carries no credential")
	}
	f.check(t, run)
	// Idle keep-alive connections are the pool's to keep; once they are
	// closed, no connection may be left.
	c.CloseIdleConnections()
	env.assertConnsClosed(t)
}

// assertNoSecrets fails when either canary key appears in the error (its
// text and every fmt verb), the client, the response, the log or a panic.
func assertNoSecrets(t *testing.T, r *faultRun, logs string, panicked any) {
	t.Helper()
	var texts []string
	add := func(what string, v any) {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			texts = append(texts, what+" "+verb+": "+fmt.Sprintf(verb, v))
		}
	}
	if r.err != nil {
		texts = append(texts, "Error(): "+r.err.Error())
		add("error", r.err)
		var apiErr *APIError
		if errors.As(r.err, &apiErr) {
			add("*APIError", apiErr)
			add("APIError", *apiErr)
		}
		var decErr *DecodeError
		if errors.As(r.err, &decErr) {
			add("*DecodeError", decErr)
		}
	}
	add("client", r.c)
	add("struct holding the client", struct{ Client *Client }{r.c})
	if r.resp != nil {
		// Response.Header is the server's answer as received (a server
		// that echoes the key has it there); what the SDK derives from
		// it, and the request it hands back, must not hold a key.
		add("request", r.resp.Request)
		add("request header", r.resp.Request.Header)
		add("request ID", r.resp.RequestID)
		add("rate", r.resp.Rate)
	}
	for _, ev := range r.events {
		add("retry event", ev)
	}
	texts = append(texts, "log: "+logs)
	if panicked != nil {
		add("panic", panicked)
	}
	for _, txt := range texts {
		for _, key := range []string{canaryKey, scimCanaryKey} {
			if strings.Contains(txt, key) {
				t.Errorf("a credential leaked into %.2000s", txt)
			}
			// A key cut short is still a leak.
			if strings.Contains(txt, key[:16]) {
				t.Errorf("a credential prefix leaked into %.2000s", txt)
			}
		}
	}
}

// --- servers ---------------------------------------------------------------

// okBody is the answer of a call that succeeds.
const okBody = `{"ok":true}`

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// newServer starts an httptest server for h whose connections env tracks.
func newServer(t *testing.T, env *faultEnv, h http.Handler) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	env.track(srv)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// scripted starts an httptest server that answers the main server's
// request n (from 1) with script.
func scripted(script func(n int, w http.ResponseWriter, r *http.Request)) func(*testing.T, *faultEnv) (string, []Option) {
	return scriptedEnv(func(_ *faultEnv, n int, w http.ResponseWriter, r *http.Request) { script(n, w, r) })
}

// scriptedEnv is scripted with the scenario's env, for a script that
// signals its progress.
func scriptedEnv(script func(env *faultEnv, n int, w http.ResponseWriter, r *http.Request)) func(*testing.T, *faultEnv) (string, []Option) {
	return func(t *testing.T, env *faultEnv) (string, []Option) {
		srv := newServer(t, env, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			script(env, env.hit(r), w, r)
		}))
		return srv.URL, nil
	}
}

// failFirst answers the first n requests with status, header and body,
// then 200 okBody.
func failFirst(n, status int, header http.Header, body string) func(*testing.T, *faultEnv) (string, []Option) {
	return scripted(func(i int, w http.ResponseWriter, _ *http.Request) {
		if i > n {
			writeJSON(w, 200, okBody)
			return
		}
		for k, vs := range header {
			w.Header()[k] = vs
		}
		writeJSON(w, status, body)
	})
}

// always answers every request with status, header and body.
func always(status int, header http.Header, body string) func(*testing.T, *faultEnv) (string, []Option) {
	return failFirst(1<<30, status, header, body)
}

// rawServer starts a raw TCP server: each connection carries one request,
// which serve answers (or not) by writing to the connection; n counts
// connections from 1. It closes every connection itself, so runFault's
// connection check has nothing to follow there.
func rawServer(serve func(n int, conn *net.TCPConn, req *http.Request)) func(*testing.T, *faultEnv) (string, []Option) {
	return func(t *testing.T, env *faultEnv) (string, []Option) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		var wg sync.WaitGroup
		wg.Go(func() {
			for {
				conn, err := ln.Accept()
				if err != nil {
					return
				}
				wg.Go(func() {
					defer conn.Close()
					req, err := http.ReadRequest(bufio.NewReader(conn))
					if err != nil {
						return
					}
					_, _ = io.Copy(io.Discard, req.Body)
					serve(env.hit(req), conn.(*net.TCPConn), req)
				})
			}
		})
		t.Cleanup(func() {
			_ = ln.Close()
			wg.Wait()
		})
		return "http://" + ln.Addr().String(), nil
	}
}

// writeRaw writes a whole HTTP/1.1 answer on conn and closes it.
func writeRaw(conn net.Conn, status int, body string) {
	_, _ = fmt.Fprintf(conn, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		status, http.StatusText(status), len(body), body)
}

// reset aborts conn with a TCP RST.
func reset(conn *net.TCPConn) {
	_ = conn.SetLinger(0)
	_ = conn.Close()
}

// quietLog discards a test server's own log (TLS handshake errors).
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }

// quietTLS starts a TLS httptest server whose handshake errors are not
// logged and whose connections env tracks.
func quietTLS(t *testing.T, env *faultEnv, h http.Handler) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = quietLog()
	env.track(srv)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// forMethods makes one scenario per method.
func forMethods(methods []string, f func(method string) fault) []fault {
	out := make([]fault, 0, len(methods))
	for _, m := range methods {
		sc := f(m)
		sc.method = m
		sc.name = sc.name + "/" + m
		out = append(out, sc)
	}
	return out
}

var (
	allMethods   = []string{"GET", "HEAD", "PUT", "DELETE", "POST", "PATCH"}
	writeMethods = []string{"POST", "PATCH"}
)

func isIdempotent(method string) bool { return transport.IsIdempotent(method) }

// faultSuite is every scenario of the suite.
func faultSuite() []fault {
	var all []fault
	for _, part := range [][]fault{retryFaults(), statusFaults(), cancelFaults(), bodyFaults(), gzipFaults(), redirectFaults(), scimFaults()} {
		all = append(all, part...)
	}
	return all
}

// TestConnTrackingSeesALeak makes sure the suite's connection check is
// not vacuous: a response body left open keeps its connection through
// CloseIdleConnections, and the tracker reports it until the body is closed.
func TestConnTrackingSeesALeak(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := always(200, nil, okBody)(t, env)
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	resp, err := (&http.Client{Transport: tr}).Get(base + "/me")
	require.NoError(t, err)
	tr.CloseIdleConnections()
	assert.Never(t, func() bool { return len(env.openConns()) == 0 }, 100*time.Millisecond, 5*time.Millisecond,
		"a body left open keeps its connection")
	require.NoError(t, resp.Body.Close())
	env.assertConnsClosed(t)
}

func TestFaults(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, f := range faultSuite() {
		require.False(t, seen[f.name], "duplicate scenario %s", f.name)
		seen[f.name] = true
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			runFault(t, f, false)
		})
	}
}
