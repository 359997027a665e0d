package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestSCIMSyncDryRunChangesNothing(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), nil, &out))
	got := out.String()
	assert.Contains(t, got, "3 people in the list, 2 users provisioned; dry run")
	assert.Contains(t, got, "create     sam.jones@example.com (Sam Jones, active=true)")
	assert.Contains(t, got, "deactivate alex.cruz@example.com")
	assert.NotContains(t, got, "taylor.lee@example.com\n", "an up-to-date user needs no change")
	assert.Contains(t, got, "2 changes")
}

func TestSCIMSyncApplyThenNothingLeft(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-apply"}, &out))
	assert.Contains(t, out.String(), "applying")
	assert.Contains(t, out.String(), "2 changes")
}

func TestSCIMSyncRejectsBadCSV(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	path := filepath.Join(t.TempDir(), "people.csv")
	require.NoError(t, os.WriteFile(path, []byte("email,givenName,familyName,active\nnot-an-email,A,B,true\n"), 0o600))
	err := run(t.Context(), []string{"-csv", path}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 2")
}
