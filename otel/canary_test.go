package postmanotel_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/postman-go/postman"
	postmanotel "github.com/postman-go/postman/otel"
)

// Canaries of what must never reach telemetry besides the key: an ID in
// a path, a query value (collection access keys travel there) and a body.
const (
	canaryID    = "CANARY-ID-7f3e2a"
	canaryQuery = "CANARY-QUERY-PMAT-51d0"
	canaryBody  = "CANARY-BODY-c0ffee"
)

// answer returns an answer of status with body and header.
func answer(status int, body string, header ...string) *http.Response {
	h := http.Header{"Content-Type": {"application/json"}}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}
}

// echo answers with everything the request carried: its URL with the
// query, its headers (the key among them) and its body, in the error's
// fields and in the request ID header.
func echo(status int) func(int, *http.Request) (*http.Response, error) {
	return func(_ int, req *http.Request) (*http.Response, error) {
		var body []byte
		if req.Body != nil {
			body, _ = io.ReadAll(req.Body)
		}
		hdr, _ := json.Marshal(req.Header)
		msg, _ := json.Marshal(req.URL.String() + " " + string(hdr) + " " + string(body))
		name, _ := json.Marshal(req.Header.Get("X-Api-Key"))
		return answer(status, `{"error":{"name":`+string(name)+`,"message":`+string(msg)+`}}`,
			"X-Request-Id", req.Header.Get("X-Api-Key")+"?"+req.URL.RawQuery, "Location", req.URL.String()), nil
	}
}

// canaryScenarios are the fault scenarios of the canary test: each
// scripts the transport's answers.
var canaryScenarios = []struct {
	name   string
	script func(n int, req *http.Request) (*http.Response, error)
	opts   []postman.Option
}{
	{name: "success"},
	{name: "429 with Retry-After", script: func(n int, _ *http.Request) (*http.Response, error) {
		if n%2 == 1 {
			return answer(429, `{"error":{"name":"rateLimited","message":"Rate limit exceeded. Please retry after 2 seconds."}}`,
				"Retry-After", "2", "RateLimit-Limit", "300", "RateLimit-Remaining", "0"), nil
		}
		return nil, nil
	}},
	{name: "503 storm", script: func(int, *http.Request) (*http.Response, error) {
		return answer(503, `{"type":"https://api.postman.com/problems/service-unavailable","title":"Service Unavailable","status":503}`, "Retry-After", "1"), nil
	}},
	{name: "reset", script: func(n int, _ *http.Request) (*http.Response, error) {
		if n%2 == 1 {
			return nil, &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
		}
		return nil, nil
	}},
	{name: "quota exhausted", script: func(int, *http.Request) (*http.Response, error) {
		return answer(429, `{"error":{"name":"serviceLimitExhausted","message":"You've reached the limit for the Postman API usage in your plan."}}`,
			"RateLimit-Limit-Month", "1000", "RateLimit-Remaining-Month", "0"), nil
	}},
	{name: "server echoes the request in a 400", script: echo(400)},
	{name: "server echoes the request in a redirect", script: echo(302)},
	{name: "limiter refuses", opts: []postman.Option{postman.WithLimiter(sleepingLimiter{d: time.Hour})}},
}

// TestNothingSecretInTelemetry runs each fault scenario with three calls
// (a service call with an ID, a Do call with an access key in its query,
// a POST with a body), trace context propagation on, and fails if the
// key, the ID, the query or the body shows up anywhere in the spans
// (names, attributes, events, statuses) or the metrics.
func TestNothingSecretInTelemetry(t *testing.T) {
	srv := newServer(t)
	for _, sc := range canaryScenarios {
		t.Run(sc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				opts := append([]postman.Option{postman.WithRetryWrites()}, sc.opts...)
				r := newRig(t, srv, []postmanotel.Option{postmanotel.WithPropagators(propagation.TraceContext{})}, opts...)
				r.rt.setScript(sc.script)
				ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
				defer cancel()
				_, _, errGet := r.client.Collections.Get(ctx, canaryID, nil)
				_, errDo := r.client.Do(ctx, "GET", "/collections/"+canaryID+"?access_key="+canaryQuery, nil, nil)
				_, errPost := r.client.Do(ctx, "POST", "/collections", map[string]any{"collection": map[string]any{"info": map[string]string{"name": canaryBody}}}, nil)
				t.Log(errGet, errDo, errPost)

				calls, _ := r.callSpans()
				require.Len(t, calls, 3, "every call has its span")
				dump := dumpTelemetry(t, r)
				for what, canary := range map[string]string{"API key": canaryKey[:16], "path ID": canaryID, "query": canaryQuery,
					"query key": "access_key", "body": canaryBody} {
					assert.NotContains(t, dump, canary, "the %s reached the telemetry", what)
				}
			})
		})
	}
}

// dumpTelemetry renders every span and every metric of r as JSON and
// with fmt.
func dumpTelemetry(t *testing.T, r *rig) string {
	t.Helper()
	var b bytes.Buffer
	stubs := tracetest.SpanStubsFromReadOnlySpans(r.ended())
	data, err := json.Marshal(stubs)
	require.NoError(t, err)
	b.Write(data)
	fmt.Fprintf(&b, "%+v\n", stubs)
	rm := r.collect()
	data, err = json.Marshal(rm)
	require.NoError(t, err)
	b.Write(data)
	fmt.Fprintf(&b, "%+v\n", rm)
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			for _, p := range points(m) {
				fmt.Fprintf(&b, "%s %v\n", m.Name, p.attrs)
			}
		}
	}
	return b.String()
}

// TestCanaryDumpSeesWhatIsThere makes sure the canary test is not
// vacuous: a span attribute holding the key is found in the dump.
func TestCanaryDumpSeesWhatIsThere(t *testing.T) {
	srv := newServer(t)
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, srv, nil, postman.WithoutRateLimit())
		obsWithLeak := &leakyObserver{Observer: r.obs}
		c, err := postman.NewClient(canaryKey, postman.WithBaseURL(srv.URL), postman.WithHTTPClient(&http.Client{Transport: r.rt}),
			postman.WithObserver(obsWithLeak), postman.WithoutRateLimit())
		require.NoError(t, err)
		_, err = c.Do(t.Context(), "GET", "/collections/"+canaryID+"?access_key="+canaryQuery, nil, nil)
		require.Error(t, err)
		dump := dumpTelemetry(t, r)
		assert.Contains(t, dump, canaryID, "the dump shows span attributes")
	})
}

// leakyObserver records the concrete path, which the real one never does.
type leakyObserver struct{ *postmanotel.Observer }

func (o *leakyObserver) StartCall(ctx context.Context, call postman.CallInfo) context.Context {
	call.Operation.ID = call.Path
	return o.Observer.StartCall(ctx, call)
}
