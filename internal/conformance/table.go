package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Table is what the harness knows of the description: every operation
// with its documented answers. The conformance module extracts it from
// testdata/openapi.yaml into testdata/conformance/operations.json (and
// fails when the committed file is stale), so that this package, and the
// SDK's tests that use it, need no OpenAPI library: the validation of
// what they send and receive happens there, over the exchanges they
// record (see Record).
type Table struct {
	Operations []TableOperation `json:"operations"`
}

// TableOperation is one operation and its documented answers.
type TableOperation struct {
	Operation
	// Answers holds one entry per documented status, in status order.
	Answers []Answer `json:"answers"`
}

// Answer is a documented response of one status.
type Answer struct {
	Status int `json:"status"`
	// Header holds the example values of the documented headers (a 302's
	// Location, a 202's task link), sent with the answer.
	Header map[string]string `json:"header,omitempty"`
	// ContentType and Body are what the harness answers: the first
	// example by name of the preferred media type (JSON first), or one
	// built from the schema's own examples; no body when none is documented.
	ContentType string `json:"contentType,omitempty"`
	Body        string `json:"body,omitempty"`
	// Examples holds every documented example of every media type.
	Examples []Example `json:"examples,omitempty"`
}

// Example is one named example of a response; Name is "example" for an
// unnamed one.
type Example struct {
	ContentType string `json:"contentType"`
	Name        string `json:"name"`
	Body        string `json:"body"`
}

// Answer returns the operation's answer of status, or of its first
// success status when status is 0.
func (o *TableOperation) Answer(status int) (Answer, bool) {
	for _, a := range o.Answers {
		if (status == 0 && a.Status >= 200 && a.Status < 300) || (status != 0 && a.Status == status) {
			return a, true
		}
	}
	return Answer{}, false
}

// Example returns the documented example name of the answer of status.
func (o *TableOperation) Example(status int, name string) (Example, bool) {
	a, ok := o.Answer(status)
	if !ok {
		return Example{}, false
	}
	for _, ex := range a.Examples {
		if ex.Name == name {
			return ex, true
		}
	}
	return Example{}, false
}

// TablePath is where the table is read from, relative to the test's
// working directory; SetTablePath changes it.
var tablePath = "testdata/conformance/operations.json"

// SetTablePath changes where the table is read from; call it from
// TestMain before any New.
func SetTablePath(p string) { tablePath = p }

// spec is the loaded table, shared by every harness of the process.
type spec struct {
	ops    map[string]*TableOperation // by operationId
	routes []route
}

// route matches the paths of one operation's template.
type route struct {
	op       *TableOperation
	segments []*regexp.Regexp
	literals int // segments without a parameter: the most specific route wins
}

var (
	loadOnce sync.Once
	loaded   *spec
	loadErr  error
)

func load() (*spec, error) {
	loadOnce.Do(func() {
		data, err := os.ReadFile(tablePath)
		if err != nil {
			loadErr = fmt.Errorf("conformance: %w", err)
			return
		}
		var t Table
		if err := json.Unmarshal(data, &t); err != nil {
			loadErr = fmt.Errorf("conformance: %s: %w", tablePath, err)
			return
		}
		loaded, loadErr = newSpec(t)
	})
	return loaded, loadErr
}

func newSpec(t Table) (*spec, error) {
	s := &spec{ops: map[string]*TableOperation{}}
	for i := range t.Operations {
		op := &t.Operations[i]
		s.ops[op.ID] = op
		r := route{op: op}
		for _, seg := range strings.Split(strings.TrimPrefix(op.Path, "/"), "/") {
			if !strings.Contains(seg, "{") {
				r.literals++
			}
			parts := paramName.Split(seg, -1)
			for i, p := range parts {
				parts[i] = regexp.QuoteMeta(p)
			}
			re, err := regexp.Compile("^" + strings.Join(parts, "[^/]+") + "$")
			if err != nil {
				return nil, fmt.Errorf("conformance: path %s: %w", op.Path, err)
			}
			r.segments = append(r.segments, re)
		}
		s.routes = append(s.routes, r)
	}
	// The most literal segments first, then the earliest literal: a
	// literal path (/workspaces/roles) wins over a parameter
	// (/workspaces/{workspaceId}).
	slices.SortStableFunc(s.routes, func(a, b route) int {
		if a.literals != b.literals {
			return b.literals - a.literals
		}
		return strings.Compare(b.op.Path, a.op.Path)
	})
	return s, nil
}

// find returns the operation of method and path, if any. path is the
// escaped path: a parameter may hold an escaped "/" (a spec file's path).
func (s *spec) find(method, path string) (*TableOperation, bool) {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for _, r := range s.routes {
		if r.op.Method != method || len(r.segments) != len(segs) {
			continue
		}
		match := true
		for i, re := range r.segments {
			if !re.MatchString(segs[i]) {
				match = false
				break
			}
		}
		if match {
			return r.op, true
		}
	}
	return nil, false
}

// Lookup returns the operation operationID of the table.
func Lookup(operationID string) (*TableOperation, error) {
	s, err := load()
	if err != nil {
		return nil, err
	}
	op, ok := s.ops[operationID]
	if !ok {
		return nil, fmt.Errorf("conformance: no operation %q in the description", operationID)
	}
	return op, nil
}

// All returns every operation of the table.
func All() ([]*TableOperation, error) {
	s, err := load()
	if err != nil {
		return nil, err
	}
	ops := make([]*TableOperation, 0, len(s.ops))
	for _, op := range s.ops {
		ops = append(ops, op)
	}
	slices.SortFunc(ops, func(a, b *TableOperation) int { return strings.Compare(a.Key(), b.Key()) })
	return ops, nil
}
