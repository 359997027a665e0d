package conformance

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	SetSpecPath("../../testdata/openapi.yaml")
	code := m.Run()
	http.DefaultClient.CloseIdleConnections()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goleak:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// recorder is a testing.TB that keeps the failures the harness reports
// instead of failing the test, so that a test can assert them.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) failures() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "\n")
}

func get(t *testing.T, h *Harness, path string, header map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, h.URL+path, nil)
	require.NoError(t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

func TestHarnessAnswersAConformingRequestWithTheExample(t *testing.T) {
	rec := &recorder{TB: t}
	h := New(rec)
	resp := get(t, h, "/me", map[string]string{"X-Api-Key": "k"})
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, rec.failures())
	assert.Equal(t, []string{"getAuthenticatedUser"}, h.Ran())
	assert.Contains(t, Exercised(), "GET /me")
}

func TestHarnessRejectsRequestsThatBreakTheDescription(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		header     map[string]string
		want       string
	}{
		{"no API key", "/me", nil, "missing x-api-key"},
		{"limit over the maximum", "/workspaces?limit=1000", map[string]string{"X-Api-Key": "k"}, "limit"},
		{"unknown path", "/no-such-endpoint", map[string]string{"X-Api-Key": "k"}, "matches no operation"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			h := New(rec)
			resp := get(t, h, tt.path, tt.header)
			assert.GreaterOrEqual(t, resp.StatusCode, 400)
			assert.Contains(t, strings.ToLower(rec.failures()), strings.ToLower(tt.want))
			assert.Empty(t, h.Ran(), "a request that does not conform is not counted as exercised")
		})
	}
}

func TestHarnessValidatesScriptedAnswers(t *testing.T) {
	rec := &recorder{TB: t}
	h := New(rec)
	h.Respond("getAuthenticatedUser", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"user":{"id":"not a number"}}`))
	})
	get(t, h, "/me", map[string]string{"X-Api-Key": "k"})
	assert.Contains(t, rec.failures(), "does not conform", "a scripted answer that breaks the schema is reported")
}

func TestHarnessServesOtherDocumentedStatuses(t *testing.T) {
	rec := &recorder{TB: t}
	h := New(rec)
	h.Status("getAuthenticatedUser", http.StatusUnauthorized)
	resp := get(t, h, "/me", map[string]string{"X-Api-Key": "k"})
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Empty(t, rec.failures())
}

func TestMarkersAndCoverage(t *testing.T) {
	dir := t.TempDir()
	src := "package x\n\n// Me is a method.\n//\n//postman:operation GET /me\nfunc Me() {}\n\n//postman:operation GET /no/such/{thing}\nfunc Bad() {}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package x\n//postman:operation GET /ignored\n"), 0o600))
	markers, err := Markers(dir)
	require.NoError(t, err)
	require.Len(t, markers, 2, "markers in test files do not count")
	assert.Equal(t, "GET /me", markers[0].Key)
	assert.Equal(t, "GET /no/such/{}", markers[1].Key)

	err = CheckCoverage(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "names no operation of the description")

	// Once GET /me has gone through a harness, only the bad marker is left.
	get(t, New(&recorder{TB: t}), "/me", map[string]string{"X-Api-Key": "k"})
	err = CheckCoverage(dir)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "GET /me")
	assert.Contains(t, err.Error(), "GET /no/such/{}")
}

func TestNormalizeKey(t *testing.T) {
	assert.Equal(t, "GET /workspaces/{}", NormalizeKey("get", "/workspaces/{workspaceId}/"))
	assert.Equal(t, "POST /", NormalizeKey("POST", "/"))
}
