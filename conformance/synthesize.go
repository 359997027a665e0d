package conformance

import "github.com/getkin/kin-openapi/openapi3"

// maxDepth stops synthesis of recursive schemas.
const maxDepth = 8

// Synthesize builds a value that satisfies schema, preferring the
// examples the description gives, for operations without an example.
func Synthesize(s *openapi3.Schema, depth int) any {
	if s == nil || depth > maxDepth {
		return nil
	}
	if s.Example != nil {
		return s.Example
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	for _, group := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
		if len(group) == 0 {
			continue
		}
		if len(s.AllOf) > 0 && len(group) == len(s.AllOf) {
			merged := map[string]any{}
			for _, part := range group {
				if m, ok := Synthesize(part.Value, depth+1).(map[string]any); ok {
					for k, v := range m {
						merged[k] = v
					}
				}
			}
			return merged
		}
		return Synthesize(group[0].Value, depth+1)
	}
	switch {
	case s.Type.Is("object") || len(s.Properties) > 0:
		obj := map[string]any{}
		for name, p := range s.Properties {
			obj[name] = Synthesize(p.Value, depth+1)
			if obj[name] == nil {
				delete(obj, name)
			}
		}
		return obj
	case s.Type.Is("array"):
		if s.Items == nil {
			return []any{}
		}
		item := Synthesize(s.Items.Value, depth+1)
		if item == nil {
			return []any{}
		}
		return []any{item}
	case s.Type.Is("string"):
		switch s.Format {
		case "date-time":
			return "2024-01-01T00:00:00Z"
		case "date":
			return "2024-01-01"
		case "uri", "url":
			return "https://example.com"
		case "email":
			return "user@example.com"
		}
		return "string"
	case s.Type.Is("integer"), s.Type.Is("number"):
		if s.Min != nil {
			return *s.Min
		}
		return 1
	case s.Type.Is("boolean"):
		return true
	}
	return nil
}
