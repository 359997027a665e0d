package postmantest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// environmentState is the environments, in creation order.
type environmentState struct {
	environments []*storedEnvironment
}

func (s *Server) routeEnvironments() {
	s.mux.HandleFunc("GET /environments", s.listEnvironments)
	s.mux.HandleFunc("POST /environments", s.createEnvironment)
	s.mux.HandleFunc("GET /environments/{environmentId}", s.getEnvironment)
	s.mux.HandleFunc("PUT /environments/{environmentId}", s.putEnvironment)
	s.mux.HandleFunc("PATCH /environments/{environmentId}", s.patchEnvironment)
	s.mux.HandleFunc("DELETE /environments/{environmentId}", s.deleteEnvironment)
}

// storedEnvironment is an environment with its variables kept as decoded
// JSON, so that every key of a variable comes back as it was sent.
type storedEnvironment struct {
	id          string
	workspaceID string
	name        string
	values      []any
	createdAt   time.Time
	updatedAt   time.Time
	// rev counts the changes to the environment; a fork remembers the
	// revision of its source it last synchronised with.
	rev  int64
	fork *forkInfo
}

// touch records a change to the environment.
func (e *storedEnvironment) touch() {
	e.updatedAt = time.Now().UTC()
	e.rev++
}

// EnvironmentVariable is a variable of an environment or of a
// workspace's globals: what AddEnvironment and SetGlobals seed and what
// EnvironmentValues reads back.
type EnvironmentVariable struct {
	Key   string
	Value string
	// Type is "default" or "secret"; when empty, a seeded variable has no
	// type, like one sent without it.
	Type string
	// Disabled marks a variable that is not in use. Postman enables a
	// variable unless told otherwise, so a seeded variable is enabled
	// unless Disabled is set, and a stored one without "enabled" reads as
	// enabled.
	Disabled bool
}

// variableValues is vars as the server stores variables: the JSON
// objects Postman answers.
func variableValues(vars []EnvironmentVariable) []any {
	values := make([]any, len(vars))
	for i, v := range vars {
		m := map[string]any{"key": v.Key, "value": v.Value, "enabled": !v.Disabled}
		if v.Type != "" {
			m["type"] = v.Type
		}
		values[i] = m
	}
	return values
}

// AddEnvironment stores an environment in workspaceID and returns its ID.
func (s *Server) AddEnvironment(workspaceID, name string, vars ...EnvironmentVariable) string {
	values := variableValues(vars)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addEnvironment(workspaceID, name, values).id
}

// EnvironmentValues returns the variables of an environment, or nil if
// there is no such environment. A stored variable's keys other than key,
// value, type and enabled are left out, and a value that is not a string
// (clients may send any JSON) reads as its JSON text.
func (s *Server) EnvironmentValues(id string) []EnvironmentVariable {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.state.environment(id)
	if e == nil {
		return nil
	}
	out := make([]EnvironmentVariable, 0, len(e.values))
	for _, v := range e.values {
		m, _ := v.(map[string]any)
		key, _ := m["key"].(string)
		typ, _ := m["type"].(string)
		value, ok := m["value"].(string)
		if !ok && m["value"] != nil {
			data, _ := json.Marshal(m["value"])
			value = string(data)
		}
		out = append(out, EnvironmentVariable{Key: key, Value: value, Type: typ, Disabled: m["enabled"] == false})
	}
	return out
}

func (st *state) addEnvironment(workspaceID, name string, values []any) *storedEnvironment {
	now := time.Now().UTC()
	e := &storedEnvironment{id: newID(), workspaceID: workspaceID, name: name, values: values, createdAt: now, updatedAt: now, rev: 1}
	st.environments = append(st.environments, e)
	st.logActivity(workspaceID, "create", "environment", e.id, name)
	return e
}

func (st *state) environment(idOrUID string) *storedEnvironment {
	return byID(st.environments, idOrUID)
}

func environmentNotFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "instanceNotFoundError", "We could not find the environment you are looking for")
}

