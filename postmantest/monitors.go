package postmantest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// monitorState is the monitors, in creation order, and how many times
// each was run, by monitor ID.
type monitorState struct {
	monitors    []*storedMonitor
	monitorRuns map[string]int
}

func newMonitorState() monitorState { return monitorState{monitorRuns: map[string]int{}} }

func (s *Server) routeMonitors() {
	s.mux.HandleFunc("GET /monitors", s.listMonitors)
	s.mux.HandleFunc("POST /monitors", s.createMonitor)
	s.mux.HandleFunc("GET /monitors/{monitorId}", s.getMonitor)
	s.mux.HandleFunc("PUT /monitors/{monitorId}", s.updateMonitor)
	s.mux.HandleFunc("DELETE /monitors/{monitorId}", s.deleteMonitor)
}

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
	// WorkspaceID defaults to the personal workspace.
	WorkspaceID string
	// Cron and Timezone are the monitor's schedule.
	Cron     string
	Timezone string
}

// storedMonitor is a monitor with the settings the API keeps as they were
// sent, and its last run.
type storedMonitor struct {
	Monitor
	settings map[string]any // notificationLimit, retry, options, distribution, notifications
	lastRun  *monitorRun
}

// monitorRun is a run of a monitor; an asynchronous one is running until
// doneAt.
type monitorRun struct {
	jobID     string
	startedAt time.Time
	doneAt    time.Time
	failed    int // failed assertions
}

// monitorRunAssertions is the number of assertions of a run.
const monitorRunAssertions = 5

// AddMonitor stores m (an ID is generated when empty) and returns its ID.
func (s *Server) AddMonitor(m Monitor) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addMonitor(m, nil).ID
}

// Monitors returns a copy of the stored monitors.
func (s *Server) Monitors() []Monitor {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Monitor, len(s.state.monitors))
	for i, m := range s.state.monitors {
		out[i] = m.Monitor
		out[i].FailingTests = slices.Clone(m.FailingTests)
	}
	return out
}

// MonitorRuns returns how many times the monitor was run through the API.
func (s *Server) MonitorRuns(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.monitorRuns[id]
}

func (st *state) addMonitor(m Monitor, settings map[string]any) *storedMonitor {
	if m.ID == "" {
		m.ID = newID()
	}
	if m.WorkspaceID == "" && len(st.workspaces) > 0 {
		m.WorkspaceID = st.workspaces[0].ID
	}
	if settings == nil {
		settings = map[string]any{}
	}
	sm := &storedMonitor{Monitor: m, settings: settings}
	st.monitors = append(st.monitors, sm)
	return sm
}

func (st *state) monitor(idOrUID string) *storedMonitor { return byID(st.monitors, idOrUID) }

func monitorNotFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "instanceNotFoundError", "The specified monitor does not exist.")
}

func monitorBadRequest(w http.ResponseWriter, name, message string, details any) {
	writeJSON(w, http.StatusBadRequest, errorDetails(name, message, details))
}

// monitorSummary is a monitor as GET /monitors lists it.
func (st *state) monitorSummary(m *storedMonitor) map[string]any {
	return map[string]any{"id": m.ID, "name": m.Name, "uid": st.uid(m.ID), "owner": st.user.ID, "active": m.Active,
		"collectionUid": m.CollectionUID, "environmentUid": m.EnvironmentUID}
}

// monitorBody is a monitor as GET /monitors/{id} returns it, with its
// settings and last run.
func (st *state) monitorBody(m *storedMonitor) map[string]any {
	body := st.monitorSummary(m)
	for k, v := range m.settings {
		body[k] = v
	}
	if m.Cron != "" || m.Timezone != "" {
		schedule := map[string]any{"cron": m.Cron, "timezone": m.Timezone}
		// A paused monitor is not scheduled: nextRun is left out then (the
		// description's only example is of an active monitor).
		if next, ok := nextRun(m.Cron, m.Timezone, time.Now()); ok && m.Active {
			schedule["nextRun"] = next.UTC().Format(postmanTime)
		}
		body["schedule"] = schedule
	}
	// Both notification lists are always answered, as in getMonitor's
	// example, whichever were sent.
	notifications := map[string]any{"onError": []any{}, "onFailure": []any{}}
	if sent, ok := m.settings["notifications"].(map[string]any); ok {
		for k, v := range sent {
			if v != nil {
				notifications[k] = v
			}
		}
	}
	body["notifications"] = notifications
	if run := m.lastRun; run != nil {
		body["jobId"] = run.jobID
		last := map[string]any{"jobId": run.jobID, "status": "running", "startedAt": run.startedAt.Format(postmanTime)}
		if !time.Now().Before(run.doneAt) {
			last["status"] = run.status()
			last["finishedAt"] = run.doneAt.UTC().Format(postmanTime)
			last["stats"] = run.stats()
		}
		body["lastRun"] = last
	}
	return body
}

