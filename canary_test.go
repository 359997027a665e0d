package postman

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scimFaults exercise the SCIM key: it goes to /scim only, as a bearer
// token, never with the API key, and never to another origin.
func scimFaults() []fault {
	checkAuth := func(w http.ResponseWriter, r *http.Request) bool {
		scim := strings.HasPrefix(r.URL.Path, "/scim/")
		wantAuth, wantKey := "", canaryKey
		if scim {
			wantAuth, wantKey = "Bearer "+scimCanaryKey, ""
		}
		if r.Header.Get("Authorization") != wantAuth || r.Header.Get("X-Api-Key") != wantKey {
			writeJSON(w, 400, `{"error":{"name":"wrongCredential","message":"the wrong credential was sent"}}`)
			return false
		}
		return true
	}
	const scimUsers = "/scim/v2/Users"
	return []fault{
		{name: "SCIM call carries only the SCIM key", path: scimUsers, start: scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
			if checkAuth(w, r) {
				writeJSON(w, 200, okBody)
			}
		}), check: succeeded(1)},
		{name: "API call carries only the API key", start: scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
			if checkAuth(w, r) {
				writeJSON(w, 200, okBody)
			}
		}), check: succeeded(1)},
		{name: "SCIM 401 with a SCIM error body", path: scimUsers, start: always(401, nil,
			`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Invalid SCIM API key.","status":"401"}`),
			check: func(t *testing.T, r *faultRun) {
				failedWithStatus(401, 1)(t, r)
				assert.ErrorIs(t, r.err, ErrUnauthorized)
				var apiErr *APIError
				require.ErrorAs(t, r.err, &apiErr)
				assert.Equal(t, "Invalid SCIM API key.", apiErr.Detail)
			}},
		{name: "SCIM 409 uniqueness", method: "POST", path: scimUsers, start: always(409, nil,
			`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"This person is already a member of the team.","status":"409"}`),
			check: func(t *testing.T, r *faultRun) {
				failedWithStatus(409, 1)(t, r)
				assert.ErrorIs(t, r.err, ErrConflict)
				var apiErr *APIError
				require.ErrorAs(t, r.err, &apiErr)
				assert.Equal(t, "uniqueness", apiErr.SCIMType)
			}},
		{name: "SCIM 429 then success", method: "POST", path: scimUsers,
			start: failFirst(1, 429, http.Header{"Retry-After": {"2"}}, rateLimitedBody), check: succeeded(2)},
		{name: "SCIM reset after writing", method: "POST", path: scimUsers, start: cutOnce(reset),
			check: func(t *testing.T, r *faultRun) {
				assert.True(t, connCut(r.err), "%v", r.err)
				assert.Equal(t, 1, r.hits())
			}},
		{name: "SCIM redirect to another port", path: scimUsers,
			start: redirecting(302, false, func(_, o *url.URL) string { return "http://127.0.0.1:" + o.Port() + scimUsers }),
			check: refusedRedirect(302, 1)},
		{name: "SCIM same-host redirect over http on the same port", path: scimUsers,
			start: redirecting(307, true, func(m, _ *url.URL) string { return "http://" + m.Host + scimUsers }),
			check: refusedRedirect(307, 1)},
	}
}

// echoFaults come from a server that repeats the credentials it got in
// every place an error is built from: body fields, excerpt, Location,
// request ID. The client must blank them.
func echoFaults() []fault {
	echo := func(status int) func(*testing.T, *faultEnv) (string, []Option) {
		return scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
			creds := r.Header.Get("X-Api-Key") + " " + r.Header.Get("Authorization")
			w.Header().Set("X-Request-Id", "req-"+creds)
			w.Header().Set("Location", "/login/"+url.PathEscape(creds)+"?key="+url.QueryEscape(creds))
			body := fmt.Sprintf(`{"error":{"name":"badKey %[1]s","message":"key %[1]s is not valid","details":{"key":%[1]q}},"type":%[1]q,"title":%[1]q,"detail":%[1]q,"instance":%[1]q}`, creds)
			if status == 200 {
				body = `{"broken": "` + creds + ``
			}
			writeJSON(w, status, body)
		})
	}
	var fs []fault
	for _, path := range []string{"/me", "/scim/v2/Users"} {
		for _, status := range []int{400, 302, 429, 200} {
			// POST: a same-origin redirect of a GET would be followed to
			// the echoed Location, which then is the request's own URL.
			fs = append(fs, fault{name: fmt.Sprintf("server echoes the credential %d %s", status, path), path: path, method: "POST",
				opts: []Option{WithMaxRetries(0)}, start: echo(status), check: func(t *testing.T, r *faultRun) {
					require.Error(t, r.err)
					assert.Contains(t, r.err.Error()+fmt.Sprintf("%#v", r.err), "[REDACTED]", "the echoed key is blanked")
					for _, key := range []string{canaryKey, scimCanaryKey} {
						assert.NotContains(t, r.err.Error(), key)
						assert.NotContains(t, r.resp.RequestID, key)
					}
				}})
		}
	}
	// An excerpt that ends inside the key blanks the part it keeps.
	fs = append(fs, fault{name: "excerpt cut inside the echoed key", start: scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 500, strings.Repeat(" ", 512-10)+r.Header.Get("X-Api-Key"))
	}), method: "POST", check: func(t *testing.T, r *faultRun) {
		var apiErr *APIError
		require.ErrorAs(t, r.err, &apiErr)
		assert.NotContains(t, string(apiErr.Body), canaryKey[:10])
		assert.True(t, bytes.HasSuffix(apiErr.Body, []byte("[REDACTED]")))
	}})
	return fs
}

