package conformance

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Spec is the loaded description with its router.
type Spec struct {
	Doc    *openapi3.T
	router routers.Router
}

var specs sync.Map // path → *specLoad

type specLoad struct {
	once sync.Once
	spec *Spec
	err  error
}

// Load reads and routes the description at path, once per process.
func Load(path string) (*Spec, error) {
	v, _ := specs.LoadOrStore(path, &specLoad{})
	l := v.(*specLoad)
	l.once.Do(func() {
		doc, err := openapi3.NewLoader().LoadFromFile(path)
		if err != nil {
			l.err = fmt.Errorf("conformance: loading %s: %w", path, err)
			return
		}
		allowNoAuth(doc)
		router, err := gorillamux.NewRouter(doc)
		if err != nil {
			l.err = fmt.Errorf("conformance: routing %s: %w", path, err)
			return
		}
		l.spec = &Spec{Doc: doc, router: router}
	})
	return l.spec, l.err
}

// validationOptions are the options of every validation.
func validationOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		MultiError:         true,
		AuthenticationFunc: authenticate,
		RegexCompiler:      compileRegex,
		// Parameters are validated with these options, not RegexCompiler.
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.SetSchemaRegexCompiler(compileRegex)},
	}
}

// authenticate accepts a request that carries the credential its
// operation's security scheme names (recorded exchanges keep only that
// one was sent, never its value).
func authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	scheme := in.SecurityScheme
	switch scheme.Type {
	case "apiKey":
		if in.RequestValidationInput.Request.Header.Get(scheme.Name) == "" {
			return fmt.Errorf("missing %s header", scheme.Name)
		}
		return nil
	case "http":
		if in.RequestValidationInput.Request.Header.Get("Authorization") == "" {
			return fmt.Errorf("missing Authorization header")
		}
		return nil
	}
	return fmt.Errorf("unsupported security scheme %q", scheme.Type)
}

// goRegexp is what compileRegex returns: a Go regexp, or nothing for the
// few patterns of the description that use lookaheads Go cannot compile.
type goRegexp struct{ re *regexp.Regexp }

func (g goRegexp) MatchString(s string) bool { return g.re == nil || g.re.MatchString(s) }

func compileRegex(expr string) (openapi3.RegexMatcher, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return goRegexp{}, nil
	}
	return goRegexp{re: re}, nil
}

// allowNoAuth adds "noauth" to the auth type enums of the description
// that list the Collection Format's other types without it. The format's
// own schema (v2.1.0, testdata/collection/schemas) lists noauth, two of
// the description's own enums do too, and Postman stores and answers it
// (a request that must not inherit its folder's auth): the enums of the
// collection schemas that lack it are a gap of the description, not a
// rule of the API.
func allowNoAuth(doc *openapi3.T) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		if slices.Contains(s.Enum, any("bearer")) && slices.Contains(s.Enum, any("apikey")) && !slices.Contains(s.Enum, any("noauth")) {
			s.Enum = append(s.Enum, "noauth")
		}
		for _, p := range s.Properties {
			walk(p.Value)
		}
		if s.Items != nil {
			walk(s.Items.Value)
		}
		if s.AdditionalProperties.Schema != nil {
			walk(s.AdditionalProperties.Schema.Value)
		}
		for _, group := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
			for _, r := range group {
				walk(r.Value)
			}
		}
	}
	for _, ref := range doc.Components.Schemas {
		walk(ref.Value)
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, m := range op.RequestBody.Value.Content {
					if m.Schema != nil {
						walk(m.Schema.Value)
					}
				}
			}
			if op.Responses == nil {
				continue
			}
			for _, r := range op.Responses.Map() {
				if r.Value == nil {
					continue
				}
				for _, m := range r.Value.Content {
					if m.Schema != nil {
						walk(m.Schema.Value)
					}
				}
			}
		}
	}
}
