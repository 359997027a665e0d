package conformance

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Marker is one //postman:operation line of the SDK's sources.
type Marker struct {
	Key  string // normalised "METHOD /path/{}"
	Line string // file:line
}

var markerLine = regexp.MustCompile(`^\s*//\s*postman:operation\s+([A-Za-z]+)\s+(\S+)\s*$`)

// Markers reads the operation markers of the non-test Go files in dir.
func Markers(dir string) ([]Marker, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []Marker
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			if m := markerLine.FindStringSubmatch(sc.Text()); m != nil {
				out = append(out, Marker{Key: NormalizeKey(m[1], m[2]), Line: fmt.Sprintf("%s:%d", f, n)})
			}
		}
		_ = fh.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// WholeSuite reports whether the test binary runs every test (no -run,
// -skip or -short filter), the only case where coverage can be judged.
func WholeSuite() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	if f := flag.Lookup("test.short"); f != nil && f.Value.String() == "true" {
		return false
	}
	return true
}

// CheckCoverage fails when a marker in dir names no operation of the
// description, or names one that no test exercised through a harness.
func CheckCoverage(dir string) error {
	markers, err := Markers(dir)
	if err != nil {
		return err
	}
	ops, err := Operations()
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, op := range ops {
		known[op.Key()] = true
	}
	ran := Exercised()
	var problems []string
	for _, m := range markers {
		switch {
		case !known[m.Key]:
			problems = append(problems, fmt.Sprintf("%s: marker %q names no operation of the description", m.Line, m.Key))
		case ran[m.Key].ID == "":
			problems = append(problems, fmt.Sprintf("%s: %s has a method but no test exercised it through the conformance harness", m.Line, m.Key))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return errors.New("conformance coverage:\n  " + strings.Join(problems, "\n  "))
}
