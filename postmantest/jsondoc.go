package postmantest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// decodeBody decodes a JSON request body into v keeping numbers exact,
// so that stored documents come back as they were sent. It answers
// Postman's 400 and returns false when the body is not JSON.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "malformedRequestError", "The request body is not valid JSON: "+err.Error())
		return false
	}
	return true
}

// cloneJSON deep-copies a decoded JSON value.
func cloneJSON(v any) any {
	data, _ := json.Marshal(v)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out any
	_ = dec.Decode(&out)
	return out
}

// cloneList deep-copies a decoded JSON array, never returning nil.
func cloneList(v []any) []any {
	out, _ := cloneJSON(v).([]any)
	if out == nil {
		out = []any{}
	}
	return out
}

func paramMissing(w http.ResponseWriter, message string) {
	writeError(w, http.StatusBadRequest, "paramMissingError", message)
}

// patchOp is one operation of a JSON Patch (RFC 6902) body.
type patchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value"`
}

// applyPatch applies add, replace and remove operations to doc.
func applyPatch(doc any, ops []patchOp) (any, error) {
	for _, op := range ops {
		var err error
		doc, err = applyOp(doc, op)
		if err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func applyOp(doc any, op patchOp) (any, error) {
	if op.Path == "" || op.Path[0] != '/' {
		return nil, fmt.Errorf("invalid path %q", op.Path)
	}
	parts := strings.Split(op.Path[1:], "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	parent := doc
	for _, p := range parts[:len(parts)-1] {
		next, err := child(parent, p)
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", op.Path, err)
		}
		parent = next
	}
	last := parts[len(parts)-1]
	switch container := parent.(type) {
	case map[string]any:
		switch op.Op {
		case "add", "replace":
			container[last] = op.Value
		case "remove":
			delete(container, last)
		default:
			return nil, fmt.Errorf("unsupported op %q", op.Op)
		}
		return doc, nil
	case []any:
		// Arrays are replaced in their parent, so rebuild through setChild.
		return doc, patchArray(doc, parts[:len(parts)-1], container, last, op)
	}
	return nil, fmt.Errorf("path %q: not a container", op.Path)
}

func patchArray(doc any, parentPath []string, arr []any, last string, op patchOp) error {
	idx := len(arr)
	if last != "-" {
		n, err := strconv.Atoi(last)
		if err != nil || n < 0 || n > len(arr) {
			return fmt.Errorf("bad array index %q", last)
		}
		idx = n
	}
	switch op.Op {
	case "add":
		arr = append(arr[:idx], append([]any{op.Value}, arr[idx:]...)...)
	case "replace":
		if idx >= len(arr) {
			return fmt.Errorf("index %d out of range", idx)
		}
		arr[idx] = op.Value
	case "remove":
		if idx >= len(arr) {
			return fmt.Errorf("index %d out of range", idx)
		}
		arr = append(arr[:idx], arr[idx+1:]...)
	default:
		return fmt.Errorf("unsupported op %q", op.Op)
	}
	return setAt(doc, parentPath, arr)
}

func child(v any, key string) (any, error) {
	switch c := v.(type) {
	case map[string]any:
		next, ok := c[key]
		if !ok {
			return nil, fmt.Errorf("no member %q", key)
		}
		return next, nil
	case []any:
		n, err := strconv.Atoi(key)
		if err != nil || n < 0 || n >= len(c) {
			return nil, fmt.Errorf("bad index %q", key)
		}
		return c[n], nil
	}
	return nil, fmt.Errorf("%q is inside a scalar", key)
}

func setAt(doc any, path []string, value any) error {
	if len(path) == 0 {
		return fmt.Errorf("cannot replace the document root")
	}
	parent := doc
	for _, p := range path[:len(path)-1] {
		next, err := child(parent, p)
		if err != nil {
			return err
		}
		parent = next
	}
	last := path[len(path)-1]
	switch c := parent.(type) {
	case map[string]any:
		c[last] = value
		return nil
	case []any:
		n, err := strconv.Atoi(last)
		if err != nil || n < 0 || n >= len(c) {
			return fmt.Errorf("bad index %q", last)
		}
		c[n] = value
		return nil
	}
	return fmt.Errorf("not a container")
}
