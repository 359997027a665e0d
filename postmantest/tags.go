package postmantest

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
)

// tagState is the tags of each workspace and collection, and the tagged
// entities in the order they were first tagged.
type tagState struct {
	tags     map[taggedEntity][]string
	tagOrder []taggedEntity
}

func newTagState() tagState { return tagState{tags: map[taggedEntity][]string{}} }

func (s *Server) routeTags() {
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/tags", s.getTags)
	s.mux.HandleFunc("PUT /workspaces/{workspaceId}/tags", s.putTags)
	s.mux.HandleFunc("GET /collections/{collectionId}/tags", s.getTags)
	s.mux.HandleFunc("PUT /collections/{collectionId}/tags", s.putTags)
	s.mux.HandleFunc("GET /tags/{slug}/entities", s.taggedEntities)
}

// taggedEntity is a workspace or collection that carries tags.
type taggedEntity struct {
	typ string // "workspace" or "collection"
	id  string
}

var tagSlug = regexp.MustCompile(`^[a-z][a-z0-9-]*[a-z0-9]+$`)

// SetWorkspaceTags replaces the tags of a workspace.
func (s *Server) SetWorkspaceTags(workspaceID string, slugs ...string) {
	s.setTags(taggedEntity{"workspace", localID(workspaceID)}, slugs)
}

// SetCollectionTags replaces the tags of a collection.
func (s *Server) SetCollectionTags(collectionID string, slugs ...string) {
	s.setTags(taggedEntity{"collection", localID(collectionID)}, slugs)
}

// WorkspaceTags returns the tags of a workspace.
func (s *Server) WorkspaceTags(workspaceID string) []string {
	return s.tagsOf(taggedEntity{"workspace", localID(workspaceID)})
}

// CollectionTags returns the tags of a collection.
func (s *Server) CollectionTags(collectionID string) []string {
	return s.tagsOf(taggedEntity{"collection", localID(collectionID)})
}

func (s *Server) setTags(e taggedEntity, slugs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.setTags(e, slugs)
}

func (s *Server) tagsOf(e taggedEntity) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.state.tags[e])
}

// setTags replaces the tags of e; entities are listed by tag in the order
// they were tagged.
func (st *state) setTags(e taggedEntity, slugs []string) {
	st.tagOrder = slices.DeleteFunc(st.tagOrder, func(o taggedEntity) bool { return o == e })
	if len(slugs) == 0 {
		delete(st.tags, e)
		return
	}
	var uniq []string
	for _, slug := range slugs {
		if !slices.Contains(uniq, slug) {
			uniq = append(uniq, slug)
		}
	}
	st.tags[e] = uniq
	st.tagOrder = append(st.tagOrder, e)
}

// exists reports whether a tagged workspace or collection is still there.
func (st *state) exists(e taggedEntity) bool {
	if e.typ == "workspace" {
		return st.workspace(e.id) != nil
	}
	return st.collection(e.id) != nil
}

func tagsBody(slugs []string) map[string]any {
	tags := []any{}
	for _, slug := range slugs {
		tags = append(tags, map[string]any{"slug": slug})
	}
	return map[string]any{"tags": tags}
}

func tagNotFound(w http.ResponseWriter, r *http.Request, detail string) {
	writeProblem(w, http.StatusNotFound, map[string]any{"type": "https://api.postman.com/problems/not-found",
		"title": "Resource Not Found", "detail": detail, "status": 404, "instance": r.URL.Path})
}

// taggedTarget resolves the workspace or collection of a tags request.
// The caller holds the lock.
func (s *Server) taggedTarget(w http.ResponseWriter, r *http.Request) (taggedEntity, bool) {
	if id := r.PathValue("workspaceId"); id != "" {
		if ws := s.state.workspace(id); ws != nil {
			return taggedEntity{"workspace", ws.ID}, true
		}
		tagNotFound(w, r, "We could not find the workspace you are looking for.")
		return taggedEntity{}, false
	}
	if c := s.state.collection(r.PathValue("collectionId")); c != nil {
		return taggedEntity{"collection", c.id}, true
	}
	tagNotFound(w, r, "We could not find the collection you are looking for.")
	return taggedEntity{}, false
}

func (s *Server) getTags(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.taggedTarget(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, tagsBody(s.state.tags[e]))
}

// putTags replaces the tags of a workspace or collection.
func (s *Server) putTags(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Tags *[]struct {
			Slug string `json:"slug"`
		} `json:"tags"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Tags == nil {
		writeProblem(w, http.StatusBadRequest, map[string]any{"title": "Bad Request", "detail": "body must have required property 'tags'", "status": 400})
		return
	}
	slugs := []string{}
	for i, t := range *body.Tags {
		detail := ""
		switch {
		case len(t.Slug) > 64:
			detail = "body/tags/" + strconv.Itoa(i) + "/slug must NOT have more than 64 characters"
		case len(t.Slug) < 2 || !tagSlug.MatchString(t.Slug):
			detail = "body/tags/" + strconv.Itoa(i) + "/slug must match pattern \"" + tagSlug.String() + "\""
		}
		if detail != "" {
			writeProblem(w, http.StatusBadRequest, map[string]any{"title": "Bad Request", "detail": detail, "status": 400})
			return
		}
		slugs = append(slugs, t.Slug)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.taggedTarget(w, r)
	if !ok {
		return
	}
	s.state.setTags(e, slugs)
	writeJSON(w, http.StatusOK, tagsBody(s.state.tags[e]))
}

// taggedEntities answers a page of the elements carrying a tag, newest
// tagged first by default (at most 50 a page, 10 unless limit says
// otherwise). An invalid cursor gives the first page, as Postman does.
func (s *Server) taggedEntities(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	if !tagSlug.MatchString(slug) {
		writeProblem(w, http.StatusBadRequest, map[string]any{"error": "Bad Request",
			"message": "params/slug must match pattern \"" + tagSlug.String() + "\"", "statusCode": 400})
		return
	}
	q := r.URL.Query()
	page, bad := readPage(q, 10, 50)
	if bad == "Invalid cursor" {
		q.Del("cursor")
		page, bad = readPage(q, 10, 50)
	}
	if bad != "" {
		writeProblem(w, http.StatusBadRequest, map[string]any{"error": "Bad Request", "message": "querystring/limit " + bad, "statusCode": 400})
		return
	}
	s.mu.Lock()
	var entities []any
	known := false
	for _, e := range s.state.tagOrder {
		if !slices.Contains(s.state.tags[e], slug) || !s.state.exists(e) {
			continue
		}
		known = true
		if t := q.Get("entityType"); t != "" && t != e.typ {
			continue
		}
		id := e.id
		if e.typ == "collection" {
			id = s.state.uid(e.id)
		}
		entities = append(entities, map[string]any{"entityId": id, "entityType": e.typ})
	}
	s.mu.Unlock()
	if !known {
		tagNotFound(w, r, "Slug '"+slug+"' does not exist.")
		return
	}
	if descending(q, true) {
		slices.Reverse(entities)
	}
	list, next := pageOf(page, entities)
	meta := map[string]any{"count": len(list)}
	if next != "" {
		meta["nextCursor"] = next
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"entities": list}, "meta": meta})
}
