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
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestSmokeDemoRunsOffline(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), nil, &out))
	assert.Equal(t, strings.Join([]string{
		"offline: sending to a local test server",
		"PASS  200    Health",
		"PASS  200    Orders / List orders",
		"PASS  201    Orders / Create order",
		"PASS  200    Orders / Get order",
		"PASS  201    Orders / Attach invoice",
		"PASS  204    Orders / Cancel order",
		`SKIP         Legacy report (auth "digest" needs newman)`,
		"0 failed, 1 skipped",
		"",
	}, "\n"), out.String())
}

// A collection on disk reads its body files next to it, and a request the
// server rejects fails the run.
func TestSmokeReportsFailures(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "note.txt"), []byte("hi"), 0o600))
	col := `{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "wrong"}]},
		"item": [
			{"name": "Upload", "request": {"method": "POST", "url": "{{baseUrl}}/health",
				"body": {"mode": "file", "file": {"src": "note.txt"}}}},
			{"name": "Missing file", "request": {"method": "POST", "url": "{{baseUrl}}/health",
				"body": {"mode": "file", "file": {"src": "absent.txt"}}}},
			{"name": "Orders", "request": {"url": "{{baseUrl}}/orders"}}
		]}`
	path := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(path, []byte(col), 0o600))
	var out bytes.Buffer
	err := run(t.Context(), []string{"-collection", path}, &out)
	require.EqualError(t, err, "2 requests failed")
	lines := strings.Split(out.String(), "\n")
	assert.Equal(t, "PASS  201    Upload", lines[1])
	assert.Contains(t, lines[2], "FAIL         Missing file: ")
	assert.Contains(t, lines[2], "absent.txt")
	assert.Equal(t, "FAIL  401    Orders", lines[3])
}
