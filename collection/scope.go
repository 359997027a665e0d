package collection

import (
	"io/fs"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
)

// maxPasses is how many times Replace goes over a text, as newman's
// Substitutor does (VARS_SUBREPLACE_LIMIT): values holding {{variables}} are
// resolved in later passes, and a variable that refers to itself stops
// there instead of looping.
const maxPasses = 19

// Scope resolves {{variables}} as newman does, from layers of variables of
// which the first that defines a name wins: pass them in newman's order of
// precedence, e.g. NewScope(environment, c.Variables, globals).
//
// The fields are optional; set them before use. A Scope is safe for
// concurrent use once they are set, and a nil *Scope resolves only dynamic
// variables.
type Scope struct {
	// Now gives the time of $timestamp and $isoTimestamp; nil means
	// time.Now.
	Now func() time.Time
	// Rand draws the random dynamic variables ($guid, $randomInt, …); nil
	// means a source seeded at random. A seeded one, such as
	// rand.New(rand.NewPCG(1, 2)), with a fixed Now makes every dynamic
	// value repeatable, for tests.
	Rand *rand.Rand
	// Files is where request bodies of mode file and formdata files are
	// read from; nil means the file system, relative paths from the working
	// directory, as newman does.
	Files fs.FS

	layers [][]Variable
	mu     sync.Mutex // guards Rand
}

// NewScope returns a scope over the layers, the first taking precedence.
// The slices are kept, not copied.
func NewScope(layers ...[]Variable) *Scope {
	return &Scope{layers: layers}
}

// Replace returns text with its {{name}} references replaced, as
// postman-collection's Substitutor does for newman:
//
//   - a name is looked up in each layer in turn; within a layer the last
//     enabled variable of that key counts, and disabled ones are skipped;
//   - names not in any layer are tried as dynamic variables (see
//     [DynamicVariables]); a layer may define one to override it;
//   - a value is its string, or the JSON text of a number, boolean, null
//     or other value; an absent value is "";
//   - a reference inside a name ({{user_{{env}}}}) is resolved first, and
//     references in values are resolved in later passes, up to 19 passes,
//     so a variable that refers to itself stops instead of looping;
//   - unknown names stay as written, and so does {{ name }} with spaces,
//     unless a variable is named with those spaces.
func (s *Scope) Replace(text string) string {
	for pass := 0; pass < maxPasses; pass++ {
		out, found := s.replaceOnce(text)
		text = out
		if !found {
			break
		}
	}
	return text
}

// replaceOnce replaces every innermost {{name}} once; found reports whether
// there was any, known or not (a pass with only unknown names still counts,
// as it does in newman).
func (s *Scope) replaceOnce(text string) (out string, found bool) {
	if !strings.Contains(text, "{{") {
		return text, false
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		end := variableEnd(text, i)
		if end < 0 {
			i++
			continue
		}
		found = true
		b.WriteString(text[last:i])
		if v, ok := s.Lookup(text[i+2 : end-2]); ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i:end])
		}
		i, last = end, end
	}
	if !found {
		return text, false
	}
	b.WriteString(text[last:])
	return b.String(), true
}

// Lookup returns the value of the variable name as Replace would put it in
// (a dynamic variable gets a new value at each call), and whether there is
// one. The value itself is not resolved further.
func (s *Scope) Lookup(name string) (string, bool) {
	if s != nil {
		for _, layer := range s.layers {
			if v := lastEnabled(layer, name); v != nil {
				return v.Value.String(), true
			}
		}
	}
	return s.dynamic(name)
}

// Has reports whether name is defined in some layer (enabled) or is a
// dynamic variable this package generates: whether Replace resolves it.
func (s *Scope) Has(name string) bool {
	if s != nil {
		for _, layer := range s.layers {
			if lastEnabled(layer, name) != nil {
				return true
			}
		}
	}
	_, ok := dynamicVariables[name]
	return ok
}

// lastEnabled returns the last enabled variable of key name in layer.
func lastEnabled(layer []Variable, name string) *Variable {
	for i := len(layer) - 1; i >= 0; i-- {
		if v := &layer[i]; v.Key == name && !v.Disabled {
			return v
		}
	}
	return nil
}

// References returns the names text refers to with {{name}}, each once, in
// order of first appearance: what a lint looks up to report undefined
// variables (see Scope.Has). For a reference nested in a name
// ({{user_{{env}}}}) only the innermost is listed, since the outer name
// depends on its value.
func References(text string) []string {
	var names []string
	seen := map[string]bool{}
	for i := 0; i < len(text); {
		end := variableEnd(text, i)
		if end < 0 {
			i++
			continue
		}
		if name := text[i+2 : end-2]; !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
		i = end
	}
	return names
}
