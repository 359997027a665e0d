package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/postman-go/postman/collection"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestNewmanExportWritesRunnableFiles(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var hits atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	defer target.Close()
	demoBaseURL = target.URL

	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-out", dir}, &out))
	assert.Contains(t, out.String(), `"Echo smoke tests"`)
	assert.Contains(t, out.String(), "newman run "+filepath.Join(dir, "collection.json")+" -e "+filepath.Join(dir, "environment.json"))

	data, err := os.ReadFile(filepath.Join(dir, "collection.json"))
	require.NoError(t, err)
	col, err := collection.Parse(data)
	require.NoError(t, err)
	assert.Len(t, col.Items, 2)
	require.NoError(t, col.Validate())
	env, err := os.ReadFile(filepath.Join(dir, "environment.json"))
	require.NoError(t, err)
	assert.Contains(t, string(env), target.URL)

	newman := newmanPath(t)
	cmd := exec.CommandContext(t.Context(), newman, "run", filepath.Join(dir, "collection.json"),
		"-e", filepath.Join(dir, "environment.json"), "--reporters", "cli", "--color", "off")
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "newman failed:\n%s", output)
	assert.Equal(t, int32(2), hits.Load(), "newman ran both requests against the local server")
	assert.Contains(t, string(output), "status is 200")
}

// newmanPath finds newman: $POSTMAN_NEWMAN (CI sets it), or the copy
// .ci/run installs. The test is skipped without one, unless CI asked for it.
func newmanPath(t *testing.T) string {
	if p := os.Getenv("POSTMAN_NEWMAN"); p != "" {
		return p
	}
	local, _ := filepath.Abs("../../.ci/node_modules/.bin/newman")
	if _, err := os.Stat(local); err == nil {
		return local
	}
	if p, err := exec.LookPath("newman"); err == nil {
		return p
	}
	t.Skip("newman is not installed: run `npm ci --prefix .ci` (CI does)")
	return ""
}
