package collection

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newmanSent is what newman 6.2.2 (postman-runtime, on postman-collection
// 5.3.1) sent for each request of synthetic/requests.json, run with the
// environment {host: <server>} and the working directory testdata/collection/files,
// as a local server saw it: method, URL, the headers but those newman adds
// itself (User-Agent, Postman-Token, Accept: */*, …), and the body read as
// Latin-1 with the multipart boundary replaced by BOUNDARY.
var newmanSent = []string{
	`{"method":"GET","url":"/api/users/42/items?q=Zo%C3%AB%20&%20co&flag&empty=","headers":["Accept: application/json","X-Name: Zoë & co","Authorization: Bearer collection-token"],"body":""}`,
	`{"method":"DELETE","url":"/api/things/42?a=1","headers":["Authorization: Bearer collection-token","Accept: */*"],"body":""}`,
	`{"method":"POST","url":"/api/raw","headers":["Content-Type: application/json","Authorization: Basic YW5uOnMzY3JldDo0Mg==","Accept: */*"],"body":"{\"id\": 42}"}`,
	`{"method":"PUT","url":"/api/raw","headers":["content-type: text/csv","Accept: */*"],"body":"a,b\n1,2"}`,
	`{"method":"POST","url":"/api/form","headers":["X-Api-Key: k-42","Accept: */*","Content-Type: application/x-www-form-urlencoded"],"body":"a=1&a=2%203&name=Zo%C3%AB%20%26%20co"}`,
	`{"method":"POST","url":"/api/multipart?api_key=q-key","headers":["Accept: */*","Content-Type: multipart/form-data; boundary=BOUNDARY"],"body":"--BOUNDARY\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nZoÃ« & co\r\n--BOUNDARY\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"one.txt\"\r\nContent-Type: text/plain\r\n\r\nfile one\r\n--BOUNDARY--\r\n"}`,
	`{"method":"POST","url":"/api/file","headers":["Authorization: Bearer collection-token","Accept: */*","Content-Type: application/json"],"body":"{\"from\":\"file\"}"}`,
	`{"method":"POST","url":"/api/graphql","headers":["Authorization: Bearer oauth-42","Content-Type: application/json","Accept: */*"],"body":"{\"query\":\"query { user(id: 42) { name } }\",\"variables\":{\"x\": 1}}"}`,
	`{"method":"GET","url":"/api/pruned","headers":["Authorization: Bearer collection-token","Accept: */*"],"body":""}`,
}

type sentRequest struct {
	Method  string   `json:"method"`
	URL     string   `json:"url"`
	Headers []string `json:"headers"`
	Body    string   `json:"body"`
}

// newmanHeaders are the headers newman adds on its own, which HTTPRequest
// leaves to the caller; Go's client adds its own Host, User-Agent, …
var newmanHeaders = map[string]bool{"user-agent": true, "accept-encoding": true, "connection": true,
	"postman-token": true, "host": true, "cache-control": true, "content-length": true}

func (s *sentRequest) normalize() {
	var hs []string
	for _, h := range s.Headers {
		k, _, _ := strings.Cut(h, ":")
		if newmanHeaders[strings.ToLower(k)] || h == "Accept: */*" {
			continue
		}
		hs = append(hs, strings.ToLower(k)+":"+h[len(k)+1:])
	}
	sort.Strings(hs)
	s.Headers = hs
}

func TestHTTPRequestSendsWhatNewmanSends(t *testing.T) {
	var got []sentRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		body := make([]rune, len(data)) // as Latin-1, like the capture above
		for i, b := range data {
			body[i] = rune(b)
		}
		s := sentRequest{Method: r.Method, URL: r.URL.RequestURI(), Body: string(body)}
		if _, params, ok := strings.Cut(r.Header.Get("Content-Type"), "boundary="); ok {
			s.Body = strings.ReplaceAll(s.Body, params, "BOUNDARY")
		}
		for k, vs := range r.Header {
			for _, v := range vs {
				s.Headers = append(s.Headers, k+": "+regexp.MustCompile(`boundary=.*`).ReplaceAllString(v, "boundary=BOUNDARY"))
			}
		}
		got = append(got, s)
	}))
	defer srv.Close()

	c := readFixture(t, "synthetic/requests.json")
	s := NewScope([]Variable{NewVariable("host", strings.TrimPrefix(srv.URL, "http://"))}, c.Variables)
	s.Files = os.DirFS(filepath.Join(testdataDir, "files"))
	for it := range c.Requests() {
		req, err := c.HTTPRequest(t.Context(), it, s)
		require.NoError(t, err, it.Name)
		resp, err := srv.Client().Do(req)
		require.NoError(t, err, it.Name)
		resp.Body.Close()
	}
	require.Len(t, got, len(newmanSent))
	for i, line := range newmanSent {
		var want sentRequest
		require.NoError(t, json.Unmarshal([]byte(line), &want))
		want.normalize()
		got[i].normalize()
		assert.Equal(t, want, got[i], "request %d", i)
	}
}

func readFixture(t *testing.T, name string) *Collection {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdataDir, filepath.FromSlash(name)))
	require.NoError(t, err)
	c, err := Parse(data)
	require.NoError(t, err)
	return c
}

func TestHTTPRequestRefusesAuthItCannotApply(t *testing.T) {
	for _, typ := range []string{AuthOAuth1, AuthDigest, AuthAWSv4, AuthHawk, AuthNTLM, AuthEdgeGrid, AuthJWT, AuthASAP, "akamai", ""} {
		c := New("c")
		c.Auth = NewAuth(typ)
		c.Auth.seen |= 1 << authType // an empty type read from JSON still decides
		it := c.AddRequest("r", NewRequest("GET", "http://x/"))
		_, err := c.HTTPRequest(t.Context(), it, nil)
		var ue *UnsupportedAuthError
		require.ErrorAs(t, err, &ue, typ)
		assert.Equal(t, typ, ue.Type)
		assert.Equal(t, "r", ue.Item)
		_, err = c.Curl(it, nil)
		assert.True(t, errors.As(err, &ue), typ)
	}
	c := New("c")
	c.Auth = NewAuth(AuthOAuth2, StringParam("accessToken", ""))
	it := c.AddRequest("r", NewRequest("GET", "http://x/"))
	_, err := c.HTTPRequest(t.Context(), it, nil)
	assert.ErrorContains(t, err, "no accessToken")

	it.Request.Auth = NoAuth()
	req, err := c.HTTPRequest(t.Context(), it, nil)
	require.NoError(t, err)
	assert.Empty(t, req.Header.Get("Authorization"))
}
