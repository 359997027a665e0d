package postmantest

import (
	"net/http"
	"time"
)

func (s *Server) routeMonitorRuns() {
	s.mux.HandleFunc("POST /monitors/{monitorId}/run", s.runMonitor)
}

// runMonitor runs a monitor. A synchronous run answers when it is over:
// one execution of a one-request run, and a failure per failing test. With
// async=true the answer comes at once with the run's job ID; the run
// finishes after the configured task delay, when the monitor's lastRun
// (GET /monitors/{id}) reports its outcome, which is what the SDK's
// RunAndWait and WaitRun poll for.
func (s *Server) runMonitor(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.monitor, r.PathValue("monitorId"), monitorNotFound)
	if m == nil {
		return
	}
	s.state.monitorRuns[m.ID]++
	start := time.Now().UTC()
	run := &monitorRun{jobID: newID(), startedAt: start, doneAt: start, failed: len(m.FailingTests)}
	m.lastRun = run
	info := map[string]any{"jobId": run.jobID, "monitorId": m.ID, "name": m.Name, "collectionUid": m.CollectionUID,
		"environmentUid": m.EnvironmentUID, "startedAt": start.Format(postmanTime)}
	if r.URL.Query().Get("async") == "true" {
		run.doneAt = start.Add(s.cfg.taskDelay)
		info["status"] = "running"
		writeJSON(w, http.StatusOK, map[string]any{"run": map[string]any{"info": info}})
		return
	}
	failures := []any{}
	for _, name := range m.FailingTests {
		failures = append(failures, map[string]any{
			"executionId": 1,
			"name":        "AssertionError",
			"message":     "expected response to have status code 200 but got 500",
			"assertion":   map[string]any{name: false},
			"request":     map[string]any{"method": "GET", "url": "https://example.com/health"},
			"item":        map[string]any{"name": "Health check"},
		})
	}
	info["status"] = run.status()
	info["finishedAt"] = run.doneAt.Format(postmanTime)
	writeJSON(w, http.StatusOK, map[string]any{"run": map[string]any{
		"info":  info,
		"stats": run.stats(),
		"executions": []any{map[string]any{"id": 1, "item": map[string]any{"name": "Health check"},
			"request":  map[string]any{"method": "GET", "url": "https://example.com/health", "timestamp": start.Format(postmanTime)},
			"response": map[string]any{"code": 200, "responseTime": 42, "responseSize": 17}}},
		"failures": failures,
	}})
}
