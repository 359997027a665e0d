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

func TestSyncCreatesThenUpdatesInPlace(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	outPath := filepath.Join(t.TempDir(), "collection.json")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-runs", "2", "-out", outPath}, &out))
	got := out.String()
	assert.Contains(t, got, `created collection "Pet Store"`)
	assert.Contains(t, got, `updated collection "Pet Store" in place (2 folders)`)
	assert.Equal(t, 2, strings.Count(got, "importing the OpenAPI definition"))
	assert.Contains(t, got, `the workspace holds 1 collection(s) named "Pet Store"`, "updated in place, the temporary import removed")

	data, err := os.ReadFile(outPath)
	require.NoError(t, err)
	col, err := collection.Parse(data)
	require.NoError(t, err)
	assert.Equal(t, "Pet Store", col.Info.Name)
	assert.NotNil(t, col.FindByName("List pets"))
	assert.NotNil(t, col.FindByName("Get a pet"))
	require.NoError(t, col.Validate())
}

func TestSyncRenamesAFreshImport(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	outPath := filepath.Join(t.TempDir(), "c.json")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-name", "Pets (CI)", "-out", outPath}, &out))
	assert.Contains(t, out.String(), `created collection "Pets (CI)"`)
	data, err := os.ReadFile(outPath)
	require.NoError(t, err)
	col, err := collection.Parse(data)
	require.NoError(t, err)
	assert.Equal(t, "Pets (CI)", col.Info.Name)
}
