package postmantest_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/internal/conformance"
	"github.com/postman-go/postman/postmantest"
)

func TestMonitorRunReportsFailures(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ok := srv.AddMonitor(postmantest.Monitor{Name: "Healthy", Active: true})
	bad := srv.AddMonitor(postmantest.Monitor{Name: "Broken", Active: true, FailingTests: []string{"status is 200"}})
	c := newClient(t, srv, "any-key")

	var run struct {
		Run struct {
			Info     struct{ Status string } `json:"info"`
			Failures []map[string]any        `json:"failures"`
		} `json:"run"`
	}
	_, err := c.Do(t.Context(), http.MethodPost, "/monitors/"+ok+"/run", nil, &run)
	require.NoError(t, err)
	assert.Equal(t, "success", run.Run.Info.Status)
	assert.Empty(t, run.Run.Failures)

	_, err = c.Do(t.Context(), http.MethodPost, "/monitors/"+bad+"/run", nil, &run)
	require.NoError(t, err)
	assert.Equal(t, "failed", run.Run.Info.Status)
	require.Len(t, run.Run.Failures, 1)
	assert.Equal(t, 1, srv.MonitorRuns(bad))
}

func TestSCIMUsersUseTheSCIMKeyOnly(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithSCIMKey("scim-secret"))
	t.Cleanup(srv.Close)
	for _, name := range []string{"a@example.com", "b@example.com", "c@example.com"} {
		srv.AddSCIMUser(postmantest.SCIMUser{UserName: name, Active: true})
	}
	hc := &http.Client{Transport: &conformance.Transport{T: t}}
	c, err := postman.NewClient("api-key", postman.WithBaseURL(srv.URL), postman.WithHTTPClient(hc), postman.WithSCIMKey("scim-secret"), postman.WithoutRateLimit())
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)

	var page struct {
		TotalResults int              `json:"totalResults"`
		Resources    []map[string]any `json:"Resources"`
	}
	_, err = c.Do(t.Context(), http.MethodGet, "/scim/v2/Users?startIndex=3&count=2", nil, &page)
	require.NoError(t, err)
	assert.Equal(t, 3, page.TotalResults)
	require.Len(t, page.Resources, 1)
	assert.Equal(t, "c@example.com", page.Resources[0]["userName"])

	var created map[string]any
	_, err = c.Do(t.Context(), http.MethodPost, "/scim/v2/Users", json.RawMessage(`{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"d@example.com","name":{"givenName":"D","familyName":"E"},"active":true}`), &created)
	require.NoError(t, err)
	_, err = c.Do(t.Context(), http.MethodPatch, "/scim/v2/Users/"+created["id"].(string),
		json.RawMessage(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}`), nil)
	require.NoError(t, err)
	users := srv.SCIMUsers()
	require.Len(t, users, 4)
	assert.False(t, users[3].Active)

	_, err = c.Do(t.Context(), http.MethodPost, "/scim/v2/Users", json.RawMessage(`{"userName":"d@example.com"}`), nil)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "uniqueness", apiErr.SCIMType)
	assert.ErrorIs(t, err, postman.ErrConflict)

	for _, r := range srv.Requests() {
		assert.Empty(t, r.Header.Get("X-Api-Key"), "the API key never goes to /scim")
		assert.Equal(t, "Bearer scim-secret", r.Header.Get("Authorization"))
	}
}

func TestAuditLogsFilterAndPage(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := range 5 {
		srv.AddAuditEvents(postmantest.AuditEvent{Action: "user.login_password_success", Message: "login", ActorName: "taylor", ActorID: 1,
			Timestamp: day.AddDate(0, 0, i), IP: "192.0.2.1", UserAgent: "test"})
	}
	c := newClient(t, srv, "any-key")
	var out struct {
		Trails     []map[string]any `json:"trails"`
		NextCursor string           `json:"nextCursor"`
	}
	_, err := c.Do(t.Context(), http.MethodGet, "/audit/logs?since=2026-11-03&limit=2", nil, &out)
	require.NoError(t, err)
	assert.Len(t, out.Trails, 2)
	assert.NotEmpty(t, out.NextCursor)
	cursor := out.NextCursor
	out.NextCursor = ""
	_, err = c.Do(t.Context(), http.MethodGet, "/audit/logs?since=2026-11-03&limit=2&cursor="+cursor, nil, &out)
	require.NoError(t, err)
	assert.Len(t, out.Trails, 1)
	assert.Empty(t, out.NextCursor)
}

func TestImportOpenAPIMakesACollection(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	c := newClient(t, srv, "any-key")
	def := `{"openapi":"3.0.0","info":{"title":"Pets","version":"1"},"servers":[{"url":"https://pets.example.com"}],
	  "paths":{"/pets":{"get":{"summary":"List pets","responses":{"200":{"description":"ok"}}},"post":{"responses":{"201":{"description":"ok"}}}},
	           "/pets/{petId}":{"get":{"summary":"Get a pet","responses":{"200":{"description":"ok"}}}}}}`
	var out struct {
		Collections []struct{ ID, Name, UID string } `json:"collections"`
	}
	_, err := c.Do(t.Context(), http.MethodPost, "/import/openapi?workspace="+ws, map[string]any{"type": "json", "input": json.RawMessage(def)}, &out)
	require.NoError(t, err)
	require.Len(t, out.Collections, 1)
	assert.Equal(t, "Pets", out.Collections[0].Name)

	var got struct {
		Collection struct {
			Item []struct {
				Name string
				Item []struct{ Name string }
			}
		}
	}
	_, err = c.Do(t.Context(), http.MethodGet, "/collections/"+out.Collections[0].UID, nil, &got)
	require.NoError(t, err)
	require.Len(t, got.Collection.Item, 1)
	assert.Equal(t, "pets", got.Collection.Item[0].Name)
	assert.Len(t, got.Collection.Item[0].Item, 3)
}
