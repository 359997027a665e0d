package postmantest

import (
	"net/http"
	"strconv"
)

// The folders, requests and responses of a stored collection, served in
// Postman's older item model and written into the stored v2.1 document,
// so that GET /collections/{id} shows every change.

// itemProblem answers the item endpoints' {"error":{name,message,details}}.
func (s *Server) itemProblem(w http.ResponseWriter, status int, model, id string) {
	writeProblem(w, status, errorDetails("instanceNotFoundError", "We could not find the "+model+" you are looking for",
		map[string]any{"model": model, "owner": strconv.FormatInt(s.state.user.ID, 10), "model_id": id}))
}

// lockItem locks the state and finds the collection of the path and, for
// a kind other than "", its item named by the path parameter param,
// answering 404 when one is missing. The caller unlocks when ok.
func (s *Server) lockItem(w http.ResponseWriter, r *http.Request, kind, param string) (*storedCollection, *itemRef, bool) {
	s.mu.Lock()
	c := s.state.collection(r.PathValue("collectionId"))
	if c == nil {
		s.itemProblem(w, http.StatusNotFound, "collection", r.PathValue("collectionId"))
		s.mu.Unlock()
		return nil, nil, false
	}
	if kind == "" {
		return c, nil, true
	}
	ref := findKind(c.doc, r.PathValue(param), kind)
	if ref == nil {
		s.itemProblem(w, http.StatusNotFound, kind, r.PathValue(param))
		s.mu.Unlock()
		return nil, nil, false
	}
	return c, ref, true
}

// itemAnswer is the envelope of the item endpoints.
func itemAnswer(c *storedCollection, model, action, id string, data map[string]any) map[string]any {
	return map[string]any{"data": data, "meta": map[string]any{"model": model, "action": action}, "model_id": id, "revision": c.rev}
}

// itemData adds the fields every item answer carries to data.
func (s *Server) itemData(c *storedCollection, id string, data map[string]any) map[string]any {
	st := c.stamp(id)
	data["id"] = id
	data["owner"] = strconv.FormatInt(s.state.user.ID, 10)
	data["collection"] = c.id
	data["lastUpdatedBy"] = data["owner"]
	data["lastRevision"] = c.rev
	data["createdAt"] = st.createdAt.Format(postmanTime)
	data["updatedAt"] = st.updatedAt.Format(postmanTime)
	return data
}

// parentOrNull is a parent folder's ID, or null at the collection's root.
func parentOrNull(id string) any {
	if id == "" {
		return nil
	}
	return id
}

func (s *Server) folderData(c *storedCollection, ref *itemRef) map[string]any {
	folders, requests := childIDs(ref.item)
	data := map[string]any{"name": jsonText(ref.item["name"]), "folder": parentOrNull(ref.parentID), "order": requests,
		"requests": requests, "folders": folders, "folders_order": folders, "auth": ref.item["auth"], "events": ref.item["event"],
		"variables": ref.item["variable"]}
	if d, ok := description(ref.item["description"]); ok {
		data["description"] = d
	}
	return s.itemData(c, jsonText(ref.item["id"]), data)
}

func (s *Server) requestData(c *storedCollection, ref *itemRef) map[string]any {
	data := requestModel(ref.item)
	data["folder"] = parentOrNull(ref.parentID)
	return s.itemData(c, jsonText(ref.item["id"]), data)
}

func (s *Server) responseData(c *storedCollection, ref *itemRef) map[string]any {
	data := responseModel(ref.item)
	data["request"] = ref.parentID
	return s.itemData(c, jsonText(ref.item["id"]), data)
}

