package postman

// The spec-migration endpoints are not in the OpenAPI description, so the
// conformance harness cannot route them: these tests use a local server
// that answers with the shapes of Postman's 2026 API reference.

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// migrationServer answers the spec-migration endpoints of testAPIID: POST
// with postStatus, GET with the statuses in order (the last one repeats).
type migrationServer struct {
	URL string

	mu       sync.Mutex
	requests []*http.Request
	bodies   []string
	gets     int
}

func newMigrationServer(t *testing.T, postStatus int, statuses ...string) *migrationServer {
	t.Helper()
	m := &migrationServer{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		m.mu.Lock()
		m.requests = append(m.requests, r)
		m.bodies = append(m.bodies, string(body))
		m.mu.Unlock()
		if r.URL.Path != "/apis/"+testAPIID+"/spec-migrations" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.Method {
		case http.MethodPost:
			w.WriteHeader(postStatus)
			_, _ = w.Write([]byte(`{"message":"Migration started.","success":true}`))
		case http.MethodGet:
			m.mu.Lock()
			status := statuses[min(m.gets, len(statuses)-1)]
			m.gets++
			m.mu.Unlock()
			switch status {
			case "COMPLETED":
				_, _ = w.Write([]byte(`{"status":"COMPLETED","details":{"workspaceId":"` + testAPIWorkspace + `"}}`))
			case "FAILED":
				_, _ = w.Write([]byte(`{"status":"FAILED","details":{"reason":"The API definition is invalid."}}`))
			default:
				_, _ = w.Write([]byte(`{"status":"` + status + `"}`))
			}
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	}))
	t.Cleanup(srv.Close)
	m.URL = srv.URL
	return m
}

// seen returns the requests, their bodies and the number of GETs so far.
func (m *migrationServer) seen() ([]*http.Request, []string, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*http.Request(nil), m.requests...), append([]string(nil), m.bodies...), m.gets
}

func TestAPIsMigrateToSpecHub(t *testing.T) {
	m := newMigrationServer(t, http.StatusAccepted, "COMPLETED")
	c := newTestClient(t, m.URL)
	start, resp, err := c.APIs.MigrateToSpecHub(t.Context(), testAPIID, APIMigrateParams{WorkspaceID: testAPIWorkspace})
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.True(t, start.Accepted)
	assert.True(t, start.Success)
	assert.Equal(t, "Migration started.", start.Message)
	reqs, bodies, _ := m.seen()
	require.Len(t, reqs, 1)
	assert.Equal(t, http.MethodPost, reqs[0].Method)
	assert.Equal(t, "application/vnd.api.v10+json", reqs[0].Header.Get("Accept"))
	assert.JSONEq(t, `{"workspaceId":"`+testAPIWorkspace+`"}`, bodies[0])
}

func TestAPIsMigrateToSpecHubNewWorkspaceAndNothingToMigrate(t *testing.T) {
	m := newMigrationServer(t, http.StatusOK, "COMPLETED")
	c := newTestClient(t, m.URL)
	start, _, err := c.APIs.MigrateToSpecHub(t.Context(), testAPIID, APIMigrateParams{
		Workspace: &APISpecMigrationWorkspace{Name: "Specs"}, Git: &APISpecMigrationGit{Path: "/apis/payments"}})
	require.NoError(t, err)
	assert.False(t, start.Accepted, "200 means the ID is not an API Builder API")
	_, bodies, _ := m.seen()
	assert.JSONEq(t, `{"workspaceInfo":{"name":"Specs"},"gitInfo":{"path":"/apis/payments"}}`, bodies[0])
}

func TestAPIsMigrateToSpecHubRefusesBadRequestsBeforeIO(t *testing.T) {
	m := newMigrationServer(t, http.StatusAccepted, "COMPLETED")
	c := newTestClient(t, m.URL)
	for _, req := range []APIMigrateParams{
		{},
		{WorkspaceID: testAPIWorkspace, Workspace: &APISpecMigrationWorkspace{Name: "x"}},
		{WorkspaceID: testAPIWorkspace, Git: &APISpecMigrationGit{Path: "/x"}},
	} {
		_, _, err := c.APIs.MigrateToSpecHub(t.Context(), testAPIID, req)
		assert.ErrorIs(t, err, ErrInvalidArgument)
	}
	reqs, _, _ := m.seen()
	assert.Empty(t, reqs)
}

func TestAPIsWaitSpecMigration(t *testing.T) {
	t.Run("completes", func(t *testing.T) {
		m := newMigrationServer(t, http.StatusAccepted, "IN_PROGRESS", "IN_PROGRESS", "COMPLETED")
		c := newTestClient(t, m.URL)
		done, _, err := c.APIs.WaitSpecMigration(t.Context(), &APISpecMigrationStart{APIID: testAPIID})
		require.NoError(t, err)
		assert.Equal(t, APISpecMigrationCompleted, done.Status)
		assert.Equal(t, testAPIWorkspace, done.Details.WorkspaceID)
		reqs, _, gets := m.seen()
		assert.Equal(t, 3, gets)
		for _, r := range reqs {
			assert.Equal(t, "application/vnd.api.v10+json", r.Header.Get("Accept"))
		}
	})
	t.Run("fails", func(t *testing.T) {
		m := newMigrationServer(t, http.StatusAccepted, "IN_PROGRESS", "FAILED")
		c := newTestClient(t, m.URL)
		done, _, err := c.APIs.WaitSpecMigration(t.Context(), &APISpecMigrationStart{APIID: testAPIID})
		assert.Nil(t, done)
		var failed *TaskFailedError
		require.ErrorAs(t, err, &failed)
		assert.Equal(t, "FAILED", failed.Status)
		assert.Equal(t, "The API definition is invalid.", failed.Details)
	})
	t.Run("errors end the wait", func(t *testing.T) {
		m := newMigrationServer(t, http.StatusAccepted, "COMPLETED")
		c := newTestClient(t, m.URL)
		_, _, err := c.APIs.WaitSpecMigration(t.Context(), &APISpecMigrationStart{APIID: "other-api"})
		assert.ErrorIs(t, err, ErrNotFound)
	})
}
