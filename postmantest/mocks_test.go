package postmantest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestMockLifecycle(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	colID := srv.AddCollection(ws, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	m, _, err := c.Mocks.Create(ctx, ws, postman.MockCreateParams{Collection: uid(colID), Name: "Pets mock", Private: true})
	require.NoError(t, err)
	assert.Equal(t, uid(colID), m.Collection)
	assert.Equal(t, uid(m.ID), m.UID)
	require.Len(t, srv.Mocks(), 1)
	assert.Equal(t, srv.Mocks()[0].URL, m.MockURL)
	assert.True(t, srv.Mocks()[0].Private)

	list, _, err := c.Mocks.List(ctx, &postman.MockListOptions{Workspace: ws})
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "Pets mock", list[0].Name)
	other, _, err := c.Mocks.List(ctx, &postman.MockListOptions{Workspace: srv.Workspaces()[0].ID})
	require.NoError(t, err)
	assert.Empty(t, other)

	name := "Renamed mock"
	updated, _, err := c.Mocks.Update(ctx, m.ID, postman.MockUpdateParams{Name: &name})
	require.NoError(t, err)
	assert.Equal(t, name, updated.Name)
	got, _, err := c.Mocks.Get(ctx, m.UID)
	require.NoError(t, err)
	assert.Equal(t, name, got.Name)
	assert.False(t, got.Deactivated)

	ws1, _, err := c.Workspaces.Get(ctx, ws, nil)
	require.NoError(t, err)
	require.Len(t, ws1.Mocks, 1)
	assert.Equal(t, m.ID, ws1.Mocks[0].ID)

	_, err = c.Mocks.Delete(ctx, m.ID)
	require.NoError(t, err)
	_, _, err = c.Mocks.Get(ctx, m.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	assert.Empty(t, srv.Mocks())
}

func TestMockServesExamplesAndLogsCalls(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithAPIKey("key"))
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	colID := srv.AddCollection(ws, []byte(petsCollection))
	mockID := srv.AddMock(postmantest.Mock{Name: "Pets", CollectionUID: colID, Private: true})
	c := newClient(t, srv, "key")
	hc := plainHTTP(t)
	ctx := t.Context()
	mockURL := srv.Mocks()[0].URL

	status, _ := call(t, hc, http.MethodGet, mockURL+"/pets/1", "", nil)
	assert.Equal(t, http.StatusUnauthorized, status, "a private mock needs the API key")
	status, body := call(t, hc, http.MethodGet, mockURL+"/pets/1", "key", nil)
	assert.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, `{"id": 1, "name": "Rex"}`, body)

	_, err := c.Mocks.Publish(ctx, mockID)
	require.NoError(t, err)
	_, err = c.Mocks.Publish(ctx, mockID)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "mockAlreadyPublishedError", apiErr.Name)
	assert.False(t, srv.Mocks()[0].Private)

	status, body = call(t, hc, http.MethodGet, mockURL+"/pets/2?verbose=1", "", map[string]string{"x-mock-response-code": "404"})
	assert.Equal(t, http.StatusNotFound, status, "x-mock-response-code picks the example")
	assert.Contains(t, body, "no such pet")
	status, body = call(t, hc, http.MethodPost, mockURL+"/pets", "", nil)
	assert.Equal(t, http.StatusCreated, status)
	assert.Equal(t, "created", body)
	status, body = call(t, hc, http.MethodDelete, mockURL+"/pets/1", "", nil)
	assert.Equal(t, http.StatusNotFound, status)
	assert.Contains(t, body, "mockRequestNotFoundError")

	_, err = c.Mocks.Unpublish(ctx, mockID)
	require.NoError(t, err)
	assert.True(t, srv.Mocks()[0].Private)

	// Four calls answered, newest first; one seeded from last week.
	require.True(t, srv.AddMockCall(mockID, postmantest.MockCall{Method: "GET", Path: "/old", StatusCode: 200,
		ResponseName: "Old", ServedAt: time.Now().Add(-7 * 24 * time.Hour)}))
	logs, resp, err := c.Mocks.ListCallLogs(ctx, mockID, &postman.MockCallLogListOptions{
		Include: []string{postman.MockCallLogIncludeRequestHeaders, postman.MockCallLogIncludeResponseBody}, CursorOptions: postman.CursorOptions{Limit: 2}})
	require.NoError(t, err)
	require.Len(t, logs, 2)
	assert.NotEmpty(t, resp.NextCursor)
	assert.Equal(t, "DELETE", logs[0].Request.Method)
	assert.Equal(t, "error", logs[0].Response.Type)
	assert.Equal(t, "Double check your method and the request path and try again.", logs[0].ResponseName)
	assert.Equal(t, "Created", logs[1].ResponseName)
	assert.Equal(t, "created", logs[1].Response.Body.Data)
	_, ok := logs[1].Request.Headers.Get("User-Agent")
	assert.True(t, ok, "request headers are included")

	var paths []string
	for l, err := range c.Mocks.ListCallLogsIter(ctx, mockID, &postman.MockCallLogListOptions{Sort: postman.MockCallLogSortServedAt,
		Direction: postman.MockSortAsc, CursorOptions: postman.CursorOptions{Limit: 1}}) {
		require.NoError(t, err)
		paths = append(paths, l.Request.Path)
	}
	assert.Equal(t, []string{"/old", "/pets/1", "/pets/2?verbose=1", "/pets", "/pets/1"}, paths,
		"oldest first once sorted: the seeded call was served last week")

	recent, _, err := c.Mocks.ListCallLogs(ctx, mockID, &postman.MockCallLogListOptions{Since: time.Now().Add(-time.Hour), ResponseStatusCode: 404})
	require.NoError(t, err)
	assert.Len(t, recent, 2, "the 404 example and the unmatched call")
	_, _, err = c.Mocks.ListCallLogs(ctx, mockID, &postman.MockCallLogListOptions{Since: time.Now().Add(-40 * 24 * time.Hour)})
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Message, "retention period")
	assert.Len(t, srv.MockCalls(mockID), 5)
}

