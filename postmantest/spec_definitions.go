package postmantest

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"path"
	"strings"
)

func (s *Server) routeSpecDefinitions() {
	s.mux.HandleFunc("GET /specs/{specId}/definitions", s.getSpecDefinition)
}

// errMalformedSpec is a specification whose definition cannot be put
// together: a JSON file that does not parse, or a reference to a file or
// a location that does not exist.
var errMalformedSpec = errors.New("malformed specification")

// getSpecDefinition answers the complete definition of an OpenAPI or
// AsyncAPI specification: its root file with the references to its other
// files resolved, in the root file's format (the Content-Type says which).
// A definition that refers to no other file is answered as stored, byte
// for byte. postmantest has no YAML parser, so a YAML root is answered as
// stored, its references to other files left as they are.
func (s *Server) getSpecDefinition(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	if !strings.HasPrefix(sp.Type, "OPENAPI:") && !strings.HasPrefix(sp.Type, "ASYNCAPI:") {
		// Postman documents the endpoint for OpenAPI and AsyncAPI only; a
		// protobuf, GraphQL or Smithy definition is its files.
		specBadRequest(w, "Definitions are only available for OpenAPI and AsyncAPI specifications.")
		return
	}
	def, err := sp.definition()
	if err != nil {
		specProblem(w, http.StatusBadRequest, "MalformedSpecification", "Malformed Specification.",
			"The spec you are trying to fetch has errors, the definition for the same can't be generated")
		return
	}
	contentType := "application/json"
	if sp.fileFormat() == "yaml" {
		contentType = "application/yaml"
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(def)
}

// definition puts the specification's definition together.
func (sp *storedSpec) definition() ([]byte, error) {
	root := sp.root()
	if root == nil {
		return nil, errMalformedSpec
	}
	if sp.fileFormat() != "json" {
		return []byte(root.Content), nil
	}
	doc, err := parseSpecJSON(root.Content)
	if err != nil {
		return nil, err
	}
	b := bundler{sp: sp}
	resolved, err := b.resolve(doc, root, doc, 0)
	if err != nil {
		return nil, err
	}
	if !b.inlined {
		return []byte(root.Content), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(resolved); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func parseSpecJSON(content string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(content))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, errMalformedSpec
	}
	return v, nil
}

// bundler inlines the references of a multi-file specification's root
// file to its other files.
type bundler struct {
	sp      *storedSpec
	inlined bool
}

// maxRefDepth bounds the references followed from one another, so that a
// file referring to itself ends as malformed instead of looping.
const maxRefDepth = 32

// resolve returns v, found in file (whose parsed content is doc), with
// every reference to another file replaced by what it points to. The
// root's own references ("#/components/…") stay; those of another file
// point into that file and are inlined with it.
func (b *bundler) resolve(v any, file *SpecFile, doc any, depth int) (any, error) {
	if depth > maxRefDepth {
		return nil, errMalformedSpec
	}
	switch v := v.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok && (file != b.sp.root() || !strings.HasPrefix(ref, "#")) {
			target, targetFile, targetDoc, err := b.follow(ref, file, doc)
			if err != nil {
				return nil, err
			}
			b.inlined = true
			return b.resolve(target, targetFile, targetDoc, depth+1)
		}
		out := make(map[string]any, len(v))
		for k, e := range v {
			r, err := b.resolve(e, file, doc, depth)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			r, err := b.resolve(e, file, doc, depth)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return v, nil
}

// follow finds what ref, written in file, points to: a location of file
// itself ("#/…") or of another file, relative to file's folder
// ("schemas/pet.json#/Pet").
func (b *bundler) follow(ref string, file *SpecFile, doc any) (any, *SpecFile, any, error) {
	target, pointer, _ := strings.Cut(ref, "#")
	if target != "" {
		file = b.sp.file(path.Join(path.Dir(file.Path), target))
		if file == nil {
			return nil, nil, nil, errMalformedSpec
		}
		var err error
		if doc, err = parseSpecJSON(file.Content); err != nil {
			return nil, nil, nil, err
		}
	}
	v := doc
	if pointer == "" || pointer == "/" {
		return v, file, doc, nil
	}
	for _, token := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		token = strings.NewReplacer("~1", "/", "~0", "~").Replace(token)
		m, ok := v.(map[string]any)
		if !ok {
			return nil, nil, nil, errMalformedSpec
		}
		if v, ok = m[token]; !ok {
			return nil, nil, nil, errMalformedSpec
		}
	}
	return v, file, doc, nil
}
