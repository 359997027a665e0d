package postman

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// The harness answers with an operation's first example by name; these
// helpers serve another documented example, to test what it decodes to.

var (
	collSpecOnce sync.Once
	collSpec     *openapi3.T
	collSpecErr  error
)

// collExample returns the JSON of the named example of an operation's
// response of the given status, as the description documents it, and
// its media type.
func collExample(t testing.TB, operationID string, status int, name string) (body []byte, contentType string) {
	t.Helper()
	collSpecOnce.Do(func() {
		collSpec, collSpecErr = openapi3.NewLoader().LoadFromFile("testdata/openapi.yaml")
	})
	require.NoError(t, collSpecErr)
	for _, item := range collSpec.Paths.Map() {
		for _, op := range item.Operations() {
			if op.OperationID != operationID {
				continue
			}
			ref := op.Responses.Value(strconv.Itoa(status))
			require.NotNil(t, ref, "%s has no %d response", operationID, status)
			for ctype, media := range ref.Value.Content {
				if ex := media.Examples[name]; ex != nil && ex.Value != nil {
					data, err := json.Marshal(ex.Value.Value)
					require.NoError(t, err)
					return data, ctype
				}
			}
			t.Fatalf("%s %d has no example %q", operationID, status, name)
		}
	}
	t.Fatalf("no operation %q", operationID)
	return nil, ""
}

// collServe answers operationID with a JSON body and status, still
// validated by the harness.
func collServe(h *conformance.Harness, operationID string, status int, body []byte) {
	collServeAs(h, operationID, status, "application/json", body)
}

// collServeAs answers operationID with body of contentType and status.
func collServeAs(h *conformance.Harness, operationID string, status int, contentType string, body []byte) {
	h.Respond(operationID, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write(body)
	})
}

// collServeExample answers operationID with its named example of status.
func collServeExample(t testing.TB, h *conformance.Harness, operationID string, status int, name string) {
	t.Helper()
	body, contentType := collExample(t, operationID, status, name)
	collServeAs(h, operationID, status, contentType, body)
}