func TestMockServerResponses(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	mockID := srv.AddMock(postmantest.Mock{CollectionUID: colID})
	c := newClient(t, srv, "any-key")
	hc := plainHTTP(t)
	ctx := t.Context()

	sr, _, err := c.Mocks.CreateServerResponse(ctx, mockID, postman.MockServerResponseCreateParams{Name: "Outage", StatusCode: 503,
		Headers: []postman.MockHeader{{Key: "Retry-After", Value: "30"}}, Language: postman.MockLanguageJSON, Body: `{"down":true}`})
	require.NoError(t, err)
	assert.Equal(t, mockID, sr.Mock)
	_, _, err = c.Mocks.CreateServerResponse(ctx, mockID, postman.MockServerResponseCreateParams{Name: "Not 5xx", StatusCode: 404})
	assert.Error(t, err, "server responses are 5xx answers")

	_, _, err = c.Mocks.Update(ctx, mockID, postman.MockUpdateParams{Config: &postman.MockUpdateConfig{ServerResponseID: sr.ID}})
	require.NoError(t, err)
	m, _, err := c.Mocks.Get(ctx, mockID)
	require.NoError(t, err)
	assert.Equal(t, sr.ID, m.Config.ServerResponseID)
	status, body := call(t, hc, http.MethodGet, srv.Mocks()[0].URL+"/pets/1", "", nil)
	assert.Equal(t, http.StatusServiceUnavailable, status, "the active server response answers every call")
	assert.Equal(t, `{"down":true}`, body)

	_, _, err = c.Mocks.Update(ctx, mockID, postman.MockUpdateParams{Config: &postman.MockUpdateConfig{}})
	require.NoError(t, err)
	assert.Empty(t, srv.Mocks()[0].ServerResponseID, "null deactivates the server response")
	status, _ = call(t, hc, http.MethodGet, srv.Mocks()[0].URL+"/pets/1", "", nil)
	assert.Equal(t, http.StatusOK, status)
	_, _, err = c.Mocks.Update(ctx, mockID, postman.MockUpdateParams{Config: &postman.MockUpdateConfig{ServerResponseID: sr.ID}})
	require.NoError(t, err)

	newName := "Maintenance"
	updated, _, err := c.Mocks.UpdateServerResponse(ctx, mockID, sr.ID, postman.MockServerResponseUpdateParams{Name: &newName, Headers: []postman.MockHeader{}})
	require.NoError(t, err)
	assert.Equal(t, newName, updated.Name)
	assert.Empty(t, updated.Headers, "an empty list removes the headers")
	list, _, err := c.Mocks.ListServerResponses(ctx, mockID)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, 503, list[0].StatusCode)
	got, _, err := c.Mocks.GetServerResponse(ctx, mockID, sr.ID)
	require.NoError(t, err)
	assert.Equal(t, `{"down":true}`, got.Body)

	_, err = c.Mocks.DeleteServerResponse(ctx, mockID, sr.ID)
	require.NoError(t, err)
	assert.Empty(t, srv.MockServerResponses(mockID))
	assert.Empty(t, srv.Mocks()[0].ServerResponseID, "deleting the active server response deactivates it")
	_, _, err = c.Mocks.GetServerResponse(ctx, mockID, sr.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	status, _ = call(t, hc, http.MethodGet, srv.Mocks()[0].URL+"/pets/1", "", nil)
	assert.Equal(t, http.StatusOK, status, "the examples answer again")
}

func TestMockOfDeletedCollectionIsDeactivated(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	mockID := srv.AddMock(postmantest.Mock{CollectionUID: uid(colID)})
	c := newClient(t, srv, "any-key")
	_, err := c.Do(t.Context(), http.MethodDelete, "/collections/"+colID, nil, nil)
	require.NoError(t, err)
	m, _, err := c.Mocks.Get(t.Context(), mockID)
	require.NoError(t, err)
	assert.True(t, m.Deactivated)
	list, _, err := c.Mocks.List(t.Context(), nil)
	require.NoError(t, err)
	assert.Empty(t, list, "only active mocks are listed")
	status, _ := call(t, plainHTTP(t), http.MethodGet, strings.TrimSuffix(srv.Mocks()[0].URL, "/")+"/pets/1", "", nil)
	assert.Equal(t, http.StatusNotFound, status)
}

func TestMockConfigReportsItsDelay(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	col := srv.AddCollection(ws, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	for _, tc := range []struct {
		name  string
		delay *postmantest.MockDelay
		want  *postman.MockDelay
	}{
		{"2G preset", &postmantest.MockDelay{Preset: "1"}, &postman.MockDelay{Type: postman.MockDelayFixed, Preset: "1", Duration: 300}},
		{"3G preset", &postmantest.MockDelay{Preset: "2"}, &postman.MockDelay{Type: postman.MockDelayFixed, Preset: "2", Duration: 100}},
		{"custom", &postmantest.MockDelay{Duration: 140000}, &postman.MockDelay{Type: postman.MockDelayFixed, Duration: 140000}},
		{"none", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := srv.AddMock(postmantest.Mock{Name: tc.name, CollectionUID: col, Delay: tc.delay})
			m, _, err := c.Mocks.Get(t.Context(), id)
			require.NoError(t, err)
			assert.Equal(t, tc.want, m.Config.Delay)
		})
	}
	assert.Panics(t, func() { srv.AddMock(postmantest.Mock{CollectionUID: col, Delay: &postmantest.MockDelay{Preset: "4G"}}) })
}
