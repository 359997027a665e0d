package collection

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// FuzzRoundTrip checks that Parse never panics, that it accepts exactly the
// JSON objects encoding/json accepts, and that whatever it decodes encodes
// back to equal JSON (see roundTrip). The seeds are every fixture plus small
// documents aimed at the union and duplicate-key paths.
func FuzzRoundTrip(f *testing.F) {
	for _, data := range fixtures(f) {
		f.Add(data)
	}
	for _, s := range []string{
		`{}`,
		`{"info":{"name":"a","schema":"s"},"item":[{"request":"u"}]}`,
		`{"item":[{"item":[{"item":[]}]}],"auth":null}`,
		`{"name":1,"name":"x","item":[{"name":"a","name":2}]}`,
		`{"item":[{"request":{"auth":{"bearer":{"token":"x"},"type":"bearer"},"header":"A: b"}}]}`,
		`{"item":[{"request":{"auth":{"type":"type","type":[1]}}}]}`,
		`{"item":[{"response":[{"header":["A: b",{"key":"c"}],"code":1.5,"body":null}]}]}`,
		`{"collection":{"info":{}},"collection":1}`,
		`{"collection":{"item":[]}}`,
		`{"variable":[{"value":-0},{"value":1e999},{"value":"\ud800\udc00\ud800"}]}`,
		"{\"info\":{\"name\":\"\xff\xfe\"}}",
		`{"item":[{"request":{"url":{"host":"a.b","path":"/x/y","query":[{"key":null,"value":null}]}}}]}`,
		`{"item":[{"request":{"url":{"auth":{"user":"u","password":null,"x":1},"host":["h"]}}},{"request":{"url":{"auth":"u"}}}]}`,
		`{"item":[{"request":{"body":{"formdata":[{"src":null},{"src":"a"},{"src":["a","b"]}]}}}]}`,
		`{"info":{"version":{"major":1}},"item":[]}`,
		// A key whose unescaped form is as long as its escaped one, then a
		// value unescaped through the same buffer.
		"{\"item\":[{\"request\":{\"auth\":{\"\xff\\n\\n\":1,\"type\":\"\\u00e9\\n\"}}}]}",
		`{"item":[{"request":{"auth":{"type":"","":{}}}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		std := json.Valid(bytes.TrimPrefix(data, bom))
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error is not a *DecodeError: %T %v", err, err)
			}
			trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
			if std && len(trimmed) > 0 && trimmed[0] == '{' {
				t.Fatalf("Parse rejected a JSON object that encoding/json accepts: %v", err)
			}
			return
		}
		if !std {
			t.Fatalf("Parse accepted input that encoding/json rejects")
		}
		roundTrip(t, data)
		// Validate must not panic on anything Parse accepts.
		_ = c.Validate()
	})
}