func TestEchoedCredentialsAreBlanked(t *testing.T) {
	t.Parallel()
	for _, f := range echoFaults() {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			runFault(t, f, false)
		})
	}
}

// TestCanaryFaultSuite runs the whole fault suite again with the canary
// API key, a canary SCIM key and a logger at Debug level writing JSON to
// a buffer, and fails if either key appears in any error string, any fmt
// rendering (%v %+v %#v %s %q) of the error or of the client, any log
// record or any recovered panic.
func TestCanaryFaultSuite(t *testing.T) {
	t.Parallel()
	for _, f := range append(faultSuite(), echoFaults()...) {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			runFault(t, f, true)
		})
	}
}

// TestCanaryLogsSomething makes sure the canary suite's log check is not
// vacuous: the logger does record calls, retries and failures.
func TestCanaryLogsSomething(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := failFirst(1, 503, nil, ``)(t, env)
	logs := &lockedBuffer{}
	c := newTestClient(t, base, WithSCIMKey(scimCanaryKey), WithLogger(slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	_, err := c.Do(t.Context(), "GET", "/me?access_key=QUERY-SECRET", nil, nil)
	require.NoError(t, err)
	refused, _ := refusedThen(false)(t, &faultEnv{})
	c2 := newTestClient(t, refused, WithLogger(slog.New(slog.NewJSONHandler(logs, nil))), WithMaxRetries(1))
	_, err = c2.Do(t.Context(), "GET", "/me?access_key=QUERY-SECRET", nil, nil)
	require.Error(t, err)
	out := logs.String()
	assert.Contains(t, out, `"msg":"postman: retrying"`)
	assert.Contains(t, out, `"status":503`)
	assert.Contains(t, out, `"msg":"postman: call"`)
	assert.Contains(t, out, `"msg":"postman: call failed"`)
	assert.Contains(t, out, `"path":"/me"`)
	assert.NotContains(t, out, "QUERY-SECRET", "paths are logged without their query")
	assert.NotContains(t, err.Error(), "QUERY-SECRET", "errors carry no URL")
	assert.NotContains(t, out, canaryKey)
}

// TestClientNeverPrintsKeys prints a client and the values holding it
// with every verb. The struct value itself is the hard case: fmt cannot
// call Secret's Format on its unexported fields, and its %!s(…) fallback
// expands pointers. (A client that has made no call, so that printing
// its transport's internals races with nothing.)
func TestClientNeverPrintsKeys(t *testing.T) {
	t.Parallel()
	c, err := NewClient(canaryKey, WithSCIMKey(scimCanaryKey))
	require.NoError(t, err)
	type holder struct {
		Client *Client
		client *Client
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		for _, v := range []any{c, *c, holder{c, c}, &holder{c, c}, []*Client{c}, map[string]*Client{"c": c}} {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, canaryKey, verb)
			assert.NotContains(t, out, scimCanaryKey, verb)
			assert.NotContains(t, out, canaryKey[:16], verb)
		}
	}
	assert.Equal(t, "postman.Client{baseURL: https://api.postman.com}", fmt.Sprintf("%+v", c))
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("client", "c", c, "v", *c)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("client", "c", c, "v", *c)
	assert.NotContains(t, buf.String(), canaryKey)
	assert.NotContains(t, buf.String(), scimCanaryKey)
}

// TestNoLoggerNoOutput: by default the library logs nothing, and
// retryablehttp's own stderr logger stays off.
func TestNoLoggerNoOutput(t *testing.T) {
	t.Parallel()
	c, err := NewClient(canaryKey)
	require.NoError(t, err)
	assert.Nil(t, c.logger)
	assert.Nil(t, c.http.Logger, "retryablehttp logs URLs to stderr by default")
	assert.Nil(t, c.http.RequestLogHook)
	assert.Nil(t, c.http.ResponseLogHook)
}
