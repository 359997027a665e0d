package postman

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
)

// APITaskStatus is the state of an API Builder task. Postman may add
// values; Wait helpers treat unknown ones as still running.
type APITaskStatus string

// API Builder task states.
const (
	APITaskPending   APITaskStatus = "pending"
	APITaskCompleted APITaskStatus = "completed"
	APITaskFailed    APITaskStatus = "failed"
)

// APITaskModel is the kind of element an API Builder task works on.
type APITaskModel string

// Elements of API Builder tasks.
const (
	APITaskModelCollection APITaskModel = "collection"
	APITaskModelVersion    APITaskModel = "api-version"
)

// APITaskAction is what an API Builder task does to its element.
type APITaskAction string

// Actions of API Builder tasks.
const (
	APITaskActionCreate APITaskAction = "create"
	APITaskActionUpdate APITaskAction = "update"
)

// APITask is an asynchronous task of the API Builder: the publication of a
// version (CreateVersion) or the synchronisation of a collection with the
// schema (SyncCollectionWithSchema).
type APITask struct {
	ID      string         `json:"id"`
	Status  APITaskStatus  `json:"status"`
	Meta    APITaskMeta    `json:"meta"`
	Details APITaskDetails `json:"details"`
	// Postman writes these in the "2019-02-12 19:34:49" layout.
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// APITaskMeta says what a task works on.
type APITaskMeta struct {
	// URL is the API endpoint of the element the task works on.
	URL    string        `json:"url,omitempty"`
	Model  APITaskModel  `json:"model,omitempty"`
	Action APITaskAction `json:"action,omitempty"`
}

// APITaskDetails is the outcome of a finished task: the resources it
// produced, or the error that stopped it.
type APITaskDetails struct {
	Resources []APITaskResource `json:"resources,omitempty"`
	Error     *APITaskError     `json:"error,omitempty"`
}

// APITaskResource is an element a task created or updated.
type APITaskResource struct {
	ID  string `json:"id"`
	URL string `json:"url,omitempty"`
}

// APITaskError is why a task failed.
type APITaskError struct {
	Message string `json:"message"`
}

// APITaskRef points to a task that an asynchronous call started.
type APITaskRef struct {
	// APIID is the API the task runs on.
	APIID string `json:"-"`
	// TaskID is the task to pass to GetTask.
	TaskID string `json:"taskId"`
	// Location is the task's status path from the Location header.
	Location string `json:"-"`
}

// GetTask returns the status of an asynchronous API Builder task.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Spec Hub tasks are read with SpecsService
// (GET /{elementType}/{elementId}/tasks/{taskId}).
//
//postman:operation GET /apis/{apiId}/tasks/{taskId}
func (s *APIsService) GetTask(ctx context.Context, apiID, taskID string) (*APITask, *Response, error) {
	path, err := pathf("/apis/{apiID}/tasks/{taskID}", apiID, taskID)
	if err != nil {
		return nil, nil, err
	}
	task := new(APITask)
	resp, err := s.client.do(ctx, apiRequest(http.MethodGet, path), task)
	if err != nil {
		return nil, resp, err
	}
	return task, resp, nil
}

// WaitTask polls the task SyncCollectionWithSchema returned with backoff
// (see WithTaskPolling) until it completes, and returns it with the last
// poll's Response. A failed task gives a *TaskFailedError
// holding Postman's reason; ctx bounds the wait.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Spec Hub tasks are polled with SpecsService
// (GET /{elementType}/{elementId}/tasks/{taskId}).
func (s *APIsService) WaitTask(ctx context.Context, ref *APITaskRef) (*APITask, *Response, error) {
	if ref == nil {
		return nil, nil, fmt.Errorf("postman: APIs.WaitTask: %w: no task", ErrInvalidArgument)
	}
	var (
		done     *APITask
		lastResp *Response
	)
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		task, resp, err := s.GetTask(ctx, ref.APIID, ref.TaskID)
		lastResp = resp
		if err != nil {
			return false, err
		}
		if task.Status == "" {
			return false, missingResult(resp, "status")
		}
		if err := task.failure(); err != nil {
			return false, err
		}
		done = task
		return task.Status == APITaskCompleted, nil
	})
	if err != nil {
		return nil, lastResp, err
	}
	return done, lastResp, nil
}

// failure returns the *TaskFailedError of a failed task, nil otherwise.
func (t *APITask) failure() error {
	if t.Status != APITaskFailed {
		return nil
	}
	e := &TaskFailedError{Task: "API Builder task " + t.ID, Status: string(t.Status)}
	if t.Details.Error != nil {
		e.Details = t.Details.Error.Message
	}
	return e
}

// apiTaskPath matches the task status path of the Location header of
// asynchronous API Builder answers.
var apiTaskPath = regexp.MustCompile(`/apis/[^/?#]+/tasks/([^/?#]+)`)

// apiTaskIDFrom returns the task ID of a task status path or URL, "" if
// there is none.
func apiTaskIDFrom(location string) string {
	if m := apiTaskPath.FindStringSubmatch(location); m != nil {
		return m[1]
	}
	return ""
}
