package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// commentState is the comments, oldest first; commentSeq is the last
// comment or thread ID given out.
type commentState struct {
	comments   []*storedComment
	commentSeq int64
}

func newCommentState() commentState { return commentState{commentSeq: 46800} }

// Comment is a comment on a collection, or on a folder, request or
// response of one, as the server stores it.
type Comment struct {
	// ID and ThreadID are generated when zero (a comment without a thread
	// starts one).
	ID       int64
	ThreadID int64
	Body     string
	// Resolved is set once its thread is resolved.
	Resolved bool
	// CreatedBy is the user ID of the author (default: the server's user).
	CreatedBy int64
	// Tags map each "@username" of Body to the ID of the user mentioned.
	Tags      map[string]string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// storedComment is a comment with what it is on.
type storedComment struct {
	Comment
	collectionID string
	itemID       string // "" for the collection itself
}

// AddComment stores a comment on a collection (itemID "") or on one of its
// folders, requests or responses, and returns its ID, or 0 if there is no
// such collection or item.
func (s *Server) AddComment(collectionID, itemID string, c Comment) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	col := s.state.collection(collectionID)
	if col == nil {
		return 0
	}
	if itemID != "" {
		ref := findItem(col.doc, itemID)
		if ref == nil {
			return 0
		}
		itemID = jsonText(ref.item["id"])
	}
	return s.state.addComment(col.id, itemID, c).ID
}

// Comments returns the comments on a collection (itemID "") or on one of
// its folders, requests or responses, oldest first.
func (s *Server) Comments(collectionID, itemID string) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Comment
	for _, c := range s.state.comments {
		if c.collectionID == localID(collectionID) && (c.itemID == itemID || (itemID != "" && c.itemID == localID(itemID))) {
			out = append(out, c.Comment)
		}
	}
	return out
}

