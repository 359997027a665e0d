package postmantest

import (
	"net/http"
	"slices"
)

// transferBody is the body of the collection item transfers.
type transferBody struct {
	IDs    []string `json:"ids"`
	Mode   string   `json:"mode"`
	Target struct {
		Model string `json:"model"`
		ID    string `json:"id"`
	} `json:"target"`
	Location struct {
		Position string `json:"position"`
		Model    string `json:"model"`
		ID       string `json:"id"`
	} `json:"location"`
}

func transferBadRequest(w http.ResponseWriter, detail string) {
	problem(w, http.StatusBadRequest, "bad-request", "Bad Request", detail)
}

// findAnywhere finds an element of a kind in any stored collection.
func (st *state) findAnywhere(idOrUID, kind string) (*storedCollection, *itemRef) {
	for _, c := range st.collections {
		if ref := findKind(c.doc, idOrUID, kind); ref != nil {
			return c, ref
		}
	}
	return nil, nil
}

// transferTarget finds the container transferred elements of kind go to:
// a collection's root or a folder for folders and requests, a request for
// responses; it returns its collection and the container.
func (st *state) transferTarget(kind, model, id string) (*storedCollection, map[string]any, string) {
	switch {
	case kind == kindResponse && model != kindRequest:
		return nil, nil, "Responses can only be transferred into a request."
	case kind != kindResponse && model != "collection" && model != kindFolder:
		return nil, nil, "Folders and requests can only be transferred into a collection or a folder."
	case model == "collection":
		c := st.collection(id)
		if c == nil {
			return nil, nil, "The target collection " + id + " was not found."
		}
		return c, c.doc, ""
	}
	c, ref := st.findAnywhere(id, model)
	if ref == nil {
		return nil, nil, "The target " + model + " " + id + " was not found."
	}
	return c, ref.item, ""
}

// freshIDs gives a copied element, and everything in it, new IDs, as
// Postman does for copies.
func freshIDs(item map[string]any) {
	delete(item, "id")
	walkItems(item["item"], "", func(m map[string]any, _ string) bool {
		delete(m, "id")
		return true
	})
	for _, m := range append([]map[string]any{item}, itemsUnder(item)...) {
		responses, _ := m["response"].([]any)
		for _, resp := range responses {
			if rm, ok := resp.(map[string]any); ok {
				delete(rm, "id")
			}
		}
	}
	assignItemIDs([]any{item})
}

// itemsUnder returns the folders and requests inside a folder.
func itemsUnder(folder map[string]any) []map[string]any {
	var out []map[string]any
	walkItems(folder["item"], "", func(m map[string]any, _ string) bool {
		out = append(out, m)
		return true
	})
	return out
}

// indexOf returns the index of the element of this ID or UID in list, or -1.
func indexOf(list []any, idOrUID string) int {
	return slices.IndexFunc(list, func(v any) bool {
		m, ok := v.(map[string]any)
		return ok && sameID(m["id"], idOrUID)
	})
}

// checkLocation answers what is wrong with a transfer's location in the
// target's list, before anything changes, so that a bad one leaves every
// collection as it was: the sibling of before and after must be in the
// target and, for a move, not be moved itself.
func checkLocation(list []any, ids []string, mode, position, siblingID string) string {
	switch position {
	case "start", "end", "":
		return ""
	case "before", "after":
		moved := mode == "move" && slices.ContainsFunc(ids, func(id string) bool { return localID(id) == localID(siblingID) })
		if indexOf(list, siblingID) < 0 || moved {
			return "The location " + siblingID + " is not in the target."
		}
		return ""
	}
	return "location.position must be one of start, end, before, after."
}

// insertAt puts items into the list under key of container at a checked
// position.
func insertAt(container map[string]any, key string, items []any, position, siblingID string) {
	list := asList(container[key])
	i := len(list)
	switch position {
	case "start":
		i = 0
	case "before":
		i = indexOf(list, siblingID)
	case "after":
		i = indexOf(list, siblingID) + 1
	}
	container[key] = slices.Insert(slices.Clone(list), i, items...)
}

