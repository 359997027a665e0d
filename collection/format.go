package collection

import "strings"

// The schema URLs Postman writes in info.schema.
const (
	SchemaURLV20 = "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"
	SchemaURLV21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
)

// Format is a version of the collection format.
type Format int

// The collection format versions.
const (
	FormatUnknown Format = iota
	FormatV20            // v2.0.0: auth parameters are objects
	FormatV21            // v2.1.0: auth parameters are arrays of {key, value, type}
)

// String returns "v2.0.0", "v2.1.0" or "unknown".
func (f Format) String() string {
	switch f {
	case FormatV20:
		return "v2.0.0"
	case FormatV21:
		return "v2.1.0"
	}
	return "unknown"
}

// SchemaURL returns the schema URL of the format, or "".
func (f Format) SchemaURL() string {
	switch f {
	case FormatV20:
		return SchemaURLV20
	case FormatV21:
		return SchemaURLV21
	}
	return ""
}

// FormatOf tells the format from a schema URL; any host and the draft-07
// variants are accepted ("…/collection/v2.1.0/collection.json").
func FormatOf(schemaURL string) Format {
	switch {
	case strings.Contains(schemaURL, "/v2.1.0/"):
		return FormatV21
	case strings.Contains(schemaURL, "/v2.0.0/"):
		return FormatV20
	}
	return FormatUnknown
}

// Format returns the format named by info.schema.
func (c *Collection) Format() Format { return FormatOf(c.Info.Schema) }
