package postman

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
	"github.com/postman-go/postman/internal/transport"
)

// canaryKey is the API key of every test client: a test fails if it ever
// shows up in an error, a log record or a formatted value.
const canaryKey = "PMAK-CANARY-0123456789abcdef-SECRET"

// conformanceSCIMKey is the SCIM key of the conformance scenarios' clients.
const conformanceSCIMKey = "SCIM-CONFORMANCE-CANARY-2468ace"

// newTestClient returns a client of baseURL with no client-side rate
// limit, and retry waits recorded but not slept, so that tests run fast.
func newTestClient(t testing.TB, baseURL string, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{WithBaseURL(baseURL), WithoutRateLimit(), WithTaskPolling(time.Millisecond, time.Millisecond), WithLogger(suiteLogger)}, opts...)
	c, err := NewClient(canaryKey, all...)
	require.NoError(t, err)
	c.policy.Sleep = func(time.Duration) time.Duration { return 0 }
	c.waits.sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// postmanURL is Postman's API, the base URL of the clients whose answers
// httpmock cans: the client's own scheme and host checks see production.
const postmanURL = "https://api.postman.com"

// newMockClient returns newTestClient of postmanURL whose every request is
// answered by the returned httpmock transport, never the network. Use it
// where a canned answer is all a test needs (decoding, error shapes,
// header parsing); real sockets stay for the fault tests.
func newMockClient(t testing.TB, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	all := append([]Option{WithHTTPClient(&http.Client{Transport: mock})}, opts...)
	return newTestClient(t, postmanURL, all...), mock
}

// redirectTo answers 302 with a Location of to.
func redirectTo(to string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(http.StatusFound, "")
		r.Header.Set("Location", to)
		return r, nil
	}
}

// recordWaits makes c record the retry waits its policy computes.
func recordWaits(c *Client) *[]time.Duration {
	var waits []time.Duration
	c.policy.OnRetry = func(ev transport.RetryEvent) {
		if ev.Err == nil {
			waits = append(waits, ev.Wait)
		}
	}
	return &waits
}

// scenarioTimeout bounds one conformance scenario.
const scenarioTimeout = 30 * time.Second

// scenario is one SDK call whose request must conform to the description
// and whose answer (the documented example) must decode.
type scenario struct {
	name string
	// setup prepares the harness (e.g. chooses another documented status).
	setup func(h *conformance.Harness)
	call  func(ctx context.Context, c *Client) error
}

// runConformance runs each scenario against the conformance harness and,
// when POSTMAN_PRISM_URL is set (the CI job does), against Stoplight Prism
// serving the same description.
func runConformance(t *testing.T, scenarios []scenario) {
	t.Helper()
	prism := os.Getenv("POSTMAN_PRISM_URL")
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			h := conformance.New(t)
			if sc.setup != nil {
				sc.setup(h)
			}
			// A scenario that polls a task Prism always answers "pending"
			// must fail, not hang the CI job.
			ctx, cancel := context.WithTimeout(t.Context(), scenarioTimeout)
			defer cancel()
			obs := &recordingObserver{}
			c := newTestClient(t, h.URL, WithSCIMKey(conformanceSCIMKey), WithObserver(obs))
			require.NoError(t, sc.call(ctx, c))
			require.NotEmpty(t, h.Ran(), "the call reached no operation")
			assertObservedOperations(t, obs, h.Ran())
			if prism != "" && sc.setup == nil {
				pc := newTestClient(t, prism, WithSCIMKey(conformanceSCIMKey))
				require.NoError(t, sc.call(ctx, pc), "against Prism")
			}
		})
	}
}
