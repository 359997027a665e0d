package postmantest

import (
	"encoding/json"
	"net/http"
	"path"
	"time"
)

func (s *Server) routeSpecSync() {
	s.mux.HandleFunc("PATCH /specs/{specId}/files/{filePath...}", s.updateSpecFile)
	s.mux.HandleFunc("PUT /collections/{collectionUid}/synchronizations", s.syncCollection)
	s.mux.HandleFunc("GET /collections/{collectionUid}/tasks/{taskId}", s.collectionTask)
}

// updateSpecFile changes one thing of a specification's file: its
// content, its name, or its type (ROOT makes it the root, the previous
// root becoming DEFAULT). A change of content or root leaves the
// collections generated from the specification out of sync until they are
// synchronised.
func (s *Server) updateSpecFile(w http.ResponseWriter, r *http.Request) {
	var body map[string]json.RawMessage
	if !decodeBody(w, r, &body) {
		return
	}
	if len(body) != 1 {
		specBadRequest(w, "Exactly one of the name, type and content properties must be passed.")
		return
	}
	var name, typ, content *string
	for key, raw := range body {
		var v string
		if json.Unmarshal(raw, &v) != nil {
			specBadRequest(w, "The "+key+" property must be a string.")
			return
		}
		switch key {
		case "name":
			name = &v
		case "type":
			typ = &v
		case "content":
			content = &v
		default:
			specBadRequest(w, "Unknown property "+key+": pass one of name, type and content.")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, f := s.specFile(w, r)
	if f == nil {
		return
	}
	changed := false
	switch {
	case content != nil:
		f.Content, changed = *content, true
	case name != nil:
		if *name == "" || path.Base(*name) != *name {
			specBadRequest(w, "The name must be a file name, without folders.")
			return
		}
		f.Path = path.Join(path.Dir(f.Path), *name)
	case *typ == "ROOT":
		for j := range sp.Files {
			sp.Files[j].Root = &sp.Files[j] == f
		}
		changed = true
	case *typ == "DEFAULT":
		if f.Root {
			specBadRequest(w, "Multi-file specifications must have one root file: make another file the root instead.")
			return
		}
	default:
		specBadRequest(w, "The type must be ROOT or DEFAULT.")
		return
	}
	now := time.Now().UTC()
	f.UpdatedAt, sp.UpdatedAt = now, now
	sp.rev++
	if changed {
		for _, id := range sp.collections {
			sp.markStale(id, true)
		}
	}
	writeJSON(w, http.StatusOK, s.state.specFileBody(*f))
}

// markStale records whether a generated collection is behind its
// specification.
func (sp *storedSpec) markStale(collectionID string, stale bool) {
	if sp.stale == nil {
		sp.stale = map[string]bool{}
	}
	sp.stale[collectionID] = stale
}

// syncState is the sync state of a collection generated from sp.
func (sp *storedSpec) syncState(collectionID string) string {
	if sp.stale[collectionID] {
		return "out-of-sync"
	}
	return "in-sync"
}

// syncCollection starts synchronising a collection generated from a
// specification with it: the collection's requests are generated again
// from the specification's root file, its ID and name kept, and what its
// sync options keep of the previous requests (see keepOnSync). The change is
// applied at once unless FailTasks makes the task fail; the task reports
// done after the configured task delay.
func (s *Server) syncCollection(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := s.state.spec(r.URL.Query().Get("specId"))
	c := s.state.collection(r.PathValue("collectionUid"))
	if sp == nil {
		specNotFound(w)
		return
	}
	generated := false
	for _, id := range sp.collections {
		generated = generated || (c != nil && id == c.id)
	}
	if !generated {
		specProblem(w, http.StatusNotFound, "instanceNotFoundError", "Instance not found",
			"The collection was not generated from this specification.")
		return
	}
	t := s.state.newTask(s.cfg.taskDelay)
	t.failed = s.state.failTasks
	if t.failed == "" {
		content := ""
		if root := sp.root(); root != nil {
			content = root.Content
		}
		doc := convertOpenAPI([]byte(content))
		info := doc["info"].(map[string]any)
		info["name"] = c.name()
		info["schema"] = "https://schema.postman.com/json/collection/v2.1.0/collection.json"
		info["_postman_id"] = c.id
		keepOnSync(sp.syncOptionsOf(c.id), c.doc, doc)
		assignItemIDs(doc["item"])
		c.doc = doc
		c.touch()
		sp.markStale(c.id, false)
	}
	if sp.syncs == nil {
		sp.syncs = map[string]string{}
	}
	sp.syncs[t.id] = c.id
	uid := s.state.uid(c.id)
	writeJSON(w, http.StatusAccepted, map[string]any{"taskId": t.id, "url": "/collections/" + uid + "/tasks/" + t.id})
}

// collectionTask answers the state of a task of a collection: its
// synchronisation with a specification, or the generation of a
// specification from it.
func (s *Server) collectionTask(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(r.PathValue("collectionUid"))
	t := s.state.tasks[r.PathValue("taskId")]
	if c == nil || t == nil {
		specInstanceNotFound(w)
		return
	}
	if g, ok := s.state.specGenerations[t.id]; ok && g.collectionID == c.id {
		writeTaskState(w, t, "spec", "generation", map[string]any{"id": g.specID, "url": "/specs/" + g.specID})
		return
	}
	var synced bool
	for _, sp := range s.state.specs {
		synced = synced || sp.syncs[t.id] == c.id
	}
	if !synced {
		specInstanceNotFound(w)
		return
	}
	s.state.writeSpecTask(w, t, "update", c.id)
}
