package postmantest

import (
	"net/http"
	"slices"
)

func (s *Server) routeEnvironmentForks() {
	s.mux.HandleFunc("GET /environments/{environmentId}/forks", s.listEnvironmentForks)
	s.mux.HandleFunc("POST /environments/{environmentId}/forks", s.forkEnvironmentHandler)
	s.mux.HandleFunc("POST /environments/{environmentId}/merges", s.mergeEnvironment)
	s.mux.HandleFunc("POST /environments/{environmentUid}/pulls", s.pullEnvironment)
}

// ForkEnvironment forks a stored environment into workspaceID, as POST
// /environments/{id}/forks does, and returns the fork's ID ("" if there is
// no such environment).
func (s *Server) ForkEnvironment(environmentID, workspaceID, forkName string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	src := s.state.environment(environmentID)
	if src == nil {
		return ""
	}
	return s.state.forkEnvironment(src, workspaceID, forkName).id
}

// EnvironmentForks returns the forks of an environment, oldest first.
func (s *Server) EnvironmentForks(environmentID string) []Fork {
	s.mu.Lock()
	defer s.mu.Unlock()
	return publicForks(s.state, s.state.environments, environmentID)
}

func (st *state) forkEnvironment(src *storedEnvironment, workspaceID, forkName string) *storedEnvironment {
	fork := st.addEnvironment(workspaceID, src.name, cloneList(src.values))
	fork.fork = newFork(forkName, st.uid(src.id), src.rev, fork.createdAt)
	return fork
}

// forkPair finds an environment (parentID) and a fork of it (forkID),
// for the merges and pulls between them. It answers the environment fork
// endpoints' 404 when either is missing and their 400 when the fork is
// not a fork of the parent, returning ok false. The caller holds s.mu.
func (st *state) forkPair(w http.ResponseWriter, parentID, forkID string) (parent, fork *storedEnvironment, ok bool) {
	parent, fork = st.environment(parentID), st.environment(forkID)
	if parent == nil || fork == nil {
		envProblem(w, http.StatusNotFound, envNotFound)
		return nil, nil, false
	}
	if !fork.fork.isFrom(st.uid(parent.id)) {
		envProblem(w, http.StatusBadRequest, envNotForked)
		return nil, nil, false
	}
	return parent, fork, true
}

// envProblem answers the problem bodies of the environment fork endpoints.
func envProblem(w http.ResponseWriter, status int, title string) {
	if status == http.StatusNotFound {
		writeProblem(w, status, map[string]any{"type": "https://api.postman.com/problems/notFound", "title": title, "detail": title, "status": status})
		return
	}
	writeProblem(w, status, map[string]any{"type": "https://api.postman.com/problems/bad-request", "title": title, "detail": map[string]any{}})
}

const (
	envNotFound  = "We could not find the environment you are looking for"
	envNotForked = "The environment Id is not a forked environment."
)

func (s *Server) forkEnvironmentHandler(w http.ResponseWriter, r *http.Request) {
	var body struct {
		ForkName string `json:"forkName"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.ForkName == "" {
		envProblem(w, http.StatusBadRequest, "forkName is a required field")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	src := s.state.environment(r.PathValue("environmentId"))
	if src == nil {
		envProblem(w, http.StatusNotFound, envNotFound)
		return
	}
	ws := s.state.workspace(r.URL.Query().Get("workspaceId"))
	if ws == nil {
		envProblem(w, http.StatusNotFound, "We could not find the workspace you are looking for")
		return
	}
	fork := s.state.forkEnvironment(src, ws.ID, body.ForkName)
	writeJSON(w, http.StatusOK, map[string]any{"environment": map[string]any{"uid": s.state.uid(fork.id), "name": fork.name, "forkName": body.ForkName}})
}

func (s *Server) listEnvironmentForks(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	src := s.state.environment(r.PathValue("environmentId"))
	if src == nil {
		s.mu.Unlock()
		envProblem(w, http.StatusNotFound, envNotFound)
		return
	}
	var forks []map[string]any
	for _, e := range forksOf(s.state.environments, s.state.uid(src.id)) {
		forks = append(forks, map[string]any{"forkId": s.state.uid(e.id), "forkName": e.fork.label, "createdBy": s.state.user.FullName,
			"createdAt": e.fork.createdAt.Format(postmanTime), "updatedAt": e.updatedAt.Format(postmanTime)})
	}
	s.mu.Unlock()
	forkPage(w, r, forks, map[string]any{})
}

// mergeEnvironment writes a fork's values (source) into its parent, the
// environment of the path.
func (s *Server) mergeEnvironment(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Source       string `json:"source"`
		DeleteSource bool   `json:"deleteSource"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, fork, ok := s.state.forkPair(w, r.PathValue("environmentId"), body.Source)
	if !ok {
		return
	}
	parent.values = cloneList(fork.values)
	parent.touch()
	fork.fork.parentRev = parent.rev
	if body.DeleteSource {
		s.state.environments = slices.DeleteFunc(s.state.environments, func(e *storedEnvironment) bool { return e == fork })
	}
	writeJSON(w, http.StatusOK, map[string]any{"environment": map[string]any{"uid": s.state.uid(parent.id)}})
}

// pullEnvironment writes the parent's values (source) into the fork of
// the path.
func (s *Server) pullEnvironment(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Source string `json:"source"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, fork, ok := s.state.forkPair(w, body.Source, r.PathValue("environmentUid"))
	if !ok {
		return
	}
	fork.values = cloneList(parent.values)
	fork.touch()
	fork.fork.parentRev = parent.rev
	writeJSON(w, http.StatusOK, map[string]any{"environment": map[string]any{"uid": s.state.uid(fork.id)}})
}
