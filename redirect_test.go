package postman

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// otherServer starts the server a redirect points to: it counts what
// reaches it and whether a credential came along.
func otherServer(t *testing.T, env *faultEnv) *httptest.Server {
	return newServer(t, env, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.otherHit(r)
		writeJSON(w, 200, `{"ok":true,"stolen":true}`)
	}))
}

// redirecting returns a main server that answers every request with
// status and the Location target computes (from the other server's URL),
// over TLS when tlsMain is set.
func redirecting(status int, tlsMain bool, target func(main, other *url.URL) string) func(*testing.T, *faultEnv) (string, []Option) {
	return func(t *testing.T, env *faultEnv) (string, []Option) {
		other := otherServer(t, env)
		otherURL, _ := url.Parse(other.URL)
		var mainURL *url.URL
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			env.hit(r)
			w.Header().Set("Location", target(mainURL, otherURL))
			w.WriteHeader(status)
		})
		if tlsMain {
			srv := quietTLS(t, env, h)
			mainURL, _ = url.Parse(srv.URL)
			return srv.URL, []Option{WithHTTPClient(srv.Client())}
		}
		srv := newServer(t, env, h)
		mainURL, _ = url.Parse(srv.URL)
		return srv.URL, nil
	}
}

// refusedRedirect checks that a redirect was not followed: the call
// fails with ErrRedirect and the other server got nothing.
func refusedRedirect(status, mainHits int) func(*testing.T, *faultRun) {
	return func(t *testing.T, r *faultRun) {
		t.Helper()
		require.ErrorIs(t, r.err, ErrRedirect)
		var apiErr *APIError
		require.ErrorAs(t, r.err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		assert.NotContains(t, apiErr.Location, "?", "the Location is kept without its query")
		assert.NotContains(t, apiErr.Location, "token=")
		assert.NotContains(t, r.err.Error(), "token=")
		assert.Equal(t, mainHits, r.hits())
		assert.Zero(t, r.env.otherHits.Load(), "the other server received nothing")
		assert.False(t, r.env.keySeen.Load(), "the other server never saw a key")
		assert.Empty(t, r.events, "a redirect is not retried")
	}
}

func redirectFaults() []fault {
	targets := []struct {
		name    string
		tlsMain bool
		target  func(main, other *url.URL) string
	}{
		{"to another host", false, func(_, o *url.URL) string { return "http://localhost:" + o.Port() + "/landing?token=abc" }},
		{"to another port", false, func(_, o *url.URL) string { return "http://127.0.0.1:" + o.Port() + "/landing?token=abc" }},
		{"to http on another port", true, func(_, o *url.URL) string { return "http://127.0.0.1:" + o.Port() + "/landing?token=abc" }},
		{"to http on the same port", true, func(m, _ *url.URL) string { return "http://" + m.Host + "/landing?token=abc" }},
		{"to a userinfo URL", false, func(_, o *url.URL) string { return "http://user:pass@127.0.0.1:" + o.Port() + "/landing?token=abc" }},
	}
	var fs []fault
	for _, status := range []int{301, 302, 307, 308} {
		for _, tg := range targets {
			fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
				return fault{name: fmt.Sprintf("%d redirect %s", status, tg.name), start: redirecting(status, tg.tlsMain, tg.target),
					check: func(t *testing.T, r *faultRun) {
						refusedRedirect(status, 1)(t, r)
						var apiErr *APIError
						require.ErrorAs(t, r.err, &apiErr)
						assert.NotContains(t, apiErr.Location, "pass")
					}}
			})...)
		}
	}

	sameOrigin := func(status int) func(*testing.T, *faultEnv) (string, []Option) {
		return scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/new" {
				if r.Header.Get("X-Api-Key") != canaryKey {
					writeJSON(w, 401, `{"error":{"name":"AuthenticationError","message":"no key on the hop"}}`)
					return
				}
				writeJSON(w, 200, okBody)
				return
			}
			http.Redirect(w, r, "/new?cursor=2", status)
		})
	}
	for _, status := range []int{301, 302, 303, 307, 308} {
		fs = append(fs, fault{name: fmt.Sprintf("%d same-origin redirect/GET", status), start: sameOrigin(status),
			check: func(t *testing.T, r *faultRun) {
				require.NoError(t, r.err)
				assert.Equal(t, 2, r.hits(), "the redirect was followed")
				assert.Equal(t, 1, r.resp.Attempts, "one attempt, two hops")
				assert.Equal(t, "/new", r.resp.Request.URL.Path)
				assert.Equal(t, []string{"/me", "/new"}, r.env.paths)
			}})
		fs = append(fs, forMethods([]string{"POST", "PUT", "PATCH", "DELETE"}, func(string) fault {
			return fault{name: fmt.Sprintf("%d same-origin redirect", status), start: sameOrigin(status),
				check: func(t *testing.T, r *faultRun) {
					refusedRedirect(status, 1)(t, r)
					assert.Equal(t, []string{"/me"}, r.env.paths, "a write is never redirected (Go would resend it as a body-less GET)")
				}}
		})...)
	}
	fs = append(fs, fault{name: "same-origin redirect loop", start: scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/me", http.StatusFound)
	}), check: func(t *testing.T, r *faultRun) {
		refusedRedirect(302, 5)(t, r)
		assert.Equal(t, 1, r.resp.Attempts)
	}})
	return fs
}

func TestHTTPBaseURLOnlyForLoopback(t *testing.T) {
	t.Parallel()
	for _, u := range []string{
		"http://api.postman.com", "http://api.eu.postman.com", "http://10.0.0.1:8080", "http://192.168.1.10",
		"http://localhost.evil.example", "http://127.0.0.1.nip.io", "ftp://127.0.0.1", "api.postman.com", "//api.postman.com",
		"https://user:pass@api.postman.com", "https://api.postman.com?x=1", "https://api.postman.com#f", "https://", "://bad",
	} {
		_, err := NewClient(canaryKey, WithBaseURL(u))
		assert.ErrorIs(t, err, ErrInvalidArgument, u)
		if err != nil {
			assert.NotContains(t, err.Error(), "pass", "no credentials echoed")
			assert.NotContains(t, err.Error(), canaryKey)
		}
	}
	for _, u := range []string{"http://127.0.0.1:8080", "http://127.0.0.2", "http://[::1]:9000", "http://localhost:4010", "http://LOCALHOST", "https://api.postman.com", "https://proxy.example/postman/"} {
		c, err := NewClient(canaryKey, WithBaseURL(u))
		if assert.NoError(t, err, u) {
			assert.False(t, strings.HasSuffix(c.BaseURL().String(), "/"), "trailing slash trimmed: %s", c.BaseURL())
		}
	}
	c, err := NewClient(canaryKey, WithRegion(RegionEU))
	require.NoError(t, err)
	assert.Equal(t, EUBaseURL, c.BaseURL().String())
	c, err = NewClient(canaryKey)
	require.NoError(t, err)
	assert.Equal(t, DefaultBaseURL, c.BaseURL().String())
	_, err = NewClient(canaryKey, WithRegion("mars"))
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