func (run *monitorRun) status() string {
	if run.failed > 0 {
		return "failed"
	}
	return "success"
}

func (run *monitorRun) stats() map[string]any {
	return map[string]any{"assertions": map[string]any{"total": monitorRunAssertions, "failed": run.failed},
		"requests": map[string]any{"total": 1, "failed": 0}, "runCount": 1, "errorCount": 0, "abortedCount": 0,
		"responseLatency": 42, "responseSize": 17}
}

// listMonitors answers a page of monitors (at most 25), filtered as asked.
func (s *Server) listMonitors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, bad := readPage(q, 25, 0)
	switch {
	case bad == "Invalid cursor":
		monitorBadRequest(w, "badRequest", "Invalid cursor query parameter passed.", nil)
		return
	case bad != "" || page.limit > 25:
		monitorBadRequest(w, "badRequest", "Query param limit cannot exceed 25.", nil)
		return
	}
	var active *bool
	if v := q.Get("active"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			monitorBadRequest(w, "badRequest", "Active must be a boolean.", nil)
			return
		}
		active = &b
	}
	s.mu.Lock()
	if v := q.Get("owner"); v != "" && v != strconv.FormatInt(s.state.user.ID, 10) {
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"monitors": []any{}, "meta": map[string]any{"nextCursor": nil, "limit": page.limit}})
		return
	}
	all := []map[string]any{}
	for _, m := range s.state.monitors {
		switch {
		case active != nil && *active && !m.Active,
			q.Get("workspace") != "" && m.WorkspaceID != q.Get("workspace"),
			q.Get("collectionUid") != "" && m.CollectionUID != q.Get("collectionUid"),
			q.Get("environmentUid") != "" && m.EnvironmentUID != q.Get("environmentUid"):
			continue
		}
		all = append(all, s.state.monitorSummary(m))
	}
	s.mu.Unlock()
	sp, next := page.slice(len(all))
	writeJSON(w, http.StatusOK, map[string]any{"monitors": all[sp.start:sp.end], "meta": map[string]any{"nextCursor": nextCursor(next), "limit": page.limit}})
}

func (s *Server) getMonitor(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.monitor, r.PathValue("monitorId"), monitorNotFound)
	if m == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"monitor": s.state.monitorBody(m)})
}

// monitorWrite is the body of monitor creations and updates.
type monitorWrite struct {
	Name        *string `json:"name"`
	Active      *bool   `json:"active"`
	Collection  *string `json:"collection"`
	Environment *string `json:"environment"`
	Schedule    *struct {
		Cron     string `json:"cron"`
		Timezone string `json:"timezone"`
	} `json:"schedule"`
}

// monitorSettings are the members the API keeps and returns as sent.
var monitorSettings = []string{"notificationLimit", "retry", "options", "distribution", "notifications"}

func decodeMonitor(w http.ResponseWriter, r *http.Request) (monitorWrite, map[string]any, bool) {
	var body struct {
		Monitor map[string]any `json:"monitor"`
	}
	var mw monitorWrite
	if !decodeBody(w, r, &body) {
		return mw, nil, false
	}
	if body.Monitor == nil {
		monitorBadRequest(w, "paramMissingError", "Parameter is missing in the request.", map[string]any{"param": []any{"monitor"}})
		return mw, nil, false
	}
	raw, _ := json.Marshal(body.Monitor)
	if err := json.Unmarshal(raw, &mw); err != nil {
		monitorBadRequest(w, "invalidParamsError", "The request had invalid parameters", map[string]any{"param": err.Error()})
		return mw, nil, false
	}
	if mw.Schedule != nil && mw.Schedule.Cron == "* * * * *" {
		monitorBadRequest(w, "cronPatternNotAllowedError", `Invalid cron pattern. Enter a valid cron pattern, such as "0 17 * * *"`,
			map[string]any{"pattern": mw.Schedule.Cron})
		return mw, nil, false
	}
	settings := map[string]any{}
	for _, k := range monitorSettings {
		if v, ok := body.Monitor[k]; ok {
			settings[k] = v
		}
	}
	return mw, settings, true
}

