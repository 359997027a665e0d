package postmantest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// collectionState is the collections, in creation order.
type collectionState struct {
	collections []*storedCollection
}

// routeCollections registers the collection endpoints; the creations
// under a collection (POST /collections/{collectionId}/…) are
// postCollectionChild's.
func (s *Server) routeCollections() {
	s.mux.HandleFunc("GET /collections", s.listCollections)
	s.mux.HandleFunc("POST /collections", s.createCollection)
	s.mux.HandleFunc("GET /collections/{collectionId}", s.getCollection)
	s.mux.HandleFunc("PUT /collections/{collectionId}", s.putCollection)
	s.mux.HandleFunc("PATCH /collections/{collectionId}", s.patchCollection)
	s.mux.HandleFunc("DELETE /collections/{collectionId}", s.deleteCollection)
	s.mux.HandleFunc("GET /collection-duplicate-tasks/{taskId}", s.duplicateTask)
	s.mux.HandleFunc("GET /collection-updates-tasks/{taskId}", s.collectionUpdateTask)
}

// storedCollection is a whole collection document, kept as decoded JSON
// (numbers exact, every key kept), so that it comes back as it was sent.
type storedCollection struct {
	id          string
	workspaceID string
	doc         map[string]any // the collection object: info, item, event, variable, auth …
	createdAt   time.Time
	updatedAt   time.Time
	// rev counts the changes to the collection; a fork remembers the
	// revision of its source it last synchronised with (parentRev).
	rev  int64
	fork *forkInfo
	// stamps are the creation and change times of the items written
	// through the item endpoints; other items have the collection's.
	stamps map[string]*itemStamp
}

// itemStamp is when a folder, request or response was created and changed.
type itemStamp struct{ createdAt, updatedAt time.Time }

// stamp returns the times of an item.
func (c *storedCollection) stamp(id string) itemStamp {
	if st, ok := c.stamps[id]; ok {
		return *st
	}
	return itemStamp{c.createdAt, c.updatedAt}
}

// stampItem records that an item was created (or changed) now.
func (c *storedCollection) stampItem(id string, created bool) {
	if c.stamps == nil {
		c.stamps = map[string]*itemStamp{}
	}
	now := time.Now().UTC()
	st, ok := c.stamps[id]
	if !ok {
		st = &itemStamp{createdAt: c.createdAt}
		if created {
			st.createdAt = now
		}
		c.stamps[id] = st
	}
	st.updatedAt = now
}

// touch records a change to the collection.
func (c *storedCollection) touch() {
	c.updatedAt = time.Now().UTC()
	c.rev++
}

func (c *storedCollection) info() map[string]any {
	info, _ := c.doc["info"].(map[string]any)
	if info == nil {
		info = map[string]any{}
		c.doc["info"] = info
	}
	return info
}

func (c *storedCollection) name() string {
	n, _ := c.info()["name"].(string)
	return n
}

// AddCollection stores a collection document (the JSON of a Postman
// Collection v2.1 file, with or without the {"collection": …} envelope)
// in workspaceID and returns its ID. It panics on JSON that is not an
// object, since that is a mistake in the calling test.
func (s *Server) AddCollection(workspaceID string, document []byte) string {
	// Numbers stay exact (json.Number), as for collections sent to the API.
	dec := json.NewDecoder(bytes.NewReader(document))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		panic("postmantest: AddCollection: " + err.Error())
	}
	if inner, ok := doc["collection"].(map[string]any); ok {
		doc = inner
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addCollection(workspaceID, doc).id
}

// CollectionDocument returns the stored document of a collection (the
// collection object, without the {"collection": …} envelope and without
// the fields the server adds to its answers), or nil if there is none.
func (s *Server) CollectionDocument(id string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(id)
	if c == nil {
		return nil
	}
	data, _ := json.Marshal(c.doc)
	return data
}

