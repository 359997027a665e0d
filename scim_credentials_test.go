package postman

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCredentialFollowsTheSentPath: the key a request carries is decided
// from the path actually sent, as the server reads it (unescaped, any
// case), and a redirect never crosses between /scim and the rest.
func TestCredentialFollowsTheSentPath(t *testing.T) {
	t.Parallel()
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", postmanURL+"/me", redirectTo("/scim/v2/Users"))
	mock.RegisterResponder("GET", postmanURL+"/scim/v2/Groups", redirectTo("/me"))
	mock.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
	spy := &spyTransport{next: mock}
	c := newTestClient(t, postmanURL, WithHTTPClient(&http.Client{Transport: spy}), WithSCIMKey(conformanceSCIMKey), WithMaxRetries(0))

	for _, path := range []string{"/me", "/scim/v2/Groups"} {
		_, err := c.Do(t.Context(), "GET", path, nil, nil)
		require.ErrorIs(t, err, ErrRedirect, "%s: a redirect across /scim is refused", path)
	}
	for _, path := range []string{"/%73cim/v2/Users", "/SCIM/v2/Users", "/%2573cim/v2/Users"} {
		_, err := c.Do(t.Context(), "GET", path, nil, nil)
		require.NoError(t, err, path)
	}
	seen := spy.requests()
	require.Len(t, seen, 5, "two refused hops were never sent: %v", seen)
	assert.Equal(t, canaryKey, seen[0].key, "/me")
	for _, r := range seen[1:] {
		assert.Empty(t, r.key, "no API key to %s", r.url)
		assert.Equal(t, "Bearer "+conformanceSCIMKey, r.auth, r.url)
	}

	// Without a SCIM key, such a path gets no key at all, and no request.
	noSCIM := newTestClient(t, postmanURL, WithHTTPClient(&http.Client{Transport: spy}), WithMaxRetries(0))
	_, err := noSCIM.Do(t.Context(), "GET", "/%73cim/v2/Users", nil, nil)
	require.ErrorIs(t, err, ErrNoSCIMKey)
	assert.Len(t, spy.requests(), 5, "nothing sent")
}
