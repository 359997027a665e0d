package postmantest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// petsCollection has a folder, requests with saved examples (for mocks,
// comments and the item endpoints) and conforms to the description.
const petsCollection = `{
  "info": {"name": "Pets API", "schema": "https://schema.postman.com/json/collection/v2.1.0/collection.json"},
  "item": [
    {"id": "11111111-1111-4111-8111-111111111111", "name": "pets", "item": [
      {"id": "22222222-2222-4222-8222-222222222222", "name": "Get a pet",
       "request": {"method": "GET", "header": [], "url": {"raw": "{{baseUrl}}/pets/:petId", "host": ["{{baseUrl}}"], "path": ["pets", ":petId"]}},
       "response": [
         {"id": "33333333-3333-4333-8333-333333333333", "name": "A pet", "code": 200, "status": "OK",
          "header": [{"key": "Content-Type", "value": "application/json"}], "body": "{\"id\": 1, \"name\": \"Rex\"}"},
         {"id": "44444444-4444-4444-8444-444444444444", "name": "No pet", "code": 404, "status": "Not Found",
          "header": [{"key": "Content-Type", "value": "application/json"}], "body": "{\"error\": \"no such pet\"}"}
       ]},
      {"id": "55555555-5555-4555-8555-555555555555", "name": "Add a pet",
       "request": {"method": "POST", "header": [], "url": "https://pets.example.com/pets"},
       "response": [{"id": "66666666-6666-4666-8666-666666666666", "name": "Created", "code": 201, "status": "Created", "header": [], "body": "created"}]}
    ]}
  ]
}`

const (
	petsFolderID  = "11111111-1111-4111-8111-111111111111"
	getPetID      = "22222222-2222-4222-8222-222222222222"
	getPetOKID    = "33333333-3333-4333-8333-333333333333"
	addPetID      = "55555555-5555-4555-8555-555555555555"
	fakeUserID    = 12345678
	fakeUserIDStr = "12345678"
)

// uid is the UID the fake gives an element of its user.
func uid(id string) string { return fakeUserIDStr + "-" + id }

// inVirtualTime runs fn in a testing/synctest bubble with a client of srv
// (newClient's, with opts) that reaches it in memory: the server's task
// delays and the client's polling then run on the bubble's clock, which
// moves only when every goroutine waits, so that a test observing a task
// before and after its delay holds however busy the machine is.
func inVirtualTime(t *testing.T, srv *postmantest.Server, fn func(t *testing.T, c *postman.Client), opts ...postman.Option) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		fn(t, newClientVia(t, srv, srv.Transport(), "any-key", opts...))
	})
}

// newPollingClient is newClient polling tasks every few milliseconds.
func newPollingClient(t *testing.T, srv *postmantest.Server) *postman.Client {
	return newClient(t, srv, "any-key", postman.WithTaskPolling(5*time.Millisecond, 20*time.Millisecond))
}

// newPlainClient is newClient without the validation against the
// description, for endpoints it lacks and requests it forbids; it polls
// tasks every few milliseconds.
func newPlainClient(t *testing.T, srv *postmantest.Server) *postman.Client {
	t.Helper()
	c, err := postman.NewClient("any-key", postman.WithBaseURL(srv.URL), postman.WithHTTPClient(plainHTTP(t)), postman.WithoutRateLimit(),
		postman.WithMaxRetries(0), postman.WithTaskPolling(5*time.Millisecond, 20*time.Millisecond))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// plainHTTP returns an HTTP client whose connections close when the test
// ends, for calls outside the SDK (mock URLs, requests the description
// forbids).
func plainHTTP(t *testing.T) *http.Client {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// call sends a request with an optional API key and returns the status
// and body.
func call(t *testing.T, hc *http.Client, method, url, key string, header map[string]string) (int, string) {
	t.Helper()
	return callWith(t, hc, method, url, key, header, nil)
}

// callWith is call with a request body.
func callWith(t *testing.T, hc *http.Client, method, url, key string, header map[string]string, body io.Reader) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, body)
	require.NoError(t, err)
	if key != "" {
		req.Header.Set("X-Api-Key", key)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := hc.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(answer)
}

// document decodes a stored collection document.
func document(t *testing.T, srv *postmantest.Server, id string) map[string]any {
	t.Helper()
	data := srv.CollectionDocument(id)
	require.NotNil(t, data, "collection %s is stored", id)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	return doc
}

// itemNames returns the names of the items at the root of a document, or
// of the folder path names.
func itemNames(doc map[string]any, path ...string) []string {
	items, _ := doc["item"].([]any)
	for _, name := range path {
		var next []any
		for _, it := range items {
			m := it.(map[string]any)
			if m["name"] == name {
				next, _ = m["item"].([]any)
			}
		}
		items = next
	}
	var names []string
	for _, it := range items {
		names = append(names, it.(map[string]any)["name"].(string))
	}
	return names
}