func (st *state) addCollection(workspaceID string, doc map[string]any) *storedCollection {
	now := time.Now().UTC()
	c := &storedCollection{id: newID(), workspaceID: workspaceID, doc: doc, createdAt: now, updatedAt: now, rev: 1}
	c.info()["_postman_id"] = c.id
	assignItemIDs(doc["item"])
	st.collections = append(st.collections, c)
	st.logActivity(workspaceID, "create", "collection", c.id, c.name())
	return c
}

func (st *state) collection(idOrUID string) *storedCollection { return byID(st.collections, idOrUID) }

func (st *state) summary(c *storedCollection) map[string]any {
	out := map[string]any{"id": c.id, "name": c.name(), "owner": strconv.FormatInt(st.user.ID, 10),
		"createdAt": c.createdAt.Format(postmanTime), "updatedAt": c.updatedAt.Format(postmanTime),
		"uid": st.uid(c.id), "isPublic": false}
	if c.fork != nil {
		out["fork"] = c.fork.body()
	}
	return out
}

func collectionNotFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "instanceNotFoundError", "We could not find the collection you are looking for")
}

func (s *Server) listCollections(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset := -1, 0
	if v := q.Get("limit"); v != "" {
		limit, _ = strconv.Atoi(v)
	}
	if v := q.Get("offset"); v != "" {
		offset, _ = strconv.Atoi(v)
	}
	s.mu.Lock()
	var all []map[string]any
	for _, c := range s.state.collections {
		if !s.state.listed(c.workspaceID, q.Get("workspace")) {
			continue
		}
		if name := q.Get("name"); name != "" && !strings.Contains(strings.ToLower(c.name()), strings.ToLower(name)) {
			continue
		}
		all = append(all, s.state.summary(c))
	}
	s.mu.Unlock()
	start := min(max(offset, 0), len(all))
	end := len(all)
	if limit > 0 {
		end = min(start+limit, len(all))
	}
	meta := map[string]any{"total": len(all), "offset": start, "limit": end - start}
	if limit > 0 {
		meta["limit"] = limit
	}
	page := all[start:end]
	if page == nil {
		page = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"collections": page, "meta": meta})
}

