package postmantest

import (
	"net/http"
	"time"
)

// Monitor is a monitor stored by the fake API. A run of it passes unless
// FailingTests names assertions, which then fail in every run.
type Monitor struct {
	ID             string
	Name           string
	CollectionUID  string
	EnvironmentUID string
	Active         bool
	// FailingTests are the names of the test assertions that fail in runs.
	FailingTests []string
}

// AddMonitor stores m (an ID is generated when empty) and returns its ID.
func (s *Server) AddMonitor(m Monitor) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.ID == "" {
		m.ID = newID()
	}
	s.state.monitors = append(s.state.monitors, &m)
	return m.ID
}

// MonitorRuns returns how many times the monitor was run through the API.
func (s *Server) MonitorRuns(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.monitorRuns[id]
}

func (st *state) monitor(idOrUID string) *Monitor {
	id := localID(idOrUID)
	for _, m := range st.monitors {
		if m.ID == id {
			return m
		}
	}
	return nil
}

func monitorNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"name": "instanceNotFoundError",
		"message": "We could not find the monitor you are looking for"}})
}

func (st *state) monitorBody(m *Monitor) map[string]any {
	return map[string]any{"id": m.ID, "name": m.Name, "uid": st.uid(m.ID), "owner": st.user.ID, "active": m.Active,
		"collectionUid": m.CollectionUID, "environmentUid": m.EnvironmentUID}
}

func (s *Server) listMonitors(w http.ResponseWriter, r *http.Request) {
	page, ok := parsePage(w, r.URL.Query())
	if !ok {
		return
	}
	s.mu.Lock()
	all := []map[string]any{}
	for _, m := range s.state.monitors {
		all = append(all, s.state.monitorBody(m))
	}
	s.mu.Unlock()
	sp, next := page.slice(len(all))
	meta := map[string]any{"nextCursor": nil}
	if next != "" {
		meta["nextCursor"] = next
	}
	writeJSON(w, http.StatusOK, map[string]any{"monitors": all[sp.start:sp.end], "meta": meta})
}

func (s *Server) getMonitor(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.monitor(r.PathValue("monitorId"))
	if m == nil {
		monitorNotFound(w)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"monitor": s.state.monitorBody(m)})
}

// runMonitor runs the monitor synchronously: one execution per request
// of a three-request run, and a failure per failing test.
func (s *Server) runMonitor(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.monitor(r.PathValue("monitorId"))
	if m == nil {
		monitorNotFound(w)
		return
	}
	s.state.monitorRuns[m.ID]++
	start := time.Now().UTC()
	status := "success"
	failures := []any{}
	for _, name := range m.FailingTests {
		status = "failed"
		failures = append(failures, map[string]any{
			"executionId": 1,
			"name":        "AssertionError",
			"message":     "expected response to have status code 200 but got 500",
			"assertion":   map[string]any{name: false},
			"request":     map[string]any{"method": "GET", "url": "https://example.com/health"},
			"item":        map[string]any{"name": "Health check"},
		})
	}
	total := 5
	writeJSON(w, http.StatusOK, map[string]any{"run": map[string]any{
		"info": map[string]any{"jobId": newID(), "monitorId": m.ID, "name": m.Name, "collectionUid": m.CollectionUID,
			"environmentUid": m.EnvironmentUID, "status": status, "startedAt": start.Format(postmanTime),
			"finishedAt": time.Now().UTC().Format(postmanTime)},
		"stats": map[string]any{"assertions": map[string]any{"total": total, "failed": len(failures)},
			"requests": map[string]any{"total": 1, "failed": 0}},
		"executions": []any{map[string]any{"id": 1, "item": map[string]any{"name": "Health check"},
			"request":  map[string]any{"method": "GET", "url": "https://example.com/health", "timestamp": start.Format(postmanTime)},
			"response": map[string]any{"code": 200, "responseTime": 42, "responseSize": 17}}},
		"failures": failures,
	}})
}
