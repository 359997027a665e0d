package postmantest

import (
	"net/http"
	"slices"
	"time"
)

func (s *Server) routeForks() {
	s.mux.HandleFunc("POST /collections/fork/{collectionId}", s.createCollectionFork)
	s.mux.HandleFunc("GET /collections/collection-forks", s.listForkedCollections)
	s.mux.HandleFunc("GET /collections/{collectionId}/forks", s.listCollectionForks)
	s.mux.HandleFunc("GET /collections/{collectionId}/source-status", s.sourceStatus)
	s.mux.HandleFunc("PUT /collections/{collectionId}/pulls", s.pullCollection)
}

// Fork is a forked collection or environment as the server stores it.
type Fork struct {
	// ID is the fork's ID and SourceID the ID of what it was forked from.
	ID       string
	SourceID string
	// Label is the fork's label (forkName for environments).
	Label     string
	CreatedAt time.Time
}

// forkInfo says what a collection or an environment was forked from.
type forkInfo struct {
	label     string // the fork's label (its forkName, for environments)
	from      string // the source's UID
	createdAt time.Time
	// parentRev is the source's revision the fork last synchronised with:
	// the source is ahead when its revision is higher.
	parentRev int64
}

// newFork is the record of a fork labelled label, created at createdAt,
// of the element of UID srcUID at its revision srcRev.
func newFork(label, srcUID string, srcRev int64, createdAt time.Time) *forkInfo {
	return &forkInfo{label: label, from: srcUID, createdAt: createdAt, parentRev: srcRev}
}

// isFrom reports whether f records a fork of the element of this UID; a
// nil f (not a fork) is a fork of nothing.
func (f *forkInfo) isFrom(uid string) bool { return f != nil && f.from == uid }

// public returns f as the exported Fork, for the fork of this ID.
func (f *forkInfo) public(id string) Fork {
	return Fork{ID: id, SourceID: localID(f.from), Label: f.label, CreatedAt: f.createdAt}
}

func (f *forkInfo) body() map[string]any {
	return map[string]any{"label": f.label, "createdAt": f.createdAt.Format(postmanTime), "from": f.from}
}

// forkable is a kind of element that can be forked: a collection or an
// environment.
type forkable interface {
	element
	// forkedFrom returns what the element was forked from, nil if it is
	// not a fork.
	forkedFrom() *forkInfo
}

func (c *storedCollection) forkedFrom() *forkInfo  { return c.fork }
func (e *storedEnvironment) forkedFrom() *forkInfo { return e.fork }

// forksOf returns the elements of list forked from the element of this
// UID, oldest first.
func forksOf[T forkable](list []T, uid string) []T {
	var out []T
	for _, e := range list {
		if e.forkedFrom().isFrom(uid) {
			out = append(out, e)
		}
	}
	return out
}

// publicForks returns the forks in list of the element idOrUID (an ID or
// a UID) as exported Forks, oldest first.
func publicForks[T forkable](st *state, list []T, idOrUID string) []Fork {
	var out []Fork
	for _, e := range forksOf(list, st.uid(localID(idOrUID))) {
		out = append(out, e.forkedFrom().public(e.elementID()))
	}
	return out
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
	return publicForks(s.state, s.state.collections, collectionID)
}

func (st *state) forkCollection(src *storedCollection, workspaceID, label string) *storedCollection {
	fork := st.addCollection(workspaceID, cloneJSON(src.doc).(map[string]any))
	fork.fork = newFork(label, st.uid(src.id), src.rev, fork.createdAt)
	return fork
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
	st.logActivity(c.workspaceID, "destroy", "collection", c.id, c.name())
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
	data, next := pageOf(page, forks)
	meta["total"] = len(forks)
	meta["nextCursor"] = nextCursor(next)
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
	for _, f := range forksOf(s.state.collections, s.state.uid(c.id)) {
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