func (s *Server) createCollection(w http.ResponseWriter, r *http.Request) {
	ws := r.URL.Query().Get("workspace")
	var body struct {
		Collection map[string]any `json:"collection"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Collection == nil {
		paramMissing(w, "collection is a required field")
		return
	}
	if name, _ := body.Collection["info"].(map[string]any)["name"].(string); name == "" {
		paramMissing(w, "collection.info.name is a required field")
		return
	}
	if problems := schemaProblems(body.Collection); problems != nil {
		writeJSON(w, http.StatusBadRequest, malformedCollection(problems))
		return
	}
	s.mu.Lock()
	if ws == "" && len(s.state.workspaces) > 0 {
		ws = s.state.workspaces[0].ID
	}
	if s.state.workspace(ws) == nil {
		s.mu.Unlock()
		workspaceNotFound(w)
		return
	}
	c := s.state.addCollection(ws, body.Collection)
	out := map[string]any{"id": c.id, "name": c.name(), "uid": s.state.uid(c.id)}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"collection": out})
}

// schemaProblems checks the info.schema of a collection sent to be
// stored, in the words of putCollection's documented 400 example, and
// returns nil when it is fine. Writes document only the v2.1.0 format, so
// a v2.0.0 or unknown schema URL is refused. The write schemas' enum
// names the schema.postman.com host alone, while the description's other
// answers and this repository's collection package use
// schema.getpostman.com, so either host is taken. The example shows
// top-level paths only ("info: …"); writing a nested one with dots is a
// guess.
func schemaProblems(doc map[string]any) []string {
	info, _ := doc["info"].(map[string]any)
	schema, ok := info["schema"]
	switch {
	case !ok:
		return []string{"info: must have required property 'schema'"}
	case schema != "https://schema.postman.com/json/collection/v2.1.0/collection.json" &&
		schema != "https://schema.getpostman.com/json/collection/v2.1.0/collection.json":
		return []string{"info.schema: must be equal to one of the allowed values"}
	}
	return nil
}

// malformedCollection is Postman's 400 body for a collection that breaks
// the format's schema.
func malformedCollection(problems []string) map[string]any {
	return errorDetails("malformedRequestError", "Found "+strconv.Itoa(len(problems))+" errors with the supplied collection.", problems)
}

func (s *Server) getCollection(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		return
	}
	doc := cloneJSON(c.doc).(map[string]any)
	info, _ := doc["info"].(map[string]any)
	info["uid"] = s.state.uid(c.id)
	info["createdAt"] = c.createdAt.Format(postmanTime)
	info["updatedAt"] = c.updatedAt.Format(postmanTime)
	info["lastUpdatedBy"] = strconv.FormatInt(s.state.user.ID, 10)
	if c.fork != nil {
		info["fork"] = c.fork.body()
	}
	execAsLines(doc)
	if r.URL.Query().Get("model") == "minimal" {
		doc = s.state.minimalCollection(doc)
	}
	writeJSON(w, http.StatusOK, map[string]any{"collection": doc})
}

// execAsLines rewrites, in a collection document, every script's exec
// given as one string into its lines: the Collection Format allows both,
// but getCollection documents exec as an array, which is what Postman
// answers whatever form was stored.
func execAsLines(v any) {
	switch x := v.(type) {
	case map[string]any:
		if script, ok := x["script"].(map[string]any); ok {
			if exec, ok := script["exec"].(string); ok {
				lines := []any{}
				for l := range strings.SplitSeq(exec, "\n") {
					lines = append(lines, l)
				}
				script["exec"] = lines
			}
		}
		for _, child := range x {
			execAsLines(child)
		}
	case []any:
		for _, child := range x {
			execAsLines(child)
		}
	}
}

// minimalCollection is doc as model=minimal answers it, after the
// description's example: the info without the format's schema URL, the
// variables, the auth, the scripts (under "events", not the format's
// "event"), and the UIDs of the top-level requests and folders instead of
// the items.
func (st *state) minimalCollection(doc map[string]any) map[string]any {
	info, _ := doc["info"].(map[string]any)
	delete(info, "schema")
	out := map[string]any{"info": info}
	for _, k := range []string{"variable", "auth"} {
		if v, ok := doc[k]; ok {
			out[k] = v
		}
	}
	if v, ok := doc["event"]; ok {
		out["events"] = v
	}
	requests, folders := []string{}, []string{}
	for _, it := range asList(doc["item"]) {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if kindOf(m) == kindFolder {
			folders = append(folders, st.uid(jsonText(m["id"])))
		} else {
			requests = append(requests, st.uid(jsonText(m["id"])))
		}
	}
	out["rootLevelRequests"], out["rootLevelFolders"] = requests, folders
	return out
}

func (s *Server) putCollection(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Collection map[string]any `json:"collection"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Collection == nil {
		paramMissing(w, "collection is a required field")
		return
	}
	async := r.Header.Get("Prefer") == "respond-async"
	if problems := schemaProblems(body.Collection); problems != nil {
		if async {
			problem(w, http.StatusBadRequest, "bad-request", "Malformed request",
				"Unable to parse the collection. Please ensure it is according to https://schema.postman.com/collection/json/v2.1.0/draft-07/docs/index.html")
		} else {
			// putCollection documents its 400s as problem documents only,
			// the malformed collection among them.
			writeProblem(w, http.StatusBadRequest, malformedCollection(problems))
		}
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		return
	}
	info, _ := body.Collection["info"].(map[string]any)
	if info != nil {
		// Server-kept fields are not part of the stored document.
		for _, k := range []string{"uid", "createdAt", "updatedAt", "lastUpdatedBy"} {
			delete(info, k)
		}
	}
	c.doc = body.Collection
	c.info()["_postman_id"] = c.id
	assignItemIDs(c.doc["item"])
	s.state.changed(c)
	if async {
		t := s.state.newTask(s.cfg.taskDelay)
		writeJSON(w, http.StatusAccepted, map[string]any{"task": map[string]any{"id": t.id, "status": "in-progress"}})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{"id": c.id, "name": c.name(), "uid": s.state.uid(c.id)}})
}

