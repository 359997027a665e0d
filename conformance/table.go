package conformance

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/postman-go/postman/internal/conformance"
)

// preferredMedia are the media types the harness answers with, in order,
// when an answer documents several.
var preferredMedia = []string{"application/json", "application/problem+json", "application/vnd.api.v10+json"}

// BuildTable extracts the harness's table from the description: every
// operation, and for each documented status its headers' examples, the
// answer the harness serves, and every named example.
func (s *Spec) BuildTable() (conformance.Table, error) {
	var t conformance.Table
	for path, item := range s.Doc.Paths.Map() {
		for method, op := range item.Operations() {
			top := conformance.TableOperation{Operation: conformance.Operation{ID: op.OperationID, Method: method, Path: path}}
			if op.Responses != nil {
				for code, ref := range op.Responses.Map() {
					status, err := strconv.Atoi(code)
					if err != nil || ref == nil || ref.Value == nil {
						continue
					}
					a, err := answerOf(status, ref.Value)
					if err != nil {
						return t, fmt.Errorf("%s %s %s: %w", method, path, code, err)
					}
					top.Answers = append(top.Answers, a)
				}
			}
			slices.SortFunc(top.Answers, func(a, b conformance.Answer) int { return a.Status - b.Status })
			t.Operations = append(t.Operations, top)
		}
	}
	slices.SortFunc(t.Operations, func(a, b conformance.TableOperation) int {
		return strings.Compare(a.Path+" "+a.Method, b.Path+" "+b.Method)
	})
	return t, nil
}

func answerOf(status int, resp *openapi3.Response) (conformance.Answer, error) {
	a := conformance.Answer{Status: status}
	// Documented headers (a 302's Location, a 202's task link) go out with
	// their example values, so that clients can follow them.
	for name, hdr := range resp.Headers {
		if hdr == nil || hdr.Value == nil {
			continue
		}
		var ex any
		if hdr.Value.Schema != nil && hdr.Value.Schema.Value != nil && hdr.Value.Schema.Value.Example != nil {
			ex = hdr.Value.Schema.Value.Example
		} else if hdr.Value.Example != nil {
			ex = hdr.Value.Example
		}
		if ex != nil {
			if a.Header == nil {
				a.Header = map[string]string{}
			}
			a.Header[name] = fmt.Sprint(ex)
		}
	}
	if len(resp.Content) == 0 {
		return a, nil
	}
	ctype, media := pickMedia(resp.Content)
	body, err := servedExample(media)
	if err != nil {
		return a, err
	}
	a.ContentType, a.Body = ctype, string(body)
	types := make([]string, 0, len(resp.Content))
	for ct := range resp.Content {
		types = append(types, ct)
	}
	slices.Sort(types)
	for _, ct := range types {
		m := resp.Content[ct]
		if m.Example != nil {
			b, err := encodeExample(m.Example)
			if err != nil {
				return a, err
			}
			a.Examples = append(a.Examples, conformance.Example{ContentType: ct, Name: "example", Body: string(b)})
		}
		for _, name := range sortedKeys(m.Examples) {
			ex := m.Examples[name]
			if ex == nil || ex.Value == nil || ex.Value.Value == nil {
				continue
			}
			b, err := encodeExample(ex.Value.Value)
			if err != nil {
				return a, err
			}
			a.Examples = append(a.Examples, conformance.Example{ContentType: ct, Name: name, Body: string(b)})
		}
	}
	return a, nil
}

func pickMedia(content openapi3.Content) (string, *openapi3.MediaType) {
	for _, ct := range preferredMedia {
		if m := content.Get(ct); m != nil {
			return ct, m
		}
	}
	keys := sortedKeys(content)
	return keys[0], content[keys[0]]
}

// servedExample returns the media type's first example by name, its
// single example, or one built from the schema's own examples.
func servedExample(m *openapi3.MediaType) ([]byte, error) {
	for _, n := range sortedKeys(m.Examples) {
		if ex := m.Examples[n]; ex != nil && ex.Value != nil {
			return encodeExample(ex.Value.Value)
		}
	}
	if m.Example != nil {
		return encodeExample(m.Example)
	}
	if m.Schema != nil {
		return encodeExample(Synthesize(m.Schema.Value, 0))
	}
	return []byte("{}"), nil
}

// encodeExample is the body of an example: a string as it is (YAML,
// text), anything else as JSON.
func encodeExample(v any) ([]byte, error) {
	if s, ok := v.(string); ok {
		return []byte(s), nil
	}
	return json.Marshal(v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
