package postman

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const testAPITaskLocation = "/apis/" + testAPIID + "/tasks/" + testAPITaskID

func TestAPIsListVersionsDecodesPage(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	versions, resp, err := c.APIs.ListVersions(t.Context(), testAPIID, &APIVersionListOptions{CursorOptions{Cursor: "c1", Limit: 2}})
	require.NoError(t, err)
	require.Len(t, versions, 2)
	assert.Equal(t, "07d940bf-40fc-4acd-a11e-be6769894af0", versions[0].ID)
	assert.Equal(t, "Release 2.0", versions[0].Name)
	assert.Equal(t, "This is the second release of the Test API.", versions[0].ReleaseNotes)
	assert.Equal(t, 19, versions[0].UpdatedAt.Hour())
	assert.Equal(t, 1000, resp.Total)
	assert.Equal(t, 2, resp.Limit)
	assert.NotEmpty(t, resp.NextCursor)
	req, _ := h.LastRequest()
	assert.Equal(t, "c1", req.URL.Query().Get("cursor"))
	assert.Equal(t, "2", req.URL.Query().Get("limit"))
}

func TestAPIsListVersionsIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getApiVersions", func(w http.ResponseWriter, r *http.Request) {
		served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		list := []any{}
		for i := start; i < min(start+limit, 5); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("v-%d", i), "name": fmt.Sprintf("Release %d", i)})
		}
		meta := map[string]any{"total": 5}
		if start+limit < 5 {
			meta["nextCursor"] = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"versions": list, "meta": meta})
	})
	c := newTestClient(t, h.URL)
	var names []string
	for v, err := range c.APIs.ListVersionsIter(t.Context(), testAPIID, &APIVersionListOptions{CursorOptions{Limit: 2}}) {
		require.NoError(t, err)
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"Release 0", "Release 1", "Release 2", "Release 3", "Release 4"}, names)
	assert.Equal(t, 3, served)
}

func TestAPIsGetVersionDecodesContents(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	v, _, err := c.APIs.GetVersion(t.Context(), testAPIID, testAPIVersionID)
	require.NoError(t, err)
	assert.Equal(t, "3563baaa-07a2-46ed-9fd2-0e8a3c5f7ec2", v.ID)
	assert.Equal(t, "Release 1.0", v.Name)
	require.Len(t, v.Schemas, 1)
	assert.Equal(t, APISchemaOpenAPI3, v.Schemas[0].Type)
	require.Len(t, v.Collections, 1)
	assert.Equal(t, "collection1", v.Collections[0].Name)
}