func (st *state) addComment(collectionID, itemID string, c Comment) *storedComment {
	if c.ID == 0 {
		st.commentSeq++
		c.ID = st.commentSeq
	}
	if c.ThreadID == 0 {
		st.commentSeq++
		c.ThreadID = st.commentSeq
	}
	if c.CreatedBy == 0 {
		c.CreatedBy = st.user.ID
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	sc := &storedComment{Comment: c, collectionID: collectionID, itemID: itemID}
	st.comments = append(st.comments, sc)
	return sc
}

func (c *storedComment) body() map[string]any {
	status := "Open"
	if c.Resolved {
		status = "Resolved"
	}
	return map[string]any{"id": c.ID, "threadId": c.ThreadID, "status": status, "createdBy": c.CreatedBy,
		"createdAt": c.CreatedAt.Format(postmanTime), "updatedAt": c.UpdatedAt.Format(postmanTime), "body": c.Body}
}

func commentNotFound(w http.ResponseWriter, detail string) {
	writeProblem(w, http.StatusNotFound, map[string]any{"type": "https://api.postman.com/problems/not-found",
		"title": "Not Found", "detail": detail, "status": 404})
}

// commentTarget resolves what the comments of r are on: a collection, or
// one of its folders, requests or responses (kind, from the path
// parameter param). The caller holds the lock.
func (s *Server) commentTarget(w http.ResponseWriter, r *http.Request, kind, param string) (collectionID, itemID string, ok bool) {
	col := s.state.collection(r.PathValue("collectionId"))
	if col == nil {
		commentNotFound(w, "We could not find the collection you are looking for.")
		return "", "", false
	}
	if kind == "" {
		return col.id, "", true
	}
	ref := findKind(col.doc, r.PathValue(param), kind)
	if ref == nil {
		commentNotFound(w, "We could not find the "+kind+" you are looking for.")
		return "", "", false
	}
	return col.id, jsonText(ref.item["id"]), true
}

// commentHandlers serves the comments of one kind of target (kind "" for
// collections, whose item ID is in the path parameter param).
type commentHandlers struct {
	s           *Server
	kind, param string
}

func (h commentHandlers) list(w http.ResponseWriter, r *http.Request) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	colID, itemID, ok := h.s.commentTarget(w, r, h.kind, h.param)
	if !ok {
		return
	}
	data := []any{}
	for _, c := range slices.Backward(h.s.state.comments) {
		if c.collectionID == colID && c.itemID == itemID {
			data = append(data, c.body())
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// commentWrite is the body of comment creations and updates.
type commentWrite struct {
	Body     string `json:"body"`
	ThreadID int64  `json:"threadId"`
	Tags     map[string]struct {
		ID string `json:"id"`
	} `json:"tags"`
}

func (b commentWrite) tags() map[string]string {
	if len(b.Tags) == 0 {
		return nil
	}
	out := map[string]string{}
	for name, t := range b.Tags {
		out[name] = t.ID
	}
	return out
}

func decodeComment(w http.ResponseWriter, r *http.Request) (commentWrite, bool) {
	var b commentWrite
	if !decodeBody(w, r, &b) {
		return b, false
	}
	if b.Body == "" || len(b.Body) > 10000 {
		writeProblem(w, http.StatusBadRequest, map[string]any{"type": "https://api.postman.com/problems/bad-request",
			"title": "Bad Request", "detail": "body is required and must be at most 10000 characters long", "status": 400})
		return b, false
	}
	return b, true
}

func (h commentHandlers) create(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeComment(w, r)
	if !ok {
		return
	}
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	colID, itemID, ok := h.s.commentTarget(w, r, h.kind, h.param)
	if !ok {
		return
	}
	c := Comment{Body: b.Body, Tags: b.tags(), ThreadID: b.ThreadID}
	if b.ThreadID != 0 {
		thread := h.s.state.thread(b.ThreadID)
		if len(thread) == 0 || thread[0].collectionID != colID || thread[0].itemID != itemID {
			commentNotFound(w, "We could not find the comment thread you are looking for.")
			return
		}
		c.Resolved = thread[0].Resolved
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": h.s.state.addComment(colID, itemID, c).body()})
}

// comment finds the comment of the path on the target, answering 404.
func (h commentHandlers) comment(w http.ResponseWriter, r *http.Request) *storedComment {
	colID, itemID, ok := h.s.commentTarget(w, r, h.kind, h.param)
	if !ok {
		return nil
	}
	id, _ := strconv.ParseInt(r.PathValue("commentId"), 10, 64)
	for _, c := range h.s.state.comments {
		if c.ID == id && c.collectionID == colID && c.itemID == itemID {
			return c
		}
	}
	commentNotFound(w, "We could not find the comment you are looking for.")
	return nil
}

func (h commentHandlers) update(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeComment(w, r)
	if !ok {
		return
	}
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	c := h.comment(w, r)
	if c == nil {
		return
	}
	c.Body, c.Tags, c.UpdatedAt = b.Body, b.tags(), time.Now().UTC()
	writeJSON(w, http.StatusOK, map[string]any{"data": c.body()})
}

func (h commentHandlers) delete(w http.ResponseWriter, r *http.Request) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	c := h.comment(w, r)
	if c == nil {
		return
	}
	h.s.state.comments = slices.DeleteFunc(h.s.state.comments, func(o *storedComment) bool { return o == c })
	w.WriteHeader(http.StatusNoContent)
}

// thread returns the comments of a thread, oldest first.
func (st *state) thread(id int64) []*storedComment {
	var out []*storedComment
	for _, c := range st.comments {
		if c.ThreadID == id {
			out = append(out, c)
		}
	}
	return out
}

// resolveThread resolves every comment of a thread.
func (s *Server) resolveThread(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PathValue("threadId"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	thread := s.state.thread(id)
	if len(thread) == 0 {
		commentNotFound(w, "We could not find the comment thread you are looking for.")
		return
	}
	for _, c := range thread {
		c.Resolved = true
	}
	w.WriteHeader(http.StatusNoContent)
}

// routeComments registers the comment endpoints of collections, folders,
// requests and responses.
func (s *Server) routeComments() {
	for _, t := range []struct{ prefix, kind, param string }{
		{"/collections/{collectionId}", "", ""},
		{"/collections/{collectionId}/folders/{folderId}", kindFolder, "folderId"},
		{"/collections/{collectionId}/requests/{requestId}", kindRequest, "requestId"},
		{"/collections/{collectionId}/responses/{responseId}", kindResponse, "responseId"},
	} {
		h := commentHandlers{s: s, kind: t.kind, param: t.param}
		s.mux.HandleFunc("GET "+t.prefix+"/comments", h.list)
		if t.kind != "" {
			// POST /collections/{id}/comments: see postCollectionChild.
			s.mux.HandleFunc("POST "+t.prefix+"/comments", h.create)
		}
		s.mux.HandleFunc("PUT "+t.prefix+"/comments/{commentId}", h.update)
		s.mux.HandleFunc("DELETE "+t.prefix+"/comments/{commentId}", h.delete)
	}
	s.mux.HandleFunc("POST /comments-resolutions/{threadId}", s.resolveThread)
}
