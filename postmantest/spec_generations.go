package postmantest

import (
	"net/http"
	"slices"
)

func (s *Server) routeSpecGenerations() {
	s.mux.HandleFunc("POST /specs/{specId}/generations/{elementType}", s.generateCollection)
	s.mux.HandleFunc("GET /specs/{specId}/generations/{elementType}", s.listSpecCollections)
	s.mux.HandleFunc("GET /specs/{specId}/tasks/{taskId}", s.specTask)
}

// generateCollection starts generating a collection from a specification:
// the collection (one request per operation of an OpenAPI root file) is
// stored at once, unless FailTasks makes the task fail, and the task
// reports done after the configured task delay. A second generation while
// one runs answers 423, as Postman does.
func (s *Server) generateCollection(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name    string         `json:"name"`
		Options map[string]any `json:"options"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Name == "" || body.Options == nil {
		param := "name"
		if body.Name != "" {
			param = "options"
		}
		specProblem(w, http.StatusBadRequest, "invalidParamError", "Invalid request body", "Missing parameter: '"+param+"'")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	if sp.generating != nil && !sp.generating.done() {
		specProblem(w, http.StatusLocked, "actionLockedError", "Collection generation in progress",
			"Collection generation is already in progress for the spec.")
		return
	}
	t := s.state.newTask(s.cfg.taskDelay)
	t.failed = s.state.failTasks
	sp.generating = t
	sp.generations[t.id] = "" // a failed generation makes no collection, but is the spec's task
	if t.failed == "" {
		content := ""
		if root := sp.root(); root != nil {
			content = root.Content
		}
		doc := convertOpenAPI([]byte(content))
		doc["info"].(map[string]any)["name"] = body.Name
		doc["info"].(map[string]any)["schema"] = "https://schema.postman.com/json/collection/v2.1.0/collection.json"
		c := s.state.addCollection(sp.WorkspaceID, doc)
		sp.collections = append(sp.collections, c.id)
		sp.generations[t.id] = c.id
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"taskId": t.id, "url": "/specs/" + sp.ID + "/tasks/" + t.id})
}

// listSpecCollections answers the collections generated from a
// specification that still exist.
func (s *Server) listSpecCollections(w http.ResponseWriter, r *http.Request) {
	s.specListPage(w, r, "collections", func() ([]any, bool) {
		sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
		if sp == nil {
			return nil, false
		}
		var list []any
		for _, id := range slices.Backward(sp.collections) {
			if c := s.state.collection(id); c != nil {
				list = append(list, map[string]any{"id": c.id, "name": c.name(), "state": sp.syncState(c.id), "createdBy": s.state.user.ID,
					"createdAt": c.createdAt.Format(postmanTime), "updatedAt": c.updatedAt.Format(postmanTime)})
			}
		}
		return list, true
	})
}

// specTask answers the state of a generation task of a specification.
func (s *Server) specTask(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := s.state.spec(r.PathValue("specId"))
	t := s.state.tasks[r.PathValue("taskId")]
	if sp == nil || t == nil {
		specInstanceNotFound(w)
		return
	}
	if _, ok := sp.specSyncs[t.id]; ok {
		writeTaskState(w, t, "spec", "update", map[string]any{"id": sp.ID, "url": "/specs/" + sp.ID})
		return
	}
	collectionID, ok := sp.generations[t.id]
	if !ok { // another element's task
		specInstanceNotFound(w)
		return
	}
	s.state.writeSpecTask(w, t, "generation", collectionID)
}

// writeSpecTask answers the state of a Spec Hub task, a collection
// generation or synchronisation (action), whose result is the collection
// of ID collectionID.
func (st *state) writeSpecTask(w http.ResponseWriter, t *task, action, collectionID string) {
	writeTaskState(w, t, "collection", action, map[string]any{"id": st.uid(collectionID), "url": "/collections/" + collectionID})
}

// writeTaskState answers the state of a Spec Hub task that makes or
// changes an element of kind model (collection or spec); resource is
// that element as the completed task lists it.
func writeTaskState(w http.ResponseWriter, t *task, model, action string, resource map[string]any) {
	meta := map[string]any{"model": model, "action": action}
	switch {
	case !t.done():
		writeJSON(w, http.StatusOK, map[string]any{"status": "pending", "meta": meta})
	case t.failed != "":
		writeJSON(w, http.StatusOK, map[string]any{"status": "failed", "meta": meta, "details": t.failed})
	default:
		writeJSON(w, http.StatusOK, map[string]any{"status": "completed", "meta": meta, "details": map[string]any{
			"resources": []any{resource}}})
	}
}
