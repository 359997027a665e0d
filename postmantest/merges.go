package postmantest

import (
	"net/http"
	"slices"
)

func (s *Server) routeMerges() {
	s.mux.HandleFunc("PUT /collection-merges", s.mergeCollections)
	s.mux.HandleFunc("GET /collection-merges-tasks/{taskId}", s.mergeTask)
	s.mux.HandleFunc("POST /collections/merge", s.mergeCollectionFork)
}

// mergeBody is the body of the collection merges.
type mergeBody struct {
	Strategy    string `json:"strategy"`
	Source      string `json:"source"`
	Destination string `json:"destination"`
}

func mergeBadRequest(w http.ResponseWriter, detail string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"type": "https://api.postman.com/problems/bad-request",
		"title": "Malformed request", "status": 400, "detail": detail})
}

// mergePair finds the two collections of a merge, one a fork of the
// other, answering 400 when they are not.
func (st *state) mergePair(w http.ResponseWriter, b mergeBody) (src, dst *storedCollection, ok bool) {
	src, dst = st.collection(b.Source), st.collection(b.Destination)
	switch {
	case src == nil:
		mergeBadRequest(w, "The source collection "+b.Source+" does not exist.")
	case dst == nil:
		mergeBadRequest(w, "The destination collection "+b.Destination+" does not exist.")
	case st.source(src) != dst && st.source(dst) != src:
		mergeBadRequest(w, "The source collection is not a fork of the destination, nor the destination a fork of the source.")
	default:
		return src, dst, true
	}
	return nil, nil, false
}

// merge applies the source's document to the destination, one being a
// fork of the other, then applies the strategy to the source.
func (st *state) merge(src, dst *storedCollection, strategy string) {
	copyDocument(dst, src)
	st.logActivity(dst.workspaceID, "update", "collection", dst.id, dst.name())
	if strategy == "updateSourceWithDestination" {
		copyDocument(src, dst)
	}
	// Both are now equal: the fork is in sync with its source.
	if fork, parent := src, dst; st.source(fork) == parent {
		fork.fork.parentRev = parent.rev
	} else {
		dst.fork.parentRev = src.rev
	}
	if strategy == "deleteSource" {
		st.removeCollection(src)
	}
}

// mergeCollections starts an asynchronous merge (or pull) task. The merge
// is applied at once unless FailTasks makes the task fail; the task
// reports done after the configured task delay.
func (s *Server) mergeCollections(w http.ResponseWriter, r *http.Request) {
	var b mergeBody
	if !decodeBody(w, r, &b) {
		return
	}
	if b.Source == "" || b.Destination == "" || !slices.Contains([]string{"default", "updateSourceWithDestination", "deleteSource"}, b.Strategy) {
		mergeBadRequest(w, "Some validation errors occurred")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	src, dst, ok := s.state.mergePair(w, b)
	if !ok {
		return
	}
	t := s.state.addTask("pm~vc:merge-workflow~"+s.state.uid(newID()), s.cfg.taskDelay)
	t.failed = s.state.failTasks
	if t.failed == "" {
		s.state.merge(src, dst, b.Strategy)
	}
	writeJSON(w, http.StatusOK, map[string]any{"task": map[string]any{"id": t.id, "status": "in-progress"}})
}

func (s *Server) mergeTask(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := r.PathValue("taskId")
	t := s.state.tasks[id]
	if t == nil {
		writeJSON(w, http.StatusNotFound, map[string]any{"type": "https://api.postman.com/problems/not-found",
			"title": "Task not found", "detail": "Workflow :: " + id + " not found", "status": 404})
		return
	}
	body := map[string]any{"id": t.id, "status": "in-progress"}
	switch {
	case t.done() && t.failed != "":
		body["status"] = "failed"
		body["details"] = map[string]any{"error": map[string]any{"message": t.failed}}
	case t.done():
		body["status"] = "successful"
	}
	writeJSON(w, http.StatusOK, body)
}

// mergeCollectionFork is the deprecated synchronous merge of a fork
// (source) into its parent (destination).
func (s *Server) mergeCollectionFork(w http.ResponseWriter, r *http.Request) {
	var b mergeBody
	if !decodeBody(w, r, &b) {
		return
	}
	if b.Strategy == "" {
		b.Strategy = "updateSourceWithDestination"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	src, dst := s.state.collection(b.Source), s.state.collection(b.Destination)
	switch {
	case src == nil:
		forkItemNotFound(w, "collection", b.Source)
		return
	case dst == nil:
		forkItemNotFound(w, "collection", b.Destination)
		return
	case s.state.source(src) != dst:
		mergeBadRequest(w, "The source collection is not a fork of the destination.")
		return
	}
	s.state.merge(src, dst, b.Strategy)
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{"id": dst.id, "uid": s.state.uid(dst.id)}})
}
