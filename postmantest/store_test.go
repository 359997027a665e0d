package postmantest_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// sampleCollection has what naive clients lose: nested folders, unknown
// keys, big numbers, auth parameters.
const sampleCollection = `{
  "info": {"name": "Orders API", "schema": "https://schema.postman.com/json/collection/v2.1.0/collection.json",
           "description": "# Orders", "_exporter_id": "123"},
  "item": [{"id": "f1", "name": "Level 1", "item": [{"id": "f2", "name": "Level 2", "item": [{"id": "r1", "name": "List orders",
      "request": {"method": "GET", "url": "https://example.com/orders?limit=10"},
      "x-custom": {"kept": true}}]}]}],
  "variable": [{"key": "big", "value": 12345678901234567890}],
  "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]}
}`

func canonical(t *testing.T, v any) string {
	t.Helper()
	var data []byte
	switch b := v.(type) {
	case []byte:
		data = b
	case string:
		data = []byte(b)
	default:
		var err error
		data, err = json.Marshal(v)
		require.NoError(t, err)
	}
	var out any
	dec := json.NewDecoder(bytesReader(data))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&out))
	canon, err := json.Marshal(out)
	require.NoError(t, err)
	return string(canon)
}

func TestCollectionsStoreDocumentsLosslessly(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	ws := srv.Workspaces()[1].ID

	var created struct {
		Collection struct{ ID, UID string } `json:"collection"`
	}
	_, err := c.Do(t.Context(), http.MethodPost, "/collections?workspace="+ws,
		json.RawMessage(`{"collection":`+sampleCollection+`}`), &created)
	require.NoError(t, err)
	require.NotEmpty(t, created.Collection.ID)
	assert.Equal(t, "12345678-"+created.Collection.ID, created.Collection.UID)

	var raw json.RawMessage
	_, err = c.Do(t.Context(), http.MethodGet, "/collections/"+created.Collection.UID, nil, &raw)
	require.NoError(t, err)
	var got struct {
		Collection map[string]any `json:"collection"`
	}
	dec := json.NewDecoder(bytesReader(raw))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&got))
	info := got.Collection["info"].(map[string]any)
	assert.Equal(t, created.Collection.ID, info["_postman_id"])
	for _, k := range []string{"_postman_id", "uid", "createdAt", "updatedAt", "lastUpdatedBy"} {
		delete(info, k)
	}
	assert.Equal(t, canonical(t, sampleCollection), canonical(t, got.Collection), "the stored document comes back unchanged")

	assert.Contains(t, string(raw), "12345678901234567890", "numbers are kept exactly")

	var list struct {
		Collections []map[string]any `json:"collections"`
		Meta        map[string]any   `json:"meta"`
	}
	_, err = c.Do(t.Context(), http.MethodGet, "/collections?workspace="+ws+"&limit=1&offset=0", nil, &list)
	require.NoError(t, err)
	require.Len(t, list.Collections, 1)
	assert.Equal(t, "Orders API", list.Collections[0]["name"])
	assert.EqualValues(t, 1, list.Meta["total"])
}

func TestCollectionAsyncReplaceAndDuplicateTasks(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithTaskDelay(time.Hour))
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	id := srv.AddCollection(ws, []byte(sampleCollection))
	c := newClient(t, srv, "any-key")

	var accepted struct {
		Task struct{ ID, Status string } `json:"task"`
	}
	body := json.RawMessage(`{"collection":{"info":{"name":"Renamed","schema":"https://schema.postman.com/json/collection/v2.1.0/collection.json"},"item":[]}}`)
	resp, err := c.Do(t.Context(), http.MethodPut, "/collections/"+id, body, &accepted)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "without Prefer: respond-async the replace is synchronous")

	var task struct{ ID, Status string }
	var dup struct {
		Task struct{ ID, Status string } `json:"task"`
	}
	_, err = c.Do(t.Context(), http.MethodPost, "/collections/"+id+"/duplicates", map[string]string{"workspace": ws, "suffix": "Copy"}, &dup)
	require.NoError(t, err)
	assert.Equal(t, "processing", dup.Task.Status)
	var status struct {
		Task struct{ Status string } `json:"task"`
	}
	_, err = c.Do(t.Context(), http.MethodGet, "/collection-duplicate-tasks/"+dup.Task.ID, nil, &status)
	require.NoError(t, err)
	assert.Equal(t, "processing", status.Task.Status, "the task is still running within the configured delay")
	_ = task
}

