package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// monitorFailedRun is a synchronous run answer with a failed test and a
// script error, in the shape Postman sends (executions carry their tests;
// failures name the execution).
const monitorFailedRun = `{"run":{
	"info":{"jobId":"1ecee76a-e14e-47c0-bddc-256bf690c407","monitorId":"1e6b6cc1-c760-48e0-968f-4bfaeeae9af1",
		"name":"Test Monitor","collectionUid":"12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2","status":"failed",
		"startedAt":"2025-06-17T19:50:04.019Z","finishedAt":"2025-06-17T19:50:06.439Z"},
	"stats":{"assertions":{"total":3,"failed":1},"requests":{"total":2,"failed":1},"runCount":1,"errorCount":1,
		"abortedCount":0,"responseLatency":95,"responseSize":330},
	"executions":[
		{"id":1,"item":{"id":"b5e8d7dd","name":"Sample POST Request"},
		 "request":{"method":"POST","url":"http://echo.postman.com/post","headers":{"Content-Type":"application/json",
			"Postman-Token":null,"content-length":18},"body":{"contentLength":18,"mode":"raw"},"timestamp":"2025-06-17T19:50:06.186Z"},
		 "response":{"code":200,"body":{"contentLength":50},"responseTime":49,"responseSize":50,"headers":{"Server":null}},
		 "assertions":{"Status code is 200":true}},
		{"id":2,"item":{"id":"f790d046","name":"Sample GET Request"},
		 "request":{"method":"GET","url":"http://echo.postman.com/get","body":{"contentLength":0,"mode":"formdata"}},
		 "response":{"code":404,"body":{"contentLength":280},"responseTime":46,"responseSize":280},
		 "assertions":{"Status code is 200":false,"Body has id":true},
		 "errors":[{"name":"TypeError","message":"Cannot read property 'id' of undefined"}]}],
	"failures":[
		{"executionId":2,"name":"AssertionFailure","message":"expected response to have status code 200 but got 404",
		 "assertion":{"Status code is 200":false}},
		{"executionId":2,"name":"TypeError","message":"Cannot read property 'id' of undefined"}]}}`

