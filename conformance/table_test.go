package conformance_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/conformance"
)

// Paths of the repository's description and of the table the SDK's
// harness reads, from this module's directory.
var (
	descriptionPath = filepath.Join("..", "testdata", "openapi.yaml")
	tablePath       = filepath.Join("..", "testdata", "conformance", "operations.json")
)

var update = flag.Bool("update", false, "rewrite testdata/conformance/operations.json from the description")

func loadSpec(t testing.TB) *conformance.Spec {
	t.Helper()
	s, err := conformance.Load(descriptionPath)
	require.NoError(t, err)
	return s
}

// TestOperationsTableIsCurrent: the table the SDK's harness serves from
// is what the description says, byte for byte; -update rewrites it.
func TestOperationsTableIsCurrent(t *testing.T) {
	table, err := loadSpec(t).BuildTable()
	require.NoError(t, err)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	require.NoError(t, enc.Encode(table))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(tablePath), 0o755))
		require.NoError(t, os.WriteFile(tablePath, buf.Bytes(), 0o644))
	}
	committed, err := os.ReadFile(tablePath)
	require.NoError(t, err)
	require.True(t, bytes.Equal(buf.Bytes(), committed),
		"%s is stale: run go test -run TestOperationsTableIsCurrent -update in conformance/", tablePath)
	require.Len(t, table.Operations, 244, "the description's operations")
}