// transferItems serves the transfers of folders, requests or responses
// (kind): copies get new IDs, moves keep theirs; the answer lists the UIDs
// of the transferred elements in the order of the request. Either every
// element is transferred or none is.
func (s *Server) transferItems(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b transferBody
		if !decodeBody(w, r, &b) {
			return
		}
		switch {
		case len(b.IDs) == 0:
			transferBadRequest(w, "ids must have at least one element.")
			return
		case b.Mode != "copy" && b.Mode != "move":
			transferBadRequest(w, "mode must be one of copy, move.")
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		dst, container, bad := s.state.transferTarget(kind, b.Target.Model, b.Target.ID)
		if bad != "" {
			transferBadRequest(w, bad)
			return
		}
		sources, bad := s.state.transferSources(kind, b.IDs, b.Mode, container)
		if bad == "" {
			bad = checkLocation(asList(container[listKey(kind)]), b.IDs, b.Mode, b.Location.Position, b.Location.ID)
		}
		if bad != "" {
			transferBadRequest(w, bad)
			return
		}
		touched := []*storedCollection{dst}
		var items, ids []any
		for _, m := range sources {
			item := m.ref.item
			if b.Mode == "copy" {
				item = cloneJSON(item).(map[string]any)
				freshIDs(item)
			} else {
				m.ref.remove()
				if !slices.Contains(touched, m.c) {
					touched = append(touched, m.c)
				}
			}
			items = append(items, item)
			ids = append(ids, s.state.uid(jsonText(item["id"])))
		}
		insertAt(container, listKey(kind), items, b.Location.Position, b.Location.ID)
		if kind != kindResponse {
			foldersFirst(container)
		}
		for i, it := range items {
			id := jsonText(it.(map[string]any)["id"])
			dst.stampItem(id, b.Mode == "copy")
			if b.Mode == "move" {
				// A moved element keeps when it was created.
				dst.stamps[id].createdAt = sources[i].c.stamp(id).createdAt
			}
		}
		for _, c := range touched {
			s.state.changed(c)
		}
		writeJSON(w, http.StatusOK, map[string]any{"ids": ids})
	}
}

// transferSource is an element to transfer and its collection.
type transferSource struct {
	c   *storedCollection
	ref *itemRef
}

// transferSources finds the elements of kind to transfer into container,
// answering what is wrong with them. A move names each element once: the
// repeats are left out.
func (st *state) transferSources(kind string, ids []string, mode string, container map[string]any) ([]transferSource, string) {
	var out []transferSource
	into := jsonText(container["id"])
	for _, id := range ids {
		c, ref := st.findAnywhere(id, kind)
		switch {
		case ref == nil:
			return nil, "The " + kind + " " + id + " was not found."
		case kind == kindFolder && into != "" && (sameID(ref.item["id"], into) ||
			slices.ContainsFunc(itemsUnder(ref.item), func(m map[string]any) bool { return sameID(m["id"], into) })):
			return nil, "A folder cannot be transferred into itself."
		case mode == "move" && slices.ContainsFunc(out, func(s transferSource) bool { return sameID(s.ref.item["id"], jsonText(ref.item["id"])) }):
			continue
		}
		out = append(out, transferSource{c, ref})
	}
	return out, ""
}

// listKey is the list of its container an element of kind is in.
func listKey(kind string) string {
	if kind == kindResponse {
		return "response"
	}
	return "item"
}

// changed records a change to a collection's items in it and in its
// workspace's activity feed.
func (st *state) changed(c *storedCollection) {
	c.touch()
	st.logActivity(c.workspaceID, "update", "collection", c.id, c.name())
}

// asList is the JSON array v, or nil.
func asList(v any) []any {
	list, _ := v.([]any)
	return list
}

func (s *Server) routeCollectionTransfers() {
	s.mux.HandleFunc("POST /collection-folders-transfers", s.transferItems(kindFolder))
	s.mux.HandleFunc("POST /collection-requests-transfers", s.transferItems(kindRequest))
	s.mux.HandleFunc("POST /collection-responses-transfers", s.transferItems(kindResponse))
}
