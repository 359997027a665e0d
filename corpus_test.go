package postman

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryFuzzTargetHasASeedCorpus: go test runs the files of
// testdata/fuzz/<FuzzName>/ as seeds of the target, so each target of
// this module keeps hand-picked edge cases (and the inputs that once
// failed) there, where plain test runs check them. Nested modules
// (redislimit) keep their own.
func TestEveryFuzzTargetHasASeedCorpus(t *testing.T) {
	t.Parallel()
	targets := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); path != "." && err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Fuzz") {
				continue
			}
			targets++
			seeds, err := os.ReadDir(filepath.Join(filepath.Dir(path), "testdata", "fuzz", fn.Name.Name))
			if assert.NoError(t, err, "%s of %s has no seed corpus", fn.Name.Name, path) {
				assert.NotEmpty(t, seeds, "%s of %s has an empty seed corpus", fn.Name.Name, path)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, targets, 5, "the walk found the fuzz targets")
}
