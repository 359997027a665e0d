package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// The harness answers with an operation's first example by name; these
// helpers serve another documented example, to test what it decodes to.

// collExample returns the JSON of the named example of an operation's
// response of the given status, as the description documents it, and
// its media type.
func collExample(t testing.TB, operationID string, status int, name string) (body []byte, contentType string) {
	t.Helper()
	op, err := conformance.Lookup(operationID)
	require.NoError(t, err)
	_, ok := op.Answer(status)
	require.True(t, ok, "%s has no %d response", operationID, status)
	ex, ok := op.Example(status, name)
	require.True(t, ok, "%s %d has no example %q", operationID, status, name)
	return []byte(ex.Body), ex.ContentType
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