func (st *state) environmentBody(e *storedEnvironment) map[string]any {
	return map[string]any{"id": e.id, "name": e.name, "owner": strconv.FormatInt(st.user.ID, 10),
		"createdAt": e.createdAt.Format(postmanTime), "updatedAt": e.updatedAt.Format(postmanTime),
		"values": e.values, "isPublic": false, "uid": st.uid(e.id)}
}

func (s *Server) listEnvironments(w http.ResponseWriter, r *http.Request) {
	ws := r.URL.Query().Get("workspace")
	s.mu.Lock()
	list := []map[string]any{}
	for _, e := range s.state.environments {
		if !s.state.listed(e.workspaceID, ws) {
			continue
		}
		list = append(list, map[string]any{"id": e.id, "name": e.name, "createdAt": e.createdAt.Format(postmanTime),
			"updatedAt": e.updatedAt.Format(postmanTime), "owner": strconv.FormatInt(s.state.user.ID, 10),
			"uid": s.state.uid(e.id), "isPublic": false})
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"environments": list})
}

type environmentBody struct {
	Environment *struct {
		Name   string `json:"name"`
		Values []any  `json:"values"`
	} `json:"environment"`
}

func (s *Server) createEnvironment(w http.ResponseWriter, r *http.Request) {
	var body environmentBody
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Environment == nil || body.Environment.Name == "" {
		paramMissing(w, "environment.name is a required field")
		return
	}
	if body.Environment.Values == nil {
		body.Environment.Values = []any{}
	}
	ws := r.URL.Query().Get("workspace")
	s.mu.Lock()
	defer s.mu.Unlock()
	if ws == "" && len(s.state.workspaces) > 0 {
		ws = s.state.workspaces[0].ID
	}
	e := s.state.addEnvironment(ws, body.Environment.Name, body.Environment.Values)
	writeJSON(w, http.StatusOK, map[string]any{"environment": map[string]any{"id": e.id, "name": e.name, "uid": s.state.uid(e.id)}})
}

func (s *Server) getEnvironment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := lookup(w, s.state.environment, r.PathValue("environmentId"), environmentNotFound)
	if e == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"environment": s.state.environmentBody(e)})
}

func (s *Server) putEnvironment(w http.ResponseWriter, r *http.Request) {
	var body environmentBody
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Environment == nil {
		paramMissing(w, "environment is a required field")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := lookup(w, s.state.environment, r.PathValue("environmentId"), environmentNotFound)
	if e == nil {
		return
	}
	if body.Environment.Name != "" {
		e.name = body.Environment.Name
	}
	if body.Environment.Values != nil {
		e.values = body.Environment.Values
	}
	e.touch()
	writeJSON(w, http.StatusOK, map[string]any{"environment": map[string]any{"id": e.id, "name": e.name, "uid": s.state.uid(e.id)}})
}

func (s *Server) patchEnvironment(w http.ResponseWriter, r *http.Request) {
	var ops []patchOp
	if !decodeBody(w, r, &ops) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := lookup(w, s.state.environment, r.PathValue("environmentId"), environmentNotFound)
	if e == nil {
		return
	}
	doc := map[string]any{"name": e.name, "values": cloneJSON(e.values)}
	patched, err := applyPatch(doc, ops)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalidParamsError", err.Error())
		return
	}
	m := patched.(map[string]any)
	e.name, _ = m["name"].(string)
	e.values, _ = m["values"].([]any)
	e.touch()
	writeJSON(w, http.StatusOK, map[string]any{"environment": s.state.environmentBody(e)})
}

func (s *Server) deleteEnvironment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := lookup(w, s.state.environment, r.PathValue("environmentId"), environmentNotFound)
	if e == nil {
		return
	}
	for i, other := range s.state.environments {
		if other == e {
			s.state.environments = append(s.state.environments[:i], s.state.environments[i+1:]...)
			s.state.logActivity(e.workspaceID, "destroy", "environment", e.id, e.name)
			break
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"environment": map[string]any{"id": e.id, "uid": s.state.uid(e.id)}})
}
