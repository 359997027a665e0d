package conformance

import (
	"encoding/json"
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
	SetTablePath("../../testdata/conformance/operations.json")
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

// failureRecorder is a testing.TB that keeps the failures the harness reports
// instead of failing the test, so that a test can assert them.
type failureRecorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *failureRecorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *failureRecorder) failures() string {
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
	rec := &failureRecorder{TB: t}
	h := New(rec)
	resp := get(t, h, "/me", map[string]string{"X-Api-Key": "k"})
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, rec.failures())
	assert.Equal(t, []string{"getAuthenticatedUser"}, h.Ran())
	assert.Contains(t, Exercised(), "GET /me")
}

func TestHarnessRefusesPathsOfNoOperation(t *testing.T) {
	rec := &failureRecorder{TB: t}
	h := New(rec)
	resp := get(t, h, "/no-such-endpoint", map[string]string{"X-Api-Key": "k"})
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Contains(t, rec.failures(), "matches no operation")
	assert.Empty(t, h.Ran())
}

func TestHarnessPrefersLiteralSegments(t *testing.T) {
	s, err := load()
	require.NoError(t, err)
	op, ok := s.find("GET", "/collections/collection-forks")
	require.True(t, ok)
	assert.Equal(t, "/collections/collection-forks", op.Path, "a literal segment wins over {collectionId}")
	op, ok = s.find("GET", "/collections/12ece9e1-2abf-4edc-8e34-de66e74114d2")
	require.True(t, ok)
	assert.Equal(t, "/collections/{collectionId}", op.Path)
}

func TestHarnessRecordsExchangesWithoutCredentials(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(RecordEnv, dir)
	h := New(&failureRecorder{TB: t})
	get(t, h, "/me", map[string]string{"X-Api-Key": "PMAK-recorded-secret"})
	files, err := filepath.Glob(filepath.Join(dir, "exchanges-*.jsonl"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	data, err := os.ReadFile(files[0])
	require.NoError(t, err)
	var ex Exchange
	require.NoError(t, json.Unmarshal(data, &ex))
	assert.Equal(t, "getAuthenticatedUser", ex.Operation)
	assert.Equal(t, t.Name(), ex.Test)
	assert.Equal(t, "/me", ex.URI)
	assert.Equal(t, http.StatusOK, ex.Status)
	assert.NotEmpty(t, ex.ResponseBody)
	assert.Equal(t, "[recorded]", ex.Header.Get("X-Api-Key"))
	assert.NotContains(t, string(data), "PMAK-recorded-secret")
}

func TestHarnessServesOtherDocumentedStatuses(t *testing.T) {
	rec := &failureRecorder{TB: t}
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
	get(t, New(&failureRecorder{TB: t}), "/me", map[string]string{"X-Api-Key": "k"})
	err = CheckCoverage(dir)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "GET /me")
	assert.Contains(t, err.Error(), "GET /no/such/{}")
}

func TestNormalizeKey(t *testing.T) {
	assert.Equal(t, "GET /workspaces/{}", NormalizeKey("get", "/workspaces/{workspaceId}/"))
	assert.Equal(t, "POST /", NormalizeKey("POST", "/"))
}