// decodeItem reads an item write's body as a JSON object.
func decodeItem(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	var m map[string]any
	if !decodeBody(w, r, &m) {
		return nil, false
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, true
}

// parentFolder returns where a new folder or request goes: the root of
// c when folderID is empty, else the folder of that ID, with its ID as
// parentID. It answers the item endpoints' 400 and returns ok false when
// there is no such folder.
func (s *Server) parentFolder(w http.ResponseWriter, c *storedCollection, folderID string) (container map[string]any, parentID string, ok bool) {
	if folderID == "" {
		return c.doc, "", true
	}
	ref := findKind(c.doc, folderID, kindFolder)
	if ref == nil {
		s.itemProblem(w, http.StatusBadRequest, kindFolder, folderID)
		return nil, "", false
	}
	return ref.item, jsonText(ref.item["id"]), true
}

// addItem appends the new item of ref to the list key ("item" or
// "response") of its container, records the change in c and answers the
// item endpoints' envelope of the creation (action "import" or "create").
func (s *Server) addItem(w http.ResponseWriter, c *storedCollection, ref *itemRef, key, action string) {
	appendTo(ref.container, key, ref.item)
	if key == "item" {
		foldersFirst(ref.container)
	}
	id := jsonText(ref.item["id"])
	s.state.changed(c)
	c.stampItem(id, true)
	h := itemHandlers{s: s, kind: ref.kind}
	writeJSON(w, http.StatusOK, itemAnswer(c, ref.kind, action, id, h.data(c, ref)))
}

// createFolder adds a folder at the collection's root or in the folder
// the body names.
func (s *Server) createFolder(w http.ResponseWriter, r *http.Request) {
	m, ok := decodeItem(w, r)
	if !ok {
		return
	}
	c, _, ok := s.lockItem(w, r, "", "")
	if !ok {
		return
	}
	defer s.mu.Unlock()
	container, parentID, ok := s.parentFolder(w, c, jsonText(m["folder"]))
	if !ok {
		return
	}
	id := newID()
	folder := map[string]any{"id": id, "name": jsonText(m["name"]), "item": []any{}}
	if d, ok := m["description"].(string); ok {
		folder["description"] = d
	}
	if auth, ok := m["auth"].(map[string]any); ok {
		folder["auth"] = auth
	}
	setOrDelete(folder, "event", m, "events")
	setOrDelete(folder, "variable", m, "variables")
	s.addItem(w, c, &itemRef{item: folder, kind: kindFolder, container: container, parentID: parentID}, "item", "import")
}

// createRequest adds a request at the collection's root or in the folder
// of the folderId query parameter.
func (s *Server) createRequest(w http.ResponseWriter, r *http.Request) {
	m, ok := decodeItem(w, r)
	if !ok {
		return
	}
	c, _, ok := s.lockItem(w, r, "", "")
	if !ok {
		return
	}
	defer s.mu.Unlock()
	container, parentID, ok := s.parentFolder(w, c, r.URL.Query().Get("folderId"))
	if !ok {
		return
	}
	id := newID()
	item := map[string]any{"id": id, "name": "", "response": []any{}}
	applyRequestModel(item, m)
	s.addItem(w, c, &itemRef{item: item, kind: kindRequest, container: container, parentID: parentID}, "item", "import")
}

// createResponse adds a saved response to the request of the request
// query parameter.
func (s *Server) createResponse(w http.ResponseWriter, r *http.Request) {
	m, ok := decodeItem(w, r)
	if !ok {
		return
	}
	c, _, ok := s.lockItem(w, r, "", "")
	if !ok {
		return
	}
	defer s.mu.Unlock()
	parent := findKind(c.doc, r.URL.Query().Get("request"), kindRequest)
	if parent == nil {
		s.itemProblem(w, http.StatusBadRequest, kindRequest, r.URL.Query().Get("request"))
		return
	}
	id := newID()
	resp := map[string]any{"id": id, "name": "", "code": 200, "status": "OK", "header": []any{}, "cookie": []any{}, "body": ""}
	if req, ok := parent.item["request"]; ok {
		resp["originalRequest"] = cloneJSON(req)
	}
	applyResponseModel(resp, m)
	s.addItem(w, c, &itemRef{item: resp, kind: kindResponse, container: parent.item, parentID: jsonText(parent.item["id"])}, "response", "create")
}

// itemHandlers serve the item endpoints of one kind.
type itemHandlers struct {
	s           *Server
	kind, param string
}

func (h itemHandlers) data(c *storedCollection, ref *itemRef) map[string]any {
	switch h.kind {
	case kindFolder:
		return h.s.folderData(c, ref)
	case kindRequest:
		return h.s.requestData(c, ref)
	}
	return h.s.responseData(c, ref)
}

func (h itemHandlers) get(w http.ResponseWriter, r *http.Request) {
	c, ref, ok := h.s.lockItem(w, r, h.kind, h.param)
	if !ok {
		return
	}
	defer h.s.mu.Unlock()
	id := jsonText(ref.item["id"])
	writeJSON(w, http.StatusOK, map[string]any{"model_id": id, "data": h.data(c, ref),
		"meta": map[string]any{"model": h.kind, "populate": false, "changeset": false, "action": "find"}})
}

func (h itemHandlers) update(w http.ResponseWriter, r *http.Request) {
	m, ok := decodeItem(w, r)
	if !ok {
		return
	}
	c, ref, ok := h.s.lockItem(w, r, h.kind, h.param)
	if !ok {
		return
	}
	defer h.s.mu.Unlock()
	switch h.kind {
	case kindFolder:
		if name, ok := m["name"]; ok {
			ref.item["name"] = jsonText(name)
		}
		if d, ok := m["description"]; ok {
			ref.item["description"] = d
		}
		setOrDelete(ref.item, "auth", m, "auth")
		setOrDelete(ref.item, "event", m, "events")
		setOrDelete(ref.item, "variable", m, "variables")
	case kindRequest:
		applyRequestModel(ref.item, m)
	default:
		applyResponseModel(ref.item, m)
	}
	id := jsonText(ref.item["id"])
	h.s.state.changed(c)
	c.stampItem(id, false)
	writeJSON(w, http.StatusOK, itemAnswer(c, h.kind, "update", id, h.data(c, ref)))
}

func (h itemHandlers) delete(w http.ResponseWriter, r *http.Request) {
	c, ref, ok := h.s.lockItem(w, r, h.kind, h.param)
	if !ok {
		return
	}
	defer h.s.mu.Unlock()
	ref.remove()
	id := jsonText(ref.item["id"])
	h.s.state.changed(c)
	writeJSON(w, http.StatusOK, itemAnswer(c, h.kind, "destroy", id,
		map[string]any{"id": id, "owner": strconv.FormatInt(h.s.state.user.ID, 10)}))
}

// routeItems registers the folder, request and response endpoints (the
// creations are dispatched by postCollectionChild).
func (s *Server) routeItems() {
	for _, t := range []struct{ path, kind, param string }{
		{"/collections/{collectionId}/folders/{folderId}", kindFolder, "folderId"},
		{"/collections/{collectionId}/requests/{requestId}", kindRequest, "requestId"},
		{"/collections/{collectionId}/responses/{responseId}", kindResponse, "responseId"},
	} {
		h := itemHandlers{s: s, kind: t.kind, param: t.param}
		s.mux.HandleFunc("GET "+t.path, h.get)
		s.mux.HandleFunc("PUT "+t.path, h.update)
		s.mux.HandleFunc("DELETE "+t.path, h.delete)
	}
}

// foldersFirst puts the subfolders of a container before its requests,
// each in its order: Postman keeps them in two lists (a folder's
// folders_order and order), and lists a container's folders first.
func foldersFirst(container map[string]any) {
	list, _ := container["item"].([]any)
	out := make([]any, 0, len(list))
	for _, folders := range []bool{true, false} {
		for _, it := range list {
			m, ok := it.(map[string]any)
			if (ok && kindOf(m) == kindFolder) == folders {
				out = append(out, it)
			}
		}
	}
	container["item"] = out
}