func respondJSON(status int, body string) conformance.Responder {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

func TestMonitorsRunDecodesFailures(t *testing.T) {
	h := conformance.New(t)
	h.Respond("runMonitor", respondJSON(http.StatusOK, monitorFailedRun))
	c := newTestClient(t, h.URL)

	run, resp, err := c.Monitors.Run(t.Context(), testMonitorID, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	req, _ := h.LastRequest()
	assert.Empty(t, req.URL.RawQuery, "a synchronous run sends no async parameter")

	assert.True(t, run.Finished())
	assert.True(t, run.Failed())
	assert.Equal(t, MonitorRunFailed, run.Info.Status)
	assert.Equal(t, 2025, run.Info.FinishedAt.Year())
	require.NotNil(t, run.Stats)
	assert.Equal(t, MonitorRunCount{Total: 3, Failed: 1}, run.Stats.Assertions)

	require.Len(t, run.Executions, 2)
	e1, e2 := run.Executions[0], run.Executions[1]
	assert.Equal(t, "Sample POST Request", e1.Item.Name)
	assert.Equal(t, "18", e1.Request.Headers["content-length"], "numeric header values decode as text")
	assert.Empty(t, e1.Request.Headers["Postman-Token"])
	assert.Equal(t, int64(18), e1.Request.Body.ContentLength)
	assert.Equal(t, int64(49), e1.Response.ResponseTime)
	assert.Equal(t, 404, e2.Response.Code)
	assert.Equal(t, MonitorRunAssertions{"Status code is 200": false, "Body has id": true}, e2.Assertions)
	assert.Equal(t, []MonitorRunExecutionError{{Name: "TypeError", Message: "Cannot read property 'id' of undefined"}}, e2.Errors)

	failures := run.Failures()
	require.Len(t, failures, 2)
	assert.Equal(t, MonitorRunFailure{ExecutionID: 2, ItemName: "Sample GET Request", Name: "AssertionFailure",
		Assertion: "Status code is 200", Message: "expected response to have status code 200 but got 404",
		Raw: failures[0].Raw}, failures[0])
	assert.Contains(t, string(failures[0].Raw), `"executionId":2`)
	assert.Equal(t, `Sample GET Request: test "Status code is 200" failed: expected response to have status code 200 but got 404`,
		failures[0].String())
	assert.Equal(t, "Sample GET Request: TypeError: Cannot read property 'id' of undefined", failures[1].String())
	assert.Empty(t, run.ReportedFailures[0].ItemName, "Failures fills item names on a copy")
}

func TestMonitorRunFailuresFromExecutions(t *testing.T) {
	var root struct {
		Run MonitorRunResult `json:"run"`
	}
	require.NoError(t, json.Unmarshal([]byte(monitorFailedRun), &root))
	run := root.Run
	run.ReportedFailures = nil
	got := run.Failures()
	require.Len(t, got, 2)
	assert.Equal(t, "Sample GET Request: TypeError: Cannot read property 'id' of undefined", got[0].String())
	assert.Equal(t, `Sample GET Request: test "Status code is 200" failed`, got[1].String())

	run.Stats.Assertions.Failed, run.Stats.Requests.Failed, run.Info.Status = 0, 0, MonitorRunSuccess
	assert.True(t, run.Failed(), "a failed test in an execution fails the run")
	run.Executions = nil
	assert.False(t, run.Failed())
	run.Info.Status = MonitorRunError
	assert.True(t, run.Failed(), "any finished status but success fails")
	run.Info.Status = MonitorRunRunning
	assert.False(t, run.Failed(), "an unfinished run has not failed yet")
	assert.False(t, run.Finished())
}

func TestMonitorRunFailureDecodesLeniently(t *testing.T) {
	cases := map[string]MonitorRunFailure{
		`{"executionId":"3","assertion":"Body is JSON","message":"Unexpected token <","item":{"name":"Get"}}`: {
			ExecutionID: 3, Assertion: "Body is JSON", Message: "Unexpected token <", ItemName: "Get"},
		`"Monitor timed out"`:                           {Message: "Monitor timed out"},
		`{"assertion":{"b":false,"a":false,"ok":true}}`: {Assertion: "a, b"},
	}
	for in, want := range cases {
		var got MonitorRunFailure
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		want.Raw = json.RawMessage(in)
		assert.Equal(t, want, got, in)
	}
	assert.Equal(t, "monitor run failure", MonitorRunFailure{}.String())

	var a MonitorRunAssertions
	require.NoError(t, json.Unmarshal([]byte(`[{"assertion":"ok","error":null},{"assertion":"bad","error":{"message":"x"}},{"assertion":"skip","skipped":true}]`), &a))
	assert.Equal(t, MonitorRunAssertions{"ok": true, "bad": false}, a)
	require.NoError(t, json.Unmarshal([]byte(`"unexpected"`), &a))
	assert.Nil(t, a)
}

func TestMonitorsRunAsyncIsUnfinished(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	run, _, err := c.Monitors.Run(t.Context(), testMonitorID, &MonitorRunOptions{Async: true})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "async=true", req.URL.RawQuery)
	assert.Equal(t, "1ecee76a-e14e-47c0-bddc-256bf690c407", run.Info.JobID)
	assert.False(t, run.Finished(), "an async answer without stats is not the outcome, whatever its status says")
	assert.False(t, run.Failed())
}

func TestMonitorsRun202ThenWaitRun(t *testing.T) {
	h := conformance.New(t)
	h.Status("runMonitor", http.StatusAccepted)
	var polls atomic.Int32
	h.Respond("getMonitor", func(w http.ResponseWriter, _ *http.Request) {
		n := polls.Add(1)
		// An earlier run first, then this one running, then finished.
		lastRun := `{"status":"success","jobId":"old","startedAt":"2020-01-01T00:00:00Z","finishedAt":"2020-01-01T00:00:05Z"}`
		now := time.Now().UTC()
		switch n {
		case 2:
			lastRun = fmt.Sprintf(`{"status":"running","startedAt":%q}`, now.Format(time.RFC3339))
		case 3:
			lastRun = fmt.Sprintf(`{"status":"failed","jobId":"new","startedAt":%q,"finishedAt":%q,
				"stats":{"assertions":{"total":5,"failed":2},"requests":{"total":3,"failed":0}}}`,
				now.Format(time.RFC3339), now.Add(time.Second).Format(time.RFC3339))
		}
		respondJSON(http.StatusOK, `{"monitor":{"id":"`+testMonitorID+`","name":"Test Monitor","collectionUid":"`+
			testCollectionUID+`","lastRun":`+lastRun+`}}`)(w, nil)
	})
	c := newTestClient(t, h.URL)

	run, resp, err := c.Monitors.Run(t.Context(), testMonitorID, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.False(t, run.Finished())
	assert.Contains(t, run.Info.Message, "async=true")

	done, _, err := c.Monitors.WaitRun(t.Context(), run)
	require.NoError(t, err)
	assert.Equal(t, int32(3), polls.Load())
	assert.True(t, done.Finished())
	assert.True(t, done.Failed())
	assert.Equal(t, "new", done.Info.JobID)
	assert.Equal(t, "Test Monitor", done.Info.Name)
	assert.Equal(t, testCollectionUID, done.Info.CollectionUID)
	assert.Equal(t, 2, done.Stats.Assertions.Failed)
	assert.Empty(t, done.Failures(), "Postman gives no failure details for an awaited run")

	again, resp, err := c.Monitors.WaitRun(t.Context(), done)
	require.NoError(t, err)
	assert.Nil(t, resp, "a finished run needs no call")
	assert.Same(t, done, again)
}

func TestMonitorsRunAndWaitMatchesJobID(t *testing.T) {
	h := conformance.New(t)
	var polls atomic.Int32
	h.Respond("getMonitor", func(w http.ResponseWriter, _ *http.Request) {
		lastRun := `{"status":"success","jobId":"e72dc3de-e4ac-407c-b1cc-2c5b6efced68","startedAt":"2099-01-01T00:00:00Z"}`
		if polls.Add(1) == 2 {
			lastRun = `{"status":"success","jobId":"1ecee76a-e14e-47c0-bddc-256bf690c407","startedAt":"2025-06-17T19:50:04Z",
				"finishedAt":"2025-06-17T19:50:06Z","stats":{"assertions":{"total":5,"failed":0},"requests":{"total":3,"failed":0}}}`
		}
		respondJSON(http.StatusOK, `{"monitor":{"id":"`+testMonitorID+`","name":"Test Monitor","lastRun":`+lastRun+`}}`)(w, nil)
	})
	c := newTestClient(t, h.URL)

	run, _, err := c.Monitors.RunAndWait(t.Context(), testMonitorID)
	require.NoError(t, err)
	assert.Equal(t, []string{"runMonitor", "getMonitor", "getMonitor"}, h.Ran())
	assert.Equal(t, "async=true", h.Requests()[0].URL.RawQuery)
	assert.Equal(t, "1ecee76a-e14e-47c0-bddc-256bf690c407", run.Info.JobID)
	assert.Equal(t, MonitorRunSuccess, run.Info.Status)
	assert.False(t, run.Failed())
	assert.Equal(t, 5, run.Stats.Assertions.Total)
}

func TestMonitorsWaitRunStopsWithContextAndErrors(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getMonitor", respondJSON(http.StatusOK, `{"monitor":{"id":"x","lastRun":{"status":"running"}}}`))
	c := newTestClient(t, h.URL)
	ctx, cancel := context.WithCancel(t.Context())
	calls := 0
	c.waits.sleep = func(ctx context.Context, _ time.Duration) error {
		if calls++; calls == 3 {
			cancel()
		}
		return ctx.Err()
	}
	_, _, err := c.Monitors.WaitRun(ctx, &MonitorRunResult{Info: MonitorRunInfo{MonitorID: testMonitorID, Status: MonitorRunRunning}})
	assert.ErrorIs(t, err, context.Canceled)

	h2 := conformance.New(t)
	h2.Status("getMonitor", http.StatusNotFound)
	c2 := newTestClient(t, h2.URL)
	_, resp, err := c2.Monitors.WaitRun(t.Context(), &MonitorRunResult{Info: MonitorRunInfo{MonitorID: testMonitorID, JobID: "j"}})
	assert.ErrorIs(t, err, ErrNotFound)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}
