package postmantest

import (
	"net/http"
	"slices"
	"strconv"
)

// collectionRoleState is who has which role in each collection, by
// collection ID; see (*state).collectionRoles for the defaults.
type collectionRoleState struct {
	rolesByCollection map[string][]CollectionRole
}

func (s *Server) routeCollectionRoles() {
	s.mux.HandleFunc("GET /collections/{collectionId}/roles", s.getCollectionRoles)
	s.mux.HandleFunc("PATCH /collections/{collectionId}/roles", s.updateCollectionRoles)
}

// CollectionRole is a user, user group or team with its role in a
// collection.
type CollectionRole struct {
	// Kind is "user", "group" or "team".
	Kind string
	ID   int64
	// Role is VIEWER or EDITOR.
	Role string
}

// CollectionRoles returns who has a role in a collection: until they are
// changed, the server's user as its only EDITOR. It returns nil when there
// is no such collection.
func (s *Server) CollectionRoles(collectionID string) []CollectionRole {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(collectionID)
	if c == nil {
		return nil
	}
	return slices.Clone(s.state.collectionRoles(c.id))
}

// collectionRoles returns the roles of a collection, creating the
// default ones on first use; the caller holds the lock.
func (st *state) collectionRoles(id string) []CollectionRole {
	a := &st.collectionRoleState
	if a.rolesByCollection == nil {
		a.rolesByCollection = map[string][]CollectionRole{}
	}
	roles, ok := a.rolesByCollection[id]
	if !ok {
		roles = []CollectionRole{{"user", st.user.ID, "EDITOR"}}
		a.rolesByCollection[id] = roles
	}
	return roles
}

func collectionRolesNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]any{"type": "instanceNotFoundError", "title": "We could not find the collection you are looking for"})
}

func (s *Server) getCollectionRoles(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(r.PathValue("collectionId"))
	if c == nil {
		collectionRolesNotFound(w)
		return
	}
	body := map[string]any{}
	for _, kind := range []string{"user", "group", "team"} {
		var list []any
		for _, m := range s.state.collectionRoles(c.id) {
			if m.Kind == kind {
				list = append(list, map[string]any{"id": m.ID, "role": m.Role})
			}
		}
		if list != nil {
			body[kind] = list
		}
	}
	writeJSON(w, http.StatusOK, body)
}

// updateCollectionRoles sets the roles of the users, groups and teams of
// its "update" operations; the others keep theirs.
func (s *Server) updateCollectionRoles(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Roles []struct {
			Op    string `json:"op"`
			Path  string `json:"path"`
			Value []struct {
				ID   int64  `json:"id"`
				Role string `json:"role"`
			} `json:"value"`
		} `json:"roles"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	bad := func(title string) {
		writeProblem(w, http.StatusBadRequest, map[string]any{"type": "https://api.postman.com/problems/bad-request", "title": title,
			"detail": "PATCH request body for '" + r.URL.Path + "' failed to validate schema.", "status": 400})
	}
	for i, op := range body.Roles {
		at := "roles[" + strconv.Itoa(i) + "]"
		switch {
		case op.Op != "update":
			bad("Invalid op in " + at + ": only 'update' is supported")
			return
		case op.Path != "/user" && op.Path != "/group" && op.Path != "/team":
			bad("Invalid path in " + at)
			return
		}
		for _, v := range op.Value {
			if v.Role != "VIEWER" && v.Role != "EDITOR" {
				bad("Invalid role in " + at + ": " + strconv.Quote(v.Role))
				return
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(r.PathValue("collectionId"))
	if c == nil {
		collectionRolesNotFound(w)
		return
	}
	roles := slices.Clone(s.state.collectionRoles(c.id))
	for _, op := range body.Roles {
		for _, v := range op.Value {
			m := CollectionRole{op.Path[1:], v.ID, v.Role}
			if i := slices.IndexFunc(roles, func(o CollectionRole) bool { return o.Kind == m.Kind && o.ID == m.ID }); i >= 0 {
				roles[i] = m
			} else {
				roles = append(roles, m)
			}
		}
	}
	s.state.rolesByCollection[c.id] = roles
	w.WriteHeader(http.StatusNoContent)
}
