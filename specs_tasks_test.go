package postman

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// specScriptedTask answers the task status endpoint with bodies in turn,
// repeating the last one.
func specScriptedTask(bodies ...string) conformance.Responder {
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		body := bodies[min(n, len(bodies)-1)]
		n++
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	}
}

const (
	specTaskPendingBody   = `{"status":"pending","meta":{"model":"collection","action":"generation"}}`
	specTaskCompletedBody = `{"status":"completed","meta":{"model":"collection","action":"generation"},"details":{"resources":[{"id":"12345678-e726de58-f1b3-4edd-a8a7-2579dc799d39","url":"/collections/e726de58-f1b3-4edd-a8a7-2579dc799d39"}]}}`
	specTaskFailedBody    = `{"status":"failed","meta":{"model":"collection","action":"generation"},"details":"Failed to generate collection from specification"}`
)

func TestSpecsGenerateCollectionPolledToCompletion(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getAsyncSpecTaskStatus", specScriptedTask(specTaskPendingBody, specTaskPendingBody, specTaskCompletedBody))
	c := newTestClient(t, h.URL)

	no := false
	ref, resp, err := c.Specs.GenerateCollection(t.Context(), specTestSpecID, SpecCollectionGenerateParams{
		Name:    "Sample API",
		Options: ConverterOptions{RequestNameSource: ConverterRequestNameURL, FolderStrategy: ConverterFoldersByTags, IncludeDeprecated: &no},
	})
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, specTestTaskID, ref.TaskID)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"Sample API","options":{"requestNameSource":"URL","folderStrategy":"Tags","includeDeprecated":false}}`, string(body))

	task, _, err := c.Specs.WaitTask(t.Context(), ref)
	require.NoError(t, err)
	assert.Equal(t, SpecTaskCompleted, task.Status)
	assert.Equal(t, SpecTaskModelCollection, task.Model)
	assert.Equal(t, "generation", task.Action)
	require.Len(t, task.Resources, 1)
	assert.Equal(t, "12345678-e726de58-f1b3-4edd-a8a7-2579dc799d39", task.Resources[0].ID)

	assert.Equal(t, []string{"generateCollection", "getAsyncSpecTaskStatus", "getAsyncSpecTaskStatus", "getAsyncSpecTaskStatus"}, h.Ran())
	req, _ := h.LastRequest()
	assert.Equal(t, ref.URL, req.URL.Path, "the task is polled where Postman said it lives")
}

func TestSpecsWaitTaskFailure(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getAsyncSpecTaskStatus", specScriptedTask(specTaskPendingBody, specTaskFailedBody))
	c := newTestClient(t, h.URL)
	ref, _, err := c.Specs.SyncCollectionFromSpec(t.Context(), specTestCollectionUID, specTestSpecID)
	require.NoError(t, err)

	task, _, err := c.Specs.WaitTask(t.Context(), ref)
	assert.Nil(t, task)
	var failed *TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "failed", failed.Status)
	assert.Equal(t, "Failed to generate collection from specification", failed.Details)
	assert.Contains(t, failed.Task, "collection generation "+specTestTaskID)
	assert.Len(t, h.Ran(), 3)
}

func TestSpecsWaitTaskStopsWithContext(t *testing.T) {
	h := conformance.New(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	polls := 0
	h.Respond("getAsyncSpecTaskStatus", func(w http.ResponseWriter, r *http.Request) {
		if polls++; polls == 3 {
			cancel()
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(specTaskPendingBody))
	})
	c := newTestClient(t, h.URL)
	_, _, err := c.Specs.WaitTask(ctx, &SpecTaskRef{TaskID: specTestTaskID, Element: SpecTaskOnSpec, ElementID: specTestSpecID})
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	assert.Equal(t, 3, polls, "a pending task is polled until the context ends")
}

func TestSpecsWaitTaskReportsPollErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getAsyncSpecTaskStatus", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	_, _, err := c.Specs.WaitTask(t.Context(), &SpecTaskRef{TaskID: "gone", Element: SpecTaskOnCollection, ElementID: specTestCollectionUID})
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Len(t, h.Ran(), 1)
}

func TestSpecsTaskLocatedByCallWithoutURL(t *testing.T) {
	h := conformance.New(t)
	h.Respond("syncSpecWithCollection", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte(`{"taskId":"t-1"}`))
	})
	c := newTestClient(t, h.URL)
	ref, _, err := c.Specs.SyncSpecFromCollection(t.Context(), specTestSpecID, specTestCollectionUID)
	require.NoError(t, err)
	assert.Equal(t, &SpecTaskRef{TaskID: "t-1", Element: SpecTaskOnSpec, ElementID: specTestSpecID}, ref)
	req, _ := h.LastRequest()
	assert.Equal(t, specTestCollectionUID, req.URL.Query().Get("collectionUid"))
	assert.Equal(t, http.MethodPut, req.Method)

	_, _, err = c.Specs.WaitTask(t.Context(), ref)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "/specs/"+specTestSpecID+"/tasks/t-1", req.URL.Path)
}

func TestSpecParseTaskURL(t *testing.T) {
	cases := []struct {
		url     string
		el      SpecTaskElement
		id, tid string
		ok      bool
	}{
		{"/specs/s1/tasks/t1", SpecTaskOnSpec, "s1", "t1", true},
		{"https://api.postman.com/collections/12-ab/tasks/t2", SpecTaskOnCollection, "12-ab", "t2", true},
		{"/apis/a1/tasks/t3", "", "", "", false},
		{"/specs/s1/jobs/t1", "", "", "", false},
		{"", "", "", "", false},
		{"/tasks/t1", "", "", "", false},
	}
	for _, tc := range cases {
		el, id, tid, ok := specParseTaskURL(tc.url)
		assert.Equal(t, tc.ok, ok, tc.url)
		assert.Equal(t, tc.el, el, tc.url)
		assert.Equal(t, tc.id, id, tc.url)
		assert.Equal(t, tc.tid, tid, tc.url)
	}
}

func TestSpecTaskJSONRoundTrip(t *testing.T) {
	for _, body := range []string{specTaskPendingBody, specTaskCompletedBody, specTaskFailedBody} {
		var task SpecTask
		require.NoError(t, json.Unmarshal([]byte(body), &task))
		out, err := json.Marshal(task)
		require.NoError(t, err)
		assert.JSONEq(t, body, string(out))
	}
	var task SpecTask
	assert.Error(t, json.Unmarshal([]byte(`{"status":"completed","details":{"resources":"x"}}`), &task))
}

func TestSpecsGenerateSpecFromCollection(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getAsyncSpecTaskStatus", specScriptedTask(specTaskPendingBody,
		`{"status":"completed","meta":{"model":"spec","action":"generation"},"details":{"resources":[{"id":"`+specTestSpecID+`","url":"/specs/`+specTestSpecID+`"}]}}`))
	c := newTestClient(t, h.URL)
	ref, _, err := c.Specs.GenerateSpec(t.Context(), specTestCollectionUID, SpecGenerateParams{Name: "Sample API", Type: SpecTypeOpenAPI31, Format: SpecGenerationYAML})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"Sample API","type":"OPENAPI:3.1","format":"YAML"}`, string(body))

	task, _, err := c.Specs.WaitTask(t.Context(), ref)
	require.NoError(t, err)
	assert.Equal(t, SpecTaskModelSpec, task.Model)
	assert.Equal(t, specTestSpecID, task.Resources[0].ID)

	_, _, err = c.Specs.GenerateSpec(t.Context(), specTestCollectionUID, SpecGenerateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Specs.GenerateCollection(t.Context(), specTestSpecID, SpecCollectionGenerateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestSpecsGenerationLocked(t *testing.T) {
	h := conformance.New(t)
	h.Status("generateCollection", http.StatusLocked)
	c := newTestClient(t, h.URL)
	_, _, err := c.Specs.GenerateCollection(t.Context(), specTestSpecID, SpecCollectionGenerateParams{Name: "x"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusLocked, apiErr.StatusCode)
	assert.Equal(t, "actionLockedError", apiErr.Type)
	assert.Len(t, h.Ran(), 1, "a 423 is not retried")
}