func (s *Server) createMonitor(w http.ResponseWriter, r *http.Request) {
	mw, settings, ok := decodeMonitor(w, r)
	if !ok {
		return
	}
	var missing []any
	if mw.Name == nil || *mw.Name == "" {
		missing = append(missing, "name")
	}
	if mw.Collection == nil || *mw.Collection == "" {
		missing = append(missing, "collection")
	}
	if mw.Schedule == nil || mw.Schedule.Cron == "" {
		missing = append(missing, "cron")
	}
	if len(missing) > 0 {
		monitorBadRequest(w, "paramMissingError", "Parameter is missing in the request.", map[string]any{"param": missing})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.URL.Query().Get("workspace"))
	if ws == nil {
		writeError(w, http.StatusNotFound, "instanceNotFoundError", "Workspace not found")
		return
	}
	c := s.state.collection(*mw.Collection)
	if c == nil || (mw.Environment != nil && *mw.Environment != "" && s.state.environment(*mw.Environment) == nil) {
		monitorBadRequest(w, "invalidParamsError", "The request had invalid parameters", map[string]any{"param": []any{"collection", "environment"}})
		return
	}
	m := Monitor{Name: *mw.Name, CollectionUID: s.state.uid(c.id), Active: mw.Active == nil || *mw.Active,
		WorkspaceID: ws.ID, Cron: mw.Schedule.Cron, Timezone: mw.Schedule.Timezone}
	if mw.Environment != nil && *mw.Environment != "" {
		m.EnvironmentUID = s.state.uid(localID(*mw.Environment))
	}
	sm := s.state.addMonitor(m, settings)
	writeJSON(w, http.StatusOK, map[string]any{"monitor": map[string]any{"id": sm.ID, "name": sm.Name, "active": sm.Active, "uid": s.state.uid(sm.ID)}})
}

func (s *Server) updateMonitor(w http.ResponseWriter, r *http.Request) {
	mw, settings, ok := decodeMonitor(w, r)
	if !ok {
		return
	}
	if mw.Collection != nil || mw.Environment != nil {
		monitorBadRequest(w, "parameterNotAllowedError", "The specified parameter cannot be updated.", map[string]any{"param": []any{"collection", "environment"}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.monitor, r.PathValue("monitorId"), monitorNotFound)
	if m == nil {
		return
	}
	if mw.Name != nil {
		m.Name = *mw.Name
	}
	if mw.Active != nil {
		m.Active = *mw.Active
	}
	if mw.Schedule != nil {
		if mw.Schedule.Cron != "" {
			m.Cron = mw.Schedule.Cron
		}
		if mw.Schedule.Timezone != "" {
			m.Timezone = mw.Schedule.Timezone
		}
	}
	for k, v := range settings {
		m.settings[k] = v
	}
	writeJSON(w, http.StatusOK, map[string]any{"monitor": map[string]any{"id": m.ID, "name": m.Name, "active": m.Active, "uid": s.state.uid(m.ID)}})
}

func (s *Server) deleteMonitor(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.monitor, r.PathValue("monitorId"), monitorNotFound)
	if m == nil {
		return
	}
	s.state.monitors = slices.DeleteFunc(s.state.monitors, func(o *storedMonitor) bool { return o == m })
	writeJSON(w, http.StatusOK, map[string]any{"monitor": map[string]any{"id": m.ID, "uid": s.state.uid(m.ID)}})
}

// workspaceMonitors lists the monitors of a workspace the way GET
// /workspaces/{id} does.
func (st *state) workspaceMonitors(workspaceID string) []any {
	out := []any{}
	for _, m := range st.monitors {
		if m.WorkspaceID == workspaceID {
			out = append(out, map[string]any{"id": m.ID, "name": m.Name, "uid": st.uid(m.ID), "deactivated": false})
		}
	}
	return out
}