func (s *Server) collectionUpdateTask(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.state.tasks[r.PathValue("taskId")]
	if t == nil {
		writeError(w, http.StatusNotFound, "instanceNotFoundError", "Task not found")
		return
	}
	status := "in-progress"
	switch {
	case t.done() && t.failed != "":
		status = "failed"
	case t.done():
		status = "successful"
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": t.id, "status": status})
}

func (s *Server) patchCollection(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Collection map[string]any `json:"collection"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		return
	}
	for k, v := range body.Collection {
		switch k {
		case "info":
			if patch, ok := v.(map[string]any); ok {
				for ik, iv := range patch {
					c.info()[ik] = iv
				}
			}
		case "variable":
			c.doc[k] = mergeVariables(asList(c.doc[k]), asList(v))
		case "events":
			// The body's "events" are the document's "event".
			c.doc["event"] = v
		default:
			c.doc[k] = v
		}
	}
	s.state.changed(c)
	desc, _ := c.info()["description"].(string)
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{"id": c.id, "name": c.name(), "description": desc}})
}

func (s *Server) deleteCollection(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		return
	}
	s.state.removeCollection(c)
	writeJSON(w, http.StatusOK, map[string]any{"collection": map[string]any{"id": c.id, "uid": s.state.uid(c.id)}})
}

func (s *Server) duplicateCollection(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Workspace string `json:"workspace"`
		Suffix    string `json:"suffix"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Workspace == "" {
		paramMissing(w, "workspace is a required field")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
	if c == nil {
		return
	}
	t := s.state.newTask(s.cfg.taskDelay)
	t.failed = s.state.failTasks
	if t.failed == "" {
		dup := s.state.addCollection(body.Workspace, cloneJSON(c.doc).(map[string]any))
		if body.Suffix != "" {
			dup.info()["name"] = c.name() + " " + body.Suffix
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"task": map[string]any{"id": s.state.uid(t.id), "status": "processing"}})
}

func (s *Server) duplicateTask(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.state.tasks[localID(r.PathValue("taskId"))]
	if t == nil {
		writeError(w, http.StatusNotFound, "instanceNotFoundError", "Task not found")
		return
	}
	status, reason := "processing", any(nil)
	switch {
	case t.done() && t.failed != "":
		status, reason = "failed", t.failed
	case t.done():
		status = "completed"
	}
	writeJSON(w, http.StatusOK, map[string]any{"task": map[string]any{"id": s.state.uid(t.id), "status": status, "reason": reason}})
}

// assignItemIDs gives every folder, request and saved response without
// an ID one, as Postman does when it stores a collection.
func assignItemIDs(v any) {
	items, _ := v.([]any)
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if _, ok := m["id"]; !ok {
			m["id"] = newID()
		}
		responses, _ := m["response"].([]any)
		for _, resp := range responses {
			if rm, ok := resp.(map[string]any); ok {
				if _, ok := rm["id"]; !ok {
					rm["id"] = newID()
				}
			}
		}
		assignItemIDs(m["item"])
	}
}

// mergeVariables applies a patch's variables as Postman does: one with the
// key of a variable the collection has replaces it in its place, a new one
// is appended, and the others stay.
func mergeVariables(have, patch []any) []any {
	out := slices.Clone(have)
	if out == nil {
		out = []any{}
	}
	for _, v := range patch {
		key := jsonText(mapOf(v)["key"])
		i := slices.IndexFunc(out, func(h any) bool { return jsonText(mapOf(h)["key"]) == key })
		if i >= 0 {
			out[i] = v
		} else {
			out = append(out, v)
		}
	}
	return out
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
