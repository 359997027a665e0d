package postmantest

import (
	"net/http"
	"slices"
	"time"
)

// Fork is a forked collection or environment as the server stores it.
type Fork struct {
	// ID is the fork's ID and SourceID the ID of what it was forked from.
	ID       string
	SourceID string
	// Label is the fork's label (forkName for environments).
	Label     string
	CreatedAt time.Time
}

// forkInfo says what a collection was forked from.
type forkInfo struct {
	label     string
	from      string // the source collection's UID
	createdAt time.Time
	// parentRev is the source's revision the fork last synchronised with:
	// the source is ahead when its revision is higher.
	parentRev int64
}

func (f *forkInfo) body() map[string]any {
	return map[string]any{"label": f.label, "createdAt": f.createdAt.Format(postmanTime), "from": f.from}
}

// ForkCollection forks a stored collection into workspaceID, as POST
// /collections/fork/{id} does, and returns the fork's ID ("" if there is
// no such collection).
func (s *Server) ForkCollection(collectionID, workspaceID, label string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	src := s.state.collection(collectionID)
	if src == nil {
		return ""
	}
	return s.state.forkCollection(src, workspaceID, label).id
}

// CollectionForks returns the forks of a collection, oldest first.
func (s *Server) CollectionForks(collectionID string) []Fork {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Fork
	for _, c := range s.state.collectionForks(s.state.uid(localID(collectionID))) {
		out = append(out, Fork{ID: c.id, SourceID: localID(c.fork.from), Label: c.fork.label, CreatedAt: c.fork.createdAt})
	}
	return out
}

func (st *state) forkCollection(src *storedCollection, workspaceID, label string) *storedCollection {
	fork := st.addCollection(workspaceID, cloneJSON(src.doc).(map[string]any))
	fork.fork = &forkInfo{label: label, from: st.uid(src.id), createdAt: fork.createdAt, parentRev: src.rev}
	return fork
}

// collectionForks returns the forks of the collection with this UID.
func (st *state) collectionForks(uid string) []*storedCollection {
	var out []*storedCollection
	for _, c := range st.collections {
		if c.fork != nil && c.fork.from == uid {
			out = append(out, c)
		}
	}
	return out
}

// source returns the collection c was forked from, or nil.
func (st *state) source(c *storedCollection) *storedCollection {
	if c.fork == nil {
		return nil
	}
	return st.collection(c.fork.from)
}

// copyDocument makes dst's document a copy of src's, keeping dst's ID.
func copyDocument(dst, src *storedCollection) {
	dst.doc = cloneJSON(src.doc).(map[string]any)
	dst.info()["_postman_id"] = dst.id
	dst.touch()
}

func (st *state) removeCollection(c *storedCollection) {
	st.collections = slices.DeleteFunc(st.collections, func(o *storedCollection) bool { return o == c })
}

func forkItemNotFound(w http.ResponseWriter, item, id string) {
	writeProblem(w, http.StatusNotFound, errorDetails("instanceNotFoundError", "The specified item does not exist.", map[string]any{"item": item, "id": id}))
}

func (s *Server) createCollectionFork(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Label string `json:"label"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Label == "" {
		paramMissing(w, "label is a required field")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	src := s.state.collection(r.PathValue("collectionId"))
	if src == nil {
		forkItemNotFound(w, "collection", r.PathValue("collectionId"))
		return
	}
	ws := s.state.workspace(r.URL.Query().Get("workspace"))
	if ws == nil {
		forkItemNotFound(w, "workspace", r.URL.Query().Get("workspace"))
		return
	}
	fork := s.state.forkCollection(src, ws.ID, body.Label)
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{"id": fork.id, "name": fork.name(),
		"fork": fork.fork.body(), "uid": s.state.uid(fork.id)}})
}

// forkPage answers a page of a fork list, newest first by default.
func forkPage(w http.ResponseWriter, r *http.Request, forks []map[string]any, meta map[string]any) {
	q := r.URL.Query()
	page, bad := readPage(q, 10, 0)
	if bad != "" {
		writeError(w, http.StatusBadRequest, "badRequest", bad)
		return
	}
	if descending(q, true) {
		slices.Reverse(forks)
	}
	sp, next := page.slice(len(forks))
	meta["total"] = len(forks)
	meta["nextCursor"] = nextCursor(next)
	data := forks[sp.start:sp.end]
	if data == nil {
		data = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": meta})
}

func (s *Server) listCollectionForks(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		s.mu.Unlock()
		return
	}
	var forks []map[string]any
	for _, f := range s.state.collectionForks(s.state.uid(c.id)) {
		forks = append(forks, map[string]any{"forkName": f.fork.label, "forkId": s.state.uid(f.id),
			"createdBy": s.state.user.FullName, "createdAt": f.fork.createdAt.Format(postmanTime)})
	}
	s.mu.Unlock()
	if len(forks) == 0 {
		writeProblem(w, http.StatusBadRequest, errorEnvelope("badRequest", "This collection id has no forks."))
		return
	}
	forkPage(w, r, forks, map[string]any{})
}

func (s *Server) listForkedCollections(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	var forks []map[string]any
	for _, c := range s.state.collections {
		if c.fork != nil {
			forks = append(forks, map[string]any{"forkName": c.fork.label, "forkId": s.state.uid(c.id),
				"sourceId": c.fork.from, "createdAt": c.fork.createdAt.Format(postmanTime)})
		}
	}
	s.mu.Unlock()
	forkPage(w, r, forks, map[string]any{"inaccessibleFork": 0})
}

func (s *Server) sourceStatus(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		return
	}
	if c.fork == nil {
		writeProblem(w, http.StatusBadRequest, map[string]any{"collection": map[string]any{"name": "badRequest",
			"message": "The collection is not a forked collection."}})
		return
	}
	src := s.state.source(c)
	ahead := src != nil && src.rev > c.fork.parentRev
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{s.state.uid(c.id): map[string]any{"isSourceAhead": ahead}}})
}

// pullCollection brings the source's document into a fork.
func (s *Server) pullCollection(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(r.PathValue("collectionId"))
	if c == nil {
		forkItemNotFound(w, "collection", r.PathValue("collectionId"))
		return
	}
	if c.fork == nil {
		writeProblem(w, http.StatusBadRequest, errorEnvelope("badRequest", "The collection Id is not a forked collection."))
		return
	}
	src := s.state.source(c)
	if src == nil {
		forkItemNotFound(w, "collection", c.fork.from)
		return
	}
	copyDocument(c, src)
	c.fork.parentRev = src.rev
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{"destinationId": s.state.uid(c.id), "sourceId": s.state.uid(src.id)}})
}
