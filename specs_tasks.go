package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// SpecTaskElement is the kind of element a Spec Hub task belongs to, the
// first segment of the task's status path.
type SpecTaskElement string

// Elements Spec Hub tasks belong to.
const (
	SpecTaskOnSpec       SpecTaskElement = "specs"
	SpecTaskOnCollection SpecTaskElement = "collections"
)

// SpecTaskRef is the answer of a call that started an asynchronous Spec
// Hub task: generation of a collection or a spec, or a synchronisation.
// Pass it to WaitTask, or its fields to GetTask.
type SpecTaskRef struct {
	TaskID string `json:"taskId"`
	// URL is the task's status path as Postman gave it
	// ("/specs/{specId}/tasks/{taskId}").
	URL string `json:"url"`
	// Element and ElementID locate the status endpoint: read from URL when
	// Postman gives one, else the element the call was made on.
	Element   SpecTaskElement `json:"-"`
	ElementID string          `json:"-"`
}

// SpecTaskStatus is the state of a Spec Hub task. Postman may add values;
// compare with the constants.
type SpecTaskStatus string

// States of Spec Hub tasks.
const (
	SpecTaskPending   SpecTaskStatus = "pending"
	SpecTaskCompleted SpecTaskStatus = "completed"
	SpecTaskFailed    SpecTaskStatus = "failed"
)

// SpecTaskModel is the kind of element a task produces or changes.
type SpecTaskModel string

// Models of Spec Hub tasks.
const (
	SpecTaskModelCollection SpecTaskModel = "collection"
	SpecTaskModelSpec       SpecTaskModel = "spec"
)

// SpecTaskResource is an element a completed task created or updated.
type SpecTaskResource struct {
	// ID is the element's ID (a UID for collections).
	ID string `json:"id"`
	// URL is the element's API path ("/collections/e726de58-…").
	URL string `json:"url"`
}

// SpecTask is the state of an asynchronous Spec Hub task.
type SpecTask struct {
	Status SpecTaskStatus
	// Action is what the task does ("generation").
	Action string
	// Model is the kind of element it works on.
	Model SpecTaskModel
	// Resources are the elements a completed task created or updated.
	Resources []SpecTaskResource
	// Error is Postman's explanation of a failed task.
	Error string
}

// specTaskWire is SpecTask as Postman sends it: "details" holds the
// resources of a completed task and the error text of a failed one.
type specTaskWire struct {
	Status SpecTaskStatus `json:"status"`
	Meta   struct {
		Action string        `json:"action,omitempty"`
		Model  SpecTaskModel `json:"model,omitempty"`
	} `json:"meta"`
	Details json.RawMessage `json:"details,omitempty"`
}

// UnmarshalJSON reads both forms of "details".
func (t *SpecTask) UnmarshalJSON(data []byte) error {
	var w specTaskWire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*t = SpecTask{Status: w.Status, Action: w.Meta.Action, Model: w.Meta.Model}
	d := strings.TrimSpace(string(w.Details))
	switch {
	case strings.HasPrefix(d, `"`):
		return json.Unmarshal(w.Details, &t.Error)
	case strings.HasPrefix(d, "{"):
		var res struct {
			Resources []SpecTaskResource `json:"resources"`
		}
		if err := json.Unmarshal(w.Details, &res); err != nil {
			return err
		}
		t.Resources = res.Resources
	}
	return nil
}

// MarshalJSON writes the task back in Postman's form.
func (t SpecTask) MarshalJSON() ([]byte, error) {
	w := specTaskWire{Status: t.Status}
	w.Meta.Action, w.Meta.Model = t.Action, t.Model
	var err error
	switch {
	case t.Error != "":
		w.Details, err = json.Marshal(t.Error)
	case t.Resources != nil:
		w.Details, err = json.Marshal(struct {
			Resources []SpecTaskResource `json:"resources"`
		}{t.Resources})
	}
	if err != nil {
		return nil, err
	}
	return json.Marshal(w)
}

