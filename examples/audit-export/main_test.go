package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestAuditExportWritesJSONLines(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	since := time.Now().UTC().AddDate(0, 0, -5).Format(time.DateOnly)
	var progress bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-since", since, "-out", path}, &bytes.Buffer{}, &progress))

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	lines := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var ev struct {
			Action    string `json:"action"`
			Timestamp string `json:"timestamp"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ev))
		assert.Equal(t, "user.login_password_success", ev.Action)
		ts, err := time.Parse(time.RFC3339, ev.Timestamp)
		require.NoError(t, err)
		assert.False(t, ts.Before(time.Now().UTC().AddDate(0, 0, -6)), "only events since the date")
		lines++
	}
	assert.Greater(t, lines, 5)
	assert.Less(t, lines, 25)
	assert.Contains(t, progress.String(), "exported 10 events…")
	assert.Contains(t, progress.String(), "events since "+since)
}

func TestAuditExportRejectsBadDate(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	err := run(t.Context(), []string{"-since", "yesterday"}, &bytes.Buffer{}, &bytes.Buffer{})
	require.Error(t, err)
}
