package postman

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// namingVerbs are the verbs a service method may start with
// (CONTRIBUTING.md, "Names", says why each is there).
var namingVerbs = []string{
	// The CRUD verbs and waiting.
	"List", "Get", "Create", "Update", "Replace", "Patch", "Delete", "Wait",
	// Postman's own operations that are none of them.
	"Run", "Pause", "Resume", "Publish", "Unpublish", "Merge", "Fork", "Pull",
	"Transfer", "Sync", "Generate", "Import", "Duplicate", "Approve", "Deny",
	"Respond", "Resolve", "Review", "Add", "Remove", "Invite", "Grant",
	"Revoke", "Activate", "Deactivate", "Migrate", "Transform", "Validate",
	"Set", "Search", "Query",
}

// namingSource is the package's non-test source, parsed once.
type namingSource struct {
	fset  *token.FileSet
	types map[string]*ast.TypeSpec
	// methods of each *…Service type, in source order.
	methods map[string][]*ast.FuncDecl
	// returned holds every type a service method returns (pointer or not).
	returned map[string]bool
}

func parseNamingSource(t *testing.T) *namingSource {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	src := &namingSource{fset: fset, types: map[string]*ast.TypeSpec{}, methods: map[string][]*ast.FuncDecl{}, returned: map[string]bool{}}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						src.types[ts.Name.Name] = ts
					}
				}
			case *ast.FuncDecl:
				recv := namingRecv(d)
				if !strings.HasSuffix(recv, "Service") || !d.Name.IsExported() {
					continue
				}
				src.methods[recv] = append(src.methods[recv], d)
				if d.Type.Results != nil {
					for _, r := range d.Type.Results.List {
						src.returned[namingTypeName(r.Type)] = true
					}
				}
			}
		}
	}
	// Parts of what is returned are resources too (an Environment's
	// EnvironmentVariable), two levels down.
	for range 2 {
		for name := range src.returned {
			ts := src.types[name]
			if ts == nil {
				continue
			}
			switch tt := ts.Type.(type) {
			case *ast.ArrayType:
				src.returned[namingTypeName(tt.Elt)] = true
			case *ast.StructType:
				for _, f := range tt.Fields.List {
					e := f.Type
					if at, ok := e.(*ast.ArrayType); ok {
						e = at.Elt
					}
					src.returned[namingTypeName(e)] = true
				}
			}
		}
	}
	return src
}

func namingRecv(fd *ast.FuncDecl) string {
	if fd.Recv == nil {
		return ""
	}
	return namingTypeName(fd.Recv.List[0].Type)
}

// namingTypeName is the package-local name of a type expression without
// its pointer, "" for anything else.
func namingTypeName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func namingStartsWithVerb(name string) (string, bool) {
	for _, v := range namingVerbs {
		rest, ok := strings.CutPrefix(name, v)
		if ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return v, true
		}
	}
	return "", false
}

func (src *namingSource) isStruct(name string) bool {
	ts := src.types[name]
	if ts == nil {
		return false
	}
	_, ok := ts.Type.(*ast.StructType)
	return ok
}

// TestNamingMethodsStartWithAVerb: every service method starts with a verb
// of namingVerbs, and every …Iter method pages the list method of the same
// name without Iter.
func TestNamingMethodsStartWithAVerb(t *testing.T) {
	src := parseNamingSource(t)
	for recv, methods := range src.methods {
		names := map[string]bool{}
		for _, m := range methods {
			names[m.Name.Name] = true
		}
		for _, m := range methods {
			name := m.Name.Name
			if _, ok := namingStartsWithVerb(name); !ok {
				t.Errorf("%s.%s does not start with a verb of namingVerbs", recv, name)
			}
			if base, ok := strings.CutSuffix(name, "Iter"); ok {
				if !names[base] {
					t.Errorf("%s.%s has no list method %s", recv, name, base)
				}
				if v, _ := namingStartsWithVerb(base); v != "List" && v != "Search" && v != "Query" {
					t.Errorf("%s.%s iterates %s, which is not a List…, Search or Query method", recv, name, base)
				}
			}
		}
	}
}