// startTask sends r and returns the task it started, located by its
// status URL or, failing that, by the element the call was made on.
func (s *SpecsService) startTask(ctx context.Context, r *request, element SpecTaskElement, elementID string) (*SpecTaskRef, *Response, error) {
	ref := new(SpecTaskRef)
	resp, err := s.client.do(ctx, r, ref)
	if err != nil {
		return nil, resp, err
	}
	ref.Element, ref.ElementID = element, elementID
	if el, id, task, ok := specParseTaskURL(ref.URL); ok {
		ref.Element, ref.ElementID = el, id
		if ref.TaskID == "" {
			ref.TaskID = task
		}
	}
	return ref, resp, nil
}

// specParseTaskURL reads ".../{elementType}/{elementId}/tasks/{taskId}"
// from a task URL, absolute or not.
func specParseTaskURL(raw string) (SpecTaskElement, string, string, bool) {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return "", "", "", false
	}
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	if len(segs) < 4 || segs[len(segs)-2] != "tasks" {
		return "", "", "", false
	}
	el := SpecTaskElement(segs[len(segs)-4])
	id, err1 := url.PathUnescape(segs[len(segs)-3])
	task, err2 := url.PathUnescape(segs[len(segs)-1])
	if (el != SpecTaskOnSpec && el != SpecTaskOnCollection) || err1 != nil || err2 != nil || id == "" || task == "" {
		return "", "", "", false
	}
	return el, id, task, true
}

// GetTask returns the state of an asynchronous Spec Hub task; WaitTask
// polls it for you.
//
//postman:operation GET /{elementType}/{elementId}/tasks/{taskId}
func (s *SpecsService) GetTask(ctx context.Context, element SpecTaskElement, elementID, taskID string) (*SpecTask, *Response, error) {
	// Any other first segment would reach a different endpoint (the API
	// Builder's /apis/{apiId}/tasks/{taskId}).
	if element != SpecTaskOnSpec && element != SpecTaskOnCollection {
		return nil, nil, fmt.Errorf("postman: %w: spec task element %q is neither %q nor %q",
			ErrInvalidArgument, element, SpecTaskOnSpec, SpecTaskOnCollection)
	}
	p, err := pathf("/"+string(element)+"/{elementID}/tasks/{taskID}", elementID, taskID)
	if err != nil {
		return nil, nil, err
	}
	task := new(SpecTask)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p}, task)
	if err != nil {
		return nil, resp, err
	}
	return task, resp, nil
}

// WaitTask polls a task started by GenerateCollection, GenerateSpec,
// SyncSpecFromCollection or SyncCollectionFromSpec until it completes, and
// returns it (Resources lists what it created). A failed task returns a
// *TaskFailedError; ctx bounds the wait (WithTaskPolling sets the pace).
func (s *SpecsService) WaitTask(ctx context.Context, ref *SpecTaskRef) (*SpecTask, *Response, error) {
	if ref == nil {
		return nil, nil, fmt.Errorf("postman: %w: nil spec task", ErrInvalidArgument)
	}
	var done *SpecTask
	var lastResp *Response
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		task, resp, err := s.GetTask(ctx, ref.Element, ref.ElementID, ref.TaskID)
		lastResp = resp
		if err != nil {
			return false, err
		}
		if task.Status == "" {
			return false, missingResult(resp, "status")
		}
		switch task.Status {
		case SpecTaskCompleted:
			done = task
			return true, nil
		case SpecTaskFailed:
			return false, &TaskFailedError{Task: specTaskName(task, ref.TaskID), Status: string(task.Status), Details: task.Error}
		}
		return false, nil
	})
	if err != nil {
		return nil, lastResp, err
	}
	return done, lastResp, nil
}

// specTaskName names a task in errors: "collection generation 66ae…".
func specTaskName(t *SpecTask, id string) string {
	name := strings.TrimSpace(string(t.Model) + " " + t.Action)
	if name == "" {
		name = "spec task"
	}
	return name + " " + id
}
