package postman

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestAPIsGetTaskDecodesExample(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	task, _, err := c.APIs.GetTask(t.Context(), testAPIID, testAPITaskID)
	require.NoError(t, err)
	assert.Equal(t, testAPITaskID, task.ID)
	assert.Equal(t, APITaskFailed, task.Status)
	assert.Equal(t, APITaskModelCollection, task.Meta.Model)
	assert.Equal(t, APITaskActionUpdate, task.Meta.Action)
	require.NotNil(t, task.Details.Error)
	assert.Equal(t, "The API contains invalid schema", task.Details.Error.Message)
	assert.Equal(t, 2019, task.CreatedAt.Year(), "the space-separated layout decodes")
}

func TestAPIsWaitTask(t *testing.T) {
	t.Run("polls to completion", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getStatusOfAnAsyncTask", apiSequence(
			apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")),
			apiJSON(http.StatusOK, apiTaskBody("in-progress", "")),
			apiJSON(http.StatusOK, apiTaskBody(APITaskCompleted, ""))))
		c := newTestClient(t, h.URL)
		task, _, err := c.APIs.WaitTask(t.Context(), &APITaskRef{APIID: testAPIID, TaskID: testAPITaskID})
		require.NoError(t, err)
		assert.Equal(t, APITaskCompleted, task.Status)
		require.Len(t, task.Details.Resources, 1)
		assert.Equal(t, testAPIVersionID, task.Details.Resources[0].ID)
		assert.Len(t, h.Ran(), 3, "an unknown status counts as still running")
	})
	t.Run("fails", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getStatusOfAnAsyncTask", apiSequence(
			apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")),
			apiJSON(http.StatusOK, apiTaskBody(APITaskFailed, "The API contains invalid schema"))))
		c := newTestClient(t, h.URL)
		task, _, err := c.APIs.WaitTask(t.Context(), &APITaskRef{APIID: testAPIID, TaskID: testAPITaskID})
		assert.Nil(t, task)
		var failed *TaskFailedError
		require.ErrorAs(t, err, &failed)
		assert.Equal(t, "failed", failed.Status)
		assert.Equal(t, "The API contains invalid schema", failed.Details)
		assert.Contains(t, failed.Task, testAPITaskID)
	})
	t.Run("stops with the context", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getStatusOfAnAsyncTask", apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")))
		c := newTestClient(t, h.URL)
		ctx, cancel := context.WithCancel(t.Context())
		polls := 0
		c.waits.sleep = func(ctx context.Context, _ time.Duration) error {
			if polls++; polls == 3 {
				cancel()
			}
			return ctx.Err()
		}
		_, _, err := c.APIs.WaitTask(ctx, &APITaskRef{APIID: testAPIID, TaskID: testAPITaskID})
		assert.ErrorIs(t, err, context.Canceled)
		assert.Len(t, h.Ran(), 3)
	})
	t.Run("not found", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("getStatusOfAnAsyncTask", http.StatusNotFound)
		c := newTestClient(t, h.URL)
		_, _, err := c.APIs.WaitTask(t.Context(), &APITaskRef{APIID: testAPIID, TaskID: testAPITaskID})
		assert.ErrorIs(t, err, ErrNotFound)
		assert.Len(t, h.Ran(), 1)
	})
}

func TestAPIsSyncCollectionWithSchemaThenWait(t *testing.T) {
	h := conformance.New(t)
	h.Respond("syncCollectionWithSchema", apiJSON(http.StatusAccepted, `{"taskId":"`+testAPITaskID+`"}`, "Location", testAPITaskLocation))
	h.Respond("getStatusOfAnAsyncTask", apiSequence(
		apiJSON(http.StatusOK, apiTaskBody(APITaskPending, "")),
		apiJSON(http.StatusOK, apiTaskBody(APITaskCompleted, ""))))
	c := newTestClient(t, h.URL)
	ref, resp, err := c.APIs.SyncCollectionWithSchema(t.Context(), testAPIID, testAPICollection)
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testAPITaskID, ref.TaskID)
	assert.Equal(t, testAPITaskLocation, ref.Location)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Empty(t, body, "the sync takes no body")

	task, _, err := c.APIs.WaitTask(t.Context(), &APITaskRef{APIID: testAPIID, TaskID: ref.TaskID})
	require.NoError(t, err)
	assert.Equal(t, APITaskCompleted, task.Status)
}

func TestAPIsSyncCollectionReadsTaskFromLocation(t *testing.T) {
	h := conformance.New(t)
	h.Respond("syncCollectionWithSchema", apiJSON(http.StatusAccepted, `{}`, "Location", testAPITaskLocation))
	c := newTestClient(t, h.URL)
	ref, _, err := c.APIs.SyncCollectionWithSchema(t.Context(), testAPIID, testAPICollection)
	require.NoError(t, err)
	assert.Equal(t, testAPITaskID, ref.TaskID)
}

func TestAPITaskIDFromLocation(t *testing.T) {
	for in, want := range map[string]string{
		"/apis/6138195-0262634b/tasks/66ae9950-0869":    "66ae9950-0869",
		"https://api.getpostman.com/apis/a/tasks/b?x=1": "b",
		"/apis/a/versions/b":                            "",
		"":                                              "",
		"https://api.getpostman.com/apis/a/collections/c/sync-with-schema-tasks": "",
	} {
		assert.Equal(t, want, apiTaskIDFrom(in), in)
	}
}
