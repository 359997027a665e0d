package postmantest

import "slices"

// Kinds of the elements of a collection document.
const (
	kindFolder   = "folder"
	kindRequest  = "request"
	kindResponse = "response"
)

// itemRef locates a folder, request or saved response in a stored
// collection document.
type itemRef struct {
	item map[string]any
	kind string
	// container holds the element: the collection document or a folder
	// (under "item"), or the request of a response (under "response").
	container map[string]any
	// parentID is the ID of the folder holding a folder or request ("" at
	// the collection's root), or of the request holding a response.
	parentID string
}

// kindOf tells folders (they have items) from requests.
func kindOf(item map[string]any) string {
	if _, ok := item["item"]; ok {
		return kindFolder
	}
	return kindRequest
}

// walkItems calls fn for every folder and request under items, depth
// first, with the ID of the folder holding it ("" at the root). It stops,
// returning false, when fn returns false.
func walkItems(items any, parentID string, fn func(item map[string]any, parentID string) bool) bool {
	list, _ := items.([]any)
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if !fn(m, parentID) {
			return false
		}
		if kindOf(m) == kindFolder && !walkItems(m["item"], jsonText(m["id"]), fn) {
			return false
		}
	}
	return true
}

// sameID compares an element's ID with an ID or UID given in a request.
func sameID(itemID any, idOrUID string) bool {
	id := jsonText(itemID)
	return id != "" && (id == idOrUID || id == localID(idOrUID))
}

// findItem finds the folder, request or response with the given ID or UID
// in a collection document, or returns nil.
func findItem(doc map[string]any, idOrUID string) *itemRef {
	var found *itemRef
	containers := map[string]map[string]any{"": doc}
	walkItems(doc["item"], "", func(item map[string]any, parentID string) bool {
		if kindOf(item) == kindFolder {
			containers[jsonText(item["id"])] = item
		}
		if sameID(item["id"], idOrUID) {
			found = &itemRef{item: item, kind: kindOf(item), container: containers[parentID], parentID: parentID}
			return false
		}
		examples, _ := item["response"].([]any)
		for _, ex := range examples {
			if em, ok := ex.(map[string]any); ok && sameID(em["id"], idOrUID) {
				found = &itemRef{item: em, kind: kindResponse, container: item, parentID: jsonText(item["id"])}
				return false
			}
		}
		return true
	})
	return found
}

// findKind finds an element of the given kind, or returns nil.
func findKind(doc map[string]any, idOrUID, kind string) *itemRef {
	ref := findItem(doc, idOrUID)
	if ref == nil || ref.kind != kind {
		return nil
	}
	return ref
}

// remove takes the element out of its container.
func (ref *itemRef) remove() {
	key := listKey(ref.kind)
	list, _ := ref.container[key].([]any)
	ref.container[key] = slices.DeleteFunc(slices.Clone(list), func(v any) bool {
		m, ok := v.(map[string]any)
		return ok && sameID(m["id"], jsonText(ref.item["id"]))
	})
}

// appendTo adds v to the list under key of container.
func appendTo(container map[string]any, key string, v any) {
	list, _ := container[key].([]any)
	container[key] = append(list, v)
}

// childIDs returns the IDs of the folders and of the requests directly in
// a container.
func childIDs(container map[string]any) (folders, requests []any) {
	folders, requests = []any{}, []any{}
	list, _ := container["item"].([]any)
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if kindOf(m) == kindFolder {
			folders = append(folders, jsonText(m["id"]))
		} else {
			requests = append(requests, jsonText(m["id"]))
		}
	}
	return folders, requests
}
