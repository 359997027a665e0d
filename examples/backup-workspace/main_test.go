package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/postman-go/postman/collection"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestBackupWritesImportableFilesAndResumes(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-out", dir}, &out))
	assert.Contains(t, out.String(), "[1/6] collection")
	assert.Contains(t, out.String(), "backup of 3 collections and 2 environments")

	cols, err := filepath.Glob(filepath.Join(dir, "collections", "*.postman_collection.json"))
	require.NoError(t, err)
	require.Len(t, cols, 3)
	for _, p := range cols {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		c, err := collection.Parse(data)
		require.NoError(t, err, p)
		require.NoError(t, c.Validate(), p)
		assert.NotNil(t, c.FindByName("Health"), "nested requests are kept")
	}
	envs, err := filepath.Glob(filepath.Join(dir, "environments", "*.postman_environment.json"))
	require.NoError(t, err)
	require.Len(t, envs, 2)
	staging := ""
	for _, p := range envs {
		if strings.Contains(p, "Staging") {
			data, _ := os.ReadFile(p)
			staging = string(data)
		}
		info, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "environment files hold secrets")
	}
	assert.Contains(t, staging, `"s3cret"`, "a backup keeps the real secret values")
	assert.Contains(t, staging, `"_postman_variable_scope": "environment"`)
	globals, err := os.ReadFile(filepath.Join(dir, "globals.postman_globals.json"))
	require.NoError(t, err)
	assert.Contains(t, string(globals), `"tenant"`)

	// Resuming against the same server is the job of the state file; the
	// offline demo starts a fresh server each run, so simulate a cut-short
	// run by removing one file: the re-run saves it again.
	require.NoError(t, os.Remove(cols[0]))
	out.Reset()
	require.NoError(t, run(t.Context(), []string{"-out", dir}, &out))
	_, err = os.Stat(cols[0])
	assert.Error(t, err, "the demo server made new UIDs, so the old file name is not reused")
}

func TestStateSkipsUnchangedElements(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	require.NoError(t, os.WriteFile(path, []byte("{}"), 0o600))
	s := state{"uid-1": "2026-11-01T00:00:00Z"}
	require.NoError(t, s.store(dir))
	loaded := loadState(dir)
	assert.True(t, loaded.fresh("uid-1", "2026-11-01T00:00:00Z", path))
	assert.False(t, loaded.fresh("uid-1", "2026-11-02T00:00:00Z", path), "changed since: saved again")
	assert.False(t, loaded.fresh("uid-2", "2026-11-01T00:00:00Z", path), "never saved")
	assert.False(t, loaded.fresh("uid-1", "2026-11-01T00:00:00Z", filepath.Join(dir, "missing.json")), "file gone: saved again")
}
