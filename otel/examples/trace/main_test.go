package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// span is what the test reads of each span the exporter printed.
type span struct {
	Name        string
	SpanKind    int
	SpanContext struct{ SpanID string }
	Parent      struct{ SpanID string }
	Attributes  []struct {
		Key   string
		Value struct{ Value any }
	}
	Events []struct {
		Name       string
		Attributes []struct {
			Key   string
			Value struct{ Value any }
		}
	}
}

func (s span) attr(key string) any {
	for _, a := range s.Attributes {
		if a.Key == key {
			return a.Value.Value
		}
	}
	return nil
}

// TestTraceRunsOffline runs the job against the fake API (it waits the
// one second the fake's 429 asks for) and reads back the spans it
// printed: three calls, the last with two requests and a retry event
// for the 429.
func TestTraceRunsOffline(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), &out))
	text := out.String()
	assert.Contains(t, text, "using the built-in fake Postman API")
	assert.Contains(t, text, `got "Weather" in 1 attempt(s)`)
	assert.Contains(t, text, `got "Weather" in 2 attempt(s)`)
	assert.NotContains(t, text, "PMAK-offline-example", "the key is in no span")

	// The exporter pretty-prints each span as an object whose braces
	// stand alone at the start of a line; the job's own lines are between.
	var spans []span
	var obj []string
	for line := range strings.Lines(text) {
		switch {
		case line == "{\n":
			obj = []string{line}
		case line == "}\n" && obj != nil:
			var s span
			require.NoError(t, json.Unmarshal([]byte(strings.Join(append(obj, line), "")), &s))
			spans = append(spans, s)
			obj = nil
		case obj != nil:
			obj = append(obj, line)
		}
	}
	var calls []span
	children := map[string][]span{}
	for _, s := range spans {
		if s.SpanKind == 1 { // internal: a call
			calls = append(calls, s)
		} else {
			children[s.Parent.SpanID] = append(children[s.Parent.SpanID], s)
		}
	}
	require.Len(t, calls, 3)
	assert.Equal(t, "getWorkspaces", calls[0].Name)
	assert.Equal(t, "getCollection", calls[1].Name)
	assert.Equal(t, "getCollection", calls[2].Name)
	assert.EqualValues(t, 2, calls[2].attr("postman.attempts"))
	reqs := children[calls[2].SpanContext.SpanID]
	require.Len(t, reqs, 2)
	assert.Equal(t, "GET /collections/{collectionId}", reqs[0].Name)
	assert.EqualValues(t, 429, reqs[0].attr("http.response.status_code"))
	assert.EqualValues(t, 200, reqs[1].attr("http.response.status_code"))
	require.Len(t, calls[2].Events, 1)
	assert.Equal(t, "postman.retry", calls[2].Events[0].Name)
}
