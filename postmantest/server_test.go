package postmantest_test

import (
	"bytes"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/internal/conformance"
	"github.com/postman-go/postman/postmantest"
)

func TestMain(m *testing.M) {
	conformance.SetTablePath("../testdata/conformance/operations.json")
	goleak.VerifyTestMain(m)
	_ = os.Stdout
}

// newClient returns a client of srv whose every exchange is validated
// against the Postman OpenAPI description; opts add client options.
func newClient(t *testing.T, srv *postmantest.Server, key string, opts ...postman.Option) *postman.Client {
	t.Helper()
	return newClientVia(t, srv, nil, key, opts...)
}

// newClientVia is newClient reaching srv through next (nil: over loopback).
func newClientVia(t *testing.T, srv *postmantest.Server, next http.RoundTripper, key string, opts ...postman.Option) *postman.Client {
	t.Helper()
	hc := &http.Client{Transport: &conformance.Transport{T: t, Next: next}}
	opts = append([]postman.Option{postman.WithBaseURL(srv.URL), postman.WithHTTPClient(hc), postman.WithoutRateLimit(), postman.WithMaxRetries(0)}, opts...)
	c, err := postman.NewClient(key, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { c.CloseIdleConnections(); http.DefaultTransport.(*http.Transport).CloseIdleConnections() })
	return c
}

func TestMeReportsUsage(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	me, resp, err := c.Users.GetMe(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "taylor-lee", me.User.Username)
	left, ok := me.APICallsRemaining()
	require.True(t, ok)
	assert.Equal(t, float64(1000000-10788), left)
	assert.Equal(t, 300, resp.Rate.Limit)
	assert.Equal(t, 1000000, resp.Usage.Limit)
}

func TestWrongKeyGetsAuthenticationError(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithAPIKey("right-key"))
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "wrong-key")
	_, _, err := c.Users.GetMe(t.Context())
	require.ErrorIs(t, err, postman.ErrUnauthorized)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "AuthenticationError", apiErr.Name)
}

func TestWorkspacesPaginateWithCursor(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	for i := range 7 {
		srv.AddWorkspace(postmantest.Workspace{Name: "Extra " + string(rune('A'+i)), CreatedBy: "12345678"})
	}
	c := newClient(t, srv, "any-key")

	first, resp, err := c.Workspaces.List(t.Context(), &postman.WorkspaceListOptions{CursorOptions: postman.CursorOptions{Limit: 4}})
	require.NoError(t, err)
	assert.Len(t, first, 4)
	assert.NotEmpty(t, resp.NextCursor)

	var names []string
	for ws, err := range c.Workspaces.ListIter(t.Context(), &postman.WorkspaceListOptions{CursorOptions: postman.CursorOptions{Limit: 3}}) {
		require.NoError(t, err)
		names = append(names, ws.Name)
	}
	assert.Len(t, names, 9)
	assert.Equal(t, "My Workspace", names[0])
	assert.Equal(t, "Extra G", names[8])
	assert.Equal(t, 3, countPath(srv, "/workspaces")-1, "3 pages for 9 workspaces, after the first List call")

	team, _, err := c.Workspaces.List(t.Context(), &postman.WorkspaceListOptions{Type: postman.WorkspacePersonal})
	require.NoError(t, err)
	require.Len(t, team, 1)
	assert.Equal(t, "My Workspace", team[0].Name)
}

func TestWorkspaceGetAndNotFound(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddWorkspace(postmantest.Workspace{Name: "API Tests", Description: "for CI"})
	c := newClient(t, srv, "any-key")
	ws, _, err := c.Workspaces.Get(t.Context(), id, nil)
	require.NoError(t, err)
	assert.Equal(t, "API Tests", ws.Name)
	assert.Equal(t, "for CI", ws.Description)
	assert.False(t, ws.CreatedAt.IsZero())

	_, _, err = c.Workspaces.Get(t.Context(), "00000000-0000-4000-8000-000000000000", nil)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func countPath(srv *postmantest.Server, path string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Path == path {
			n++
		}
	}
	return n
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
