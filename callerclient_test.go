package postman

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seenRequest is what a transport of the caller's received.
type seenRequest struct {
	url, key, auth string
}

// spyTransport is a caller's wrapping transport (as a tracing one would
// be): it records every request that reaches it, then passes it on.
type spyTransport struct {
	next http.RoundTripper
	mu   sync.Mutex
	seen []seenRequest
}

func (s *spyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.seen = append(s.seen, seenRequest{r.URL.String(), r.Header.Get("X-Api-Key"), r.Header.Get("Authorization")})
	s.mu.Unlock()
	return s.next.RoundTrip(r)
}

func (s *spyTransport) requests() []seenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seenRequest(nil), s.seen...)
}

// TestCallersHTTPClientKeepsTheGuarantees: a client built on the caller's
// own *http.Client, here a wrapping transport over an httpmock one, keeps
// every security guarantee: a redirect to another host or to plain HTTP
// is refused before anything reaches it, the key goes only to Postman's
// host, the SCIM key only to /scim, and a plain-HTTP base URL is refused.
func TestCallersHTTPClientKeepsTheGuarantees(t *testing.T) {
	t.Parallel()
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", postmanURL+"/to-other-host", redirectTo("https://collector.example.com/steal?token=abc"))
	mock.RegisterResponder("GET", postmanURL+"/to-plain-http", redirectTo("http://api.postman.com/me"))
	mock.RegisterResponder("GET", postmanURL+"/me", httpmock.NewStringResponder(200, `{"user":{"id":1}}`))
	mock.RegisterResponder("GET", postmanURL+"/scim/v2/Users", httpmock.NewStringResponder(200, `{"Resources":[],"totalResults":0}`))
	// Whatever reaches another host or plain HTTP is a leak.
	mock.RegisterNoResponder(httpmock.NewStringResponder(200, `{"stolen":true}`))
	spy := &spyTransport{next: mock}
	c := newTestClient(t, postmanURL, WithHTTPClient(&http.Client{Transport: spy}), WithSCIMKey(conformanceSCIMKey), WithMaxRetries(0))

	for _, path := range []string{"/to-other-host", "/to-plain-http"} {
		_, err := c.Do(t.Context(), "GET", path, nil, nil)
		require.ErrorIs(t, err, ErrRedirect, path)
		assert.NotContains(t, err.Error(), "token=abc")
	}
	_, err := c.Do(t.Context(), "GET", "/me", nil, nil)
	require.NoError(t, err)
	_, err = c.Do(t.Context(), "GET", "/scim/v2/Users", nil, nil)
	require.NoError(t, err)

	seen := spy.requests()
	require.Len(t, seen, 4, "the caller's transport saw the four requests and no redirect hop: %v", seen)
	for _, r := range seen {
		assert.True(t, strings.HasPrefix(r.url, postmanURL+"/"), "only Postman's host over HTTPS: %s", r.url)
		if strings.HasPrefix(r.url, postmanURL+"/scim/") {
			assert.Empty(t, r.key, "no API key to SCIM")
			assert.Equal(t, "Bearer "+conformanceSCIMKey, r.auth)
		} else {
			assert.Equal(t, canaryKey, r.key, r.url)
			assert.Empty(t, r.auth, r.url)
		}
	}
	assert.Zero(t, mock.GetCallCountInfo()["NO_RESPONDER"], "nothing reached another host or plain HTTP")

	_, err = NewClient(canaryKey, WithBaseURL("http://api.postman.com"), WithHTTPClient(&http.Client{Transport: spy}))
	assert.ErrorIs(t, err, ErrInvalidArgument, "plain HTTP to a host that is not loopback, whatever the client")
}