func TestEnvironmentsPatchKeepsOtherVariables(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddEnvironment(srv.Workspaces()[0].ID, "Staging",
		postmantest.EnvironmentVariable{Key: "baseUrl", Value: "https://staging.example.com", Type: "default"},
		postmantest.EnvironmentVariable{Key: "token", Value: "old", Type: "secret"})
	c := newClient(t, srv, "any-key")
	patch := json.RawMessage(`[{"op":"replace","path":"/values/1/value","value":"new"}]`)
	_, err := c.Do(t.Context(), http.MethodPatch, "/environments/"+id, patch, nil)
	require.NoError(t, err)
	values := srv.EnvironmentValues(id)
	require.Len(t, values, 2)
	assert.Equal(t, "https://staging.example.com", values[0].Value)
	assert.Equal(t, "new", values[1].Value)
	assert.Equal(t, "secret", values[1].Type)
}

func TestFaults(t *testing.T) {
	t.Run("5xx injection is retried by the client", func(t *testing.T) {
		srv := postmantest.NewServer()
		t.Cleanup(srv.Close)
		srv.FailNext(2, http.StatusServiceUnavailable)
		c, err := postman.NewClient("k", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit(),
			postman.WithRetryWait(time.Millisecond, 2*time.Millisecond), postman.WithMaxRetryAfter(0))
		require.NoError(t, err)
		t.Cleanup(c.CloseIdleConnections)
		_, resp, err := c.Users.GetMe(t.Context())
		var apiErr *postman.APIError
		require.ErrorAs(t, err, &apiErr, "Retry-After: 1 is over the 0s cap: the client stops at once")
		assert.Equal(t, 503, apiErr.StatusCode)
		assert.Equal(t, 1, resp.Attempts)
	})
	t.Run("rate limit answers 429 with the wait headers", func(t *testing.T) {
		srv := postmantest.NewServer(postmantest.WithRateLimit(2, time.Hour))
		t.Cleanup(srv.Close)
		c := newClient(t, srv, "any-key")
		for range 2 {
			_, _, err := c.Users.GetMe(t.Context())
			require.NoError(t, err)
		}
		_, resp, err := c.Users.GetMe(t.Context())
		var rl *postman.RateLimitError
		require.ErrorAs(t, err, &rl)
		assert.False(t, rl.QuotaExhausted)
		assert.Greater(t, rl.RetryAfter, 59*time.Minute)
		assert.Equal(t, 0, resp.Rate.Remaining)
		assert.Equal(t, 1, srv.RateLimited())
	})
	t.Run("Postman's endpoint limits", func(t *testing.T) {
		srv := postmantest.NewServer(postmantest.WithRateLimit(postmantest.PostmanRateLimit, time.Minute), postmantest.WithPostmanLimits(1))
		t.Cleanup(srv.Close)
		c := newClient(t, srv, "any-key")
		for range 10 {
			_, _, err := c.Collections.List(t.Context(), nil)
			require.NoError(t, err)
		}
		_, _, err := c.Collections.List(t.Context(), nil)
		var rl *postman.RateLimitError
		require.ErrorAs(t, err, &rl, "the 11th GET /collections within 10 s")
		assert.Greater(t, rl.RetryAfter, 8*time.Second)
		assert.LessOrEqual(t, rl.RetryAfter, 10*time.Second)

		_, _, err = c.Users.GetMe(t.Context())
		assert.NoError(t, err, "other endpoints draw only from the general limit")
		_, _, err = newClient(t, srv, "another-key").Collections.List(t.Context(), nil)
		assert.NoError(t, err, "each key has its own window")
		for range 9 {
			_, _, err = c.Workspaces.Get(t.Context(), "no-such-workspace", nil)
			require.NotErrorIs(t, err, postman.ErrRateLimited)
		}
		assert.Equal(t, 1, srv.RateLimited(), "refused requests count against no window")
	})
	t.Run("quota exhaustion", func(t *testing.T) {
		srv := postmantest.NewServer()
		t.Cleanup(srv.Close)
		srv.ExhaustQuota()
		c := newClient(t, srv, "any-key")
		_, _, err := c.Users.GetMe(t.Context())
		assert.ErrorIs(t, err, postman.ErrQuotaExhausted)
		srv.RestoreQuota()
		_, _, err = c.Users.GetMe(t.Context())
		assert.NoError(t, err)
	})
	t.Run("plan gating", func(t *testing.T) {
		srv := postmantest.NewServer()
		t.Cleanup(srv.Close)
		srv.GateFeature("/workspaces")
		c := newClient(t, srv, "any-key")
		_, _, err := c.Workspaces.List(t.Context(), nil)
		assert.ErrorIs(t, err, postman.ErrFeatureUnavailable)
	})
}

func TestAddCollectionKeepsNumbersExact(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddCollection(srv.Workspaces()[0].ID, []byte(`{"collection":`+sampleCollection+`}`))
	doc := srv.CollectionDocument(id)
	assert.Contains(t, string(doc), "12345678901234567890", "seeded documents keep every digit")
}