func TestAPIsCreateVersionSendsBodyAndReadsTask(t *testing.T) {
	h := conformance.New(t)
	h.Respond("createApiVersion", apiJSON(http.StatusAccepted,
		`{"id":"`+testAPIVersionID+`","name":"v1","releaseNotes":"First.","createdAt":"2023-06-09T14:48:45.000Z","updatedAt":"2023-06-09T19:50:49.000Z"}`,
		"Location", testAPITaskLocation))
	c := newTestClient(t, h.URL)
	pub, resp, err := c.APIs.CreateVersion(t.Context(), testAPIID, APIVersionCreateParams{Name: "v1", ReleaseNotes: "First.",
		Schemas: []APIVersionSchemaSource{{ID: testAPISchemaID}}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testAPIVersionID, pub.Version.ID)
	assert.Equal(t, "v1", pub.Version.Name)
	assert.Equal(t, testAPITaskID, pub.TaskID)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"v1","releaseNotes":"First.","schemas":[{"id":"`+testAPISchemaID+`"}],"collections":[]}`, string(body),
		"Postman requires both lists, so an unset one is sent empty")
}

func TestAPIsCreateVersionIsNotRetried(t *testing.T) {
	h := conformance.New(t)
	h.Status("createApiVersion", http.StatusInternalServerError)
	c := newTestClient(t, h.URL)
	_, _, err := c.APIs.CreateVersion(t.Context(), testAPIID, APIVersionCreateParams{Name: "v1"})
	require.Error(t, err)
	assert.Len(t, h.Ran(), 1, "a POST that Postman may have acted on is not sent twice")
}

func TestAPIsGetVersionPending(t *testing.T) {
	t.Run("redirect followed to the task", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getApiVersion", apiJSON(http.StatusFound, "", "Location", testAPITaskLocation))
		h.Respond("getStatusOfAnAsyncTask", apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")))
		c := newTestClient(t, h.URL)
		v, _, err := c.APIs.GetVersion(t.Context(), testAPIID, testAPIVersionID)
		assert.Nil(t, v)
		var pending *APIVersionPendingError
		require.ErrorAs(t, err, &pending)
		assert.Equal(t, testAPITaskID, pending.TaskID)
		require.NotNil(t, pending.Task)
		assert.Equal(t, APITaskPending, pending.Task.Status)
		assert.Equal(t, APITaskModelVersion, pending.Task.Meta.Model)
		assert.Contains(t, err.Error(), "still being published")
		assert.Equal(t, []string{"getApiVersion", "getStatusOfAnAsyncTask"}, h.Ran())
		for _, r := range h.Requests() {
			assert.Equal(t, "application/vnd.api.v10+json", r.Header.Get("Accept"), "the redirected request keeps the v10 header")
		}
	})
	t.Run("redirect without a location", func(t *testing.T) {
		h := conformance.New(t)
		// The documented 302 carries a Location; a proxy may drop it.
		h.Respond("getApiVersion", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusFound) })
		c := newTestClient(t, h.URL)
		_, _, err := c.APIs.GetVersion(t.Context(), testAPIID, testAPIVersionID)
		var pending *APIVersionPendingError
		require.ErrorAs(t, err, &pending)
		assert.Empty(t, pending.TaskID)
		assert.Nil(t, pending.Task)
		assert.ErrorIs(t, err, ErrRedirect, "the unfollowed redirect stays visible")
	})
}

// apiTaskBody is a task status answer for the version task.
func apiTaskBody(status APITaskStatus, failure string) string {
	details := `{"resources":[{"id":"` + testAPIVersionID + `","url":"https://api.getpostman.com/apis/` + testAPIID + `/versions/` + testAPIVersionID + `"}]}`
	if failure != "" {
		details = `{"error":{"message":"` + failure + `"}}`
	}
	return `{"id":"` + testAPITaskID + `","status":"` + string(status) + `","meta":{"model":"api-version","action":"create","url":"https://api.getpostman.com/apis/` + testAPIID + `/versions"},` +
		`"details":` + details + `,"createdAt":"2023-08-22T14:21:57.000Z","updatedAt":"2023-08-22T14:21:58.000Z"}`
}

func TestAPIsWaitVersion(t *testing.T) {
	versionBody := `{"version":{"id":"` + testAPIVersionID + `","name":"v1","createdAt":"2023-06-09T14:48:45.000Z","updatedAt":"2023-06-09T14:48:45.000Z"}}`
	t.Run("completes", func(t *testing.T) {
		h := conformance.New(t)
		redirect := apiJSON(http.StatusFound, "", "Location", testAPITaskLocation)
		h.Respond("getApiVersion", apiSequence(redirect, redirect, apiJSON(http.StatusOK, versionBody)))
		h.Respond("getStatusOfAnAsyncTask", apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")))
		c := newTestClient(t, h.URL)
		v, _, err := c.APIs.WaitVersion(t.Context(), &APIVersionPublication{APIID: testAPIID, Version: APIVersion{ID: testAPIVersionID}})
		require.NoError(t, err)
		assert.Equal(t, "v1", v.Name)
		assert.Equal(t, []string{"getApiVersion", "getStatusOfAnAsyncTask", "getApiVersion", "getStatusOfAnAsyncTask", "getApiVersion"}, h.Ran())
	})
	t.Run("fails", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getApiVersion", apiJSON(http.StatusFound, "", "Location", testAPITaskLocation))
		h.Respond("getStatusOfAnAsyncTask", apiSequence(
			apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")),
			apiJSON(http.StatusOK, apiTaskBody(APITaskFailed, "The API contains invalid schema"))))
		c := newTestClient(t, h.URL)
		v, _, err := c.APIs.WaitVersion(t.Context(), &APIVersionPublication{APIID: testAPIID, Version: APIVersion{ID: testAPIVersionID}})
		assert.Nil(t, v)
		var failed *TaskFailedError
		require.ErrorAs(t, err, &failed)
		assert.Equal(t, "failed", failed.Status)
		assert.Equal(t, "The API contains invalid schema", failed.Details)
		assert.Len(t, h.Ran(), 4)
	})
	t.Run("viewer gets not found", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("getApiVersion", http.StatusNotFound)
		c := newTestClient(t, h.URL)
		_, _, err := c.APIs.WaitVersion(t.Context(), &APIVersionPublication{APIID: testAPIID, Version: APIVersion{ID: testAPIVersionID}})
		assert.ErrorIs(t, err, ErrNotFound)
	})
}

func TestAPIsUpdateAndDeleteVersion(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	v, _, err := c.APIs.UpdateVersion(t.Context(), testAPIID, testAPIVersionID, APIVersionUpdateParams{Name: "Release 1.5"})
	require.NoError(t, err)
	assert.Equal(t, "Release 1.5", v.Name)
	assert.Equal(t, "This is the first public release update.", v.ReleaseNotes)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"Release 1.5"}`, string(body))

	resp, err := c.APIs.DeleteVersion(t.Context(), testAPIID, testAPIVersionID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	h.Status("deleteApiVersion", http.StatusNotFound)
	_, err = c.APIs.DeleteVersion(t.Context(), testAPIID, testAPIVersionID)
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "VersionNotFound", apiErr.Type)
	assert.Equal(t, "We could not find the API Version you are looking for.", apiErr.Detail)
}