// TestNamingWaitMethodsHaveOneShape: Wait…(ctx, x) takes one pointer to
// what a method of the same service returns, and returns
// (result, *Response, error).
func TestNamingWaitMethodsHaveOneShape(t *testing.T) {
	src := parseNamingSource(t)
	for recv, methods := range src.methods {
		starts := map[string]bool{}
		for _, m := range methods {
			if !strings.HasPrefix(m.Name.Name, "Wait") && m.Type.Results != nil {
				for _, r := range m.Type.Results.List {
					starts[namingTypeName(r.Type)] = true
				}
			}
		}
		for _, m := range methods {
			name := m.Name.Name
			if v, _ := namingStartsWithVerb(name); v != "Wait" {
				continue
			}
			params := namingFields(m.Type.Params)
			if len(params) != 2 {
				t.Errorf("%s.%s takes %d parameters, want ctx and what the starting call returned", recv, name, len(params))
			} else if _, ptr := params[1].(*ast.StarExpr); !ptr || !starts[namingTypeName(params[1])] {
				t.Errorf("%s.%s takes %s, not a pointer to what a %s method returns", recv, name, namingExpr(params[1]), recv)
			}
			results := namingFields(m.Type.Results)
			if len(results) != 3 || namingExpr(results[1]) != "*Response" || namingExpr(results[2]) != "error" {
				t.Errorf("%s.%s does not return (result, *Response, error)", recv, name)
			}
		}
	}
}

// TestNamingOptionsAndParams: a query options parameter is a pointer to a
// <Noun><Verb>Options struct; a body parameter is a <Noun><Verb>Params
// struct or the resource itself (a type some method returns) or a
// CommentTarget; Options and Params types are never returned; no type
// name says Request twice.
func TestNamingOptionsAndParams(t *testing.T) {
	src := parseNamingSource(t)
	optionsName := regexp.MustCompile(`^[A-Z][A-Za-z0-9]*?(` + strings.Join(namingVerbs, "|") + `)Options$`)
	paramsName := regexp.MustCompile(`^[A-Z][A-Za-z0-9]*?(` + strings.Join(namingVerbs, "|") + `)Params$`)
	for recv, methods := range src.methods {
		for _, m := range methods {
			for _, p := range namingFields(m.Type.Params)[1:] {
				name := namingTypeName(p)
				if !src.isStruct(name) {
					continue
				}
				_, ptr := p.(*ast.StarExpr)
				switch {
				case strings.HasSuffix(name, "Options"):
					if !ptr || !optionsName.MatchString(name) {
						t.Errorf("%s.%s: query options %s must be *<Noun><Verb>Options", recv, m.Name.Name, namingExpr(p))
					}
				case strings.HasSuffix(name, "Params"):
					if ptr || !paramsName.MatchString(name) {
						t.Errorf("%s.%s: body %s must be a <Noun><Verb>Params value", recv, m.Name.Name, namingExpr(p))
					}
				case name == "CommentTarget" || src.returned[name]:
				default:
					t.Errorf("%s.%s: parameter %s is neither *…Options, …Params, a target nor a resource the service returns", recv, m.Name.Name, namingExpr(p))
				}
			}
		}
	}
	for name := range src.types {
		if !ast.IsExported(name) {
			continue
		}
		if strings.Count(name, "Request") > 1 {
			t.Errorf("type %s says Request twice", name)
		}
		if (strings.HasSuffix(name, "Params") || strings.HasSuffix(name, "Options") && optionsName.MatchString(name)) && src.returned[name] {
			t.Errorf("type %s is returned by a method: a resource is not named …Params or …<Verb>Options", name)
		}
	}
}

// TestNamingVerbListHasNoDuplicates keeps namingVerbs free of duplicates,
// so that CONTRIBUTING.md's list and this one are easy to compare.
func TestNamingVerbListHasNoDuplicates(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range namingVerbs {
		if seen[v] {
			t.Errorf("verb %s listed twice", v)
		}
		seen[v] = true
	}
	if !slices.Contains(namingVerbs, "List") || !slices.Contains(namingVerbs, "Wait") {
		t.Error("the CRUD verbs are missing")
	}
}

func namingFields(fl *ast.FieldList) []ast.Expr {
	var out []ast.Expr
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		n := max(1, len(f.Names))
		for range n {
			out = append(out, f.Type)
		}
	}
	return out
}

func namingExpr(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + namingExpr(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return namingExpr(e.X) + "." + e.Sel.Name
	}
	return "?"
}
