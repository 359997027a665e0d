package postmantest

import "net/http"

// element is a stored element that has an ID: a workspace, collection,
// environment, mock, monitor or API Builder API.
type element interface {
	comparable
	elementID() string
}

func (ws *Workspace) elementID() string        { return ws.ID }
func (c *storedCollection) elementID() string  { return c.id }
func (e *storedEnvironment) elementID() string { return e.id }
func (m *storedMock) elementID() string        { return m.ID }
func (m *storedMonitor) elementID() string     { return m.ID }
func (a *storedAPI) elementID() string         { return a.id }

// byID returns the element of list whose ID is idOrUID, or the ID inside
// that UID (see localID), as Postman accepts either; the zero T (nil) if
// there is none.
func byID[T element](list []T, idOrUID string) T {
	id := localID(idOrUID)
	for _, e := range list {
		if e.elementID() == id {
			return e
		}
	}
	var none T
	return none
}

// lookup finds an element with find, typically a state method such as
// (*state).collection, and answers notFound (Postman's 404 body for that
// kind of element) when there is none. The caller holds s.mu and returns
// when lookup returns nil:
//
//	c := lookup(w, s.state.collection, r.PathValue("collectionId"), collectionNotFound)
//	if c == nil {
//		return
//	}
func lookup[T any](w http.ResponseWriter, find func(string) *T, idOrUID string, notFound func(http.ResponseWriter)) *T {
	v := find(idOrUID)
	if v == nil {
		notFound(w)
	}
	return v
}
