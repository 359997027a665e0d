package postmantest

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// workspaceUpdateState is the workspace updates, oldest first; updateSeq
// is the last update ID given out (Postman numbers them).
type workspaceUpdateState struct {
	updates   []*workspaceUpdate
	updateSeq int64
}

func (s *Server) routeWorkspaceUpdates() {
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/updates", s.listWorkspaceUpdates)
	s.mux.HandleFunc("POST /workspaces/{workspaceId}/updates", s.createWorkspaceUpdate)
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/updates/{updateId}", s.getWorkspaceUpdate)
	s.mux.HandleFunc("PATCH /workspaces/{workspaceId}/updates/{updateId}", s.patchWorkspaceUpdate)
	s.mux.HandleFunc("DELETE /workspaces/{workspaceId}/updates/{updateId}", s.deleteWorkspaceUpdate)
}

// workspaceUpdate is a post to the watchers of a workspace.
type workspaceUpdate struct {
	id                   int64
	workspaceID          string
	topic, description   string
	category             string
	pinned               bool
	related              []updateResource
	createdAt, updatedAt time.Time
}

// updateResource is an element a workspace update links to.
type updateResource struct {
	Resource   string `json:"resource"`
	ResourceID string `json:"resourceId"`
}

var (
	updateCategories = []string{"improvement", "new_feature", "bug_fix", "breaking_change", "announcement"}
	updateResources  = []string{"collection", "request", "response", "folder", "extensibleCollection", "extensibleCollectionItem"}
)

// updatesPageSize is how many updates a page holds: Postman chooses it and
// does not say; the SDK pages by cursor whatever it is.
const updatesPageSize = 10

func invalidCategory(w http.ResponseWriter) {
	problem(w, http.StatusBadRequest, "invalidWorkspaceUpdateCategory", "Bad Request",
		"Invalid 'category' — must be one of: "+strings.Join(updateCategories, ", "))
}

// updatesWorkspace finds the workspace of the path, answering 404 when
// there is none, and, for a write, 403 when it belongs to another team.
// The caller holds s.mu.
func (s *Server) updatesWorkspace(w http.ResponseWriter, r *http.Request, forbidden string) *Workspace {
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		problem(w, http.StatusNotFound, "notFound", "Not Found", "Workspace does not exist")
		return nil
	}
	if forbidden != "" && !s.state.own(ws) {
		problem(w, http.StatusForbidden, "forbidden", "Forbidden", forbidden)
		return nil
	}
	return ws
}

// findUpdate finds the update of the path in the workspace of the path,
// answering 404 as updatesWorkspace does; the caller holds s.mu.
func (s *Server) findUpdate(w http.ResponseWriter, r *http.Request, forbidden string) *workspaceUpdate {
	ws := s.updatesWorkspace(w, r, forbidden)
	if ws == nil {
		return nil
	}
	id, _ := strconv.ParseInt(r.PathValue("updateId"), 10, 64)
	for _, u := range s.state.updates {
		if u.id == id && u.workspaceID == ws.ID {
			return u
		}
	}
	problem(w, http.StatusNotFound, "notFound", "Not Found", "Workspace Update does not exist")
	return nil
}

// body is the update as Get and the lists give it, with its author;
// Create and PATCH give only the author's ID (authorID).
func (st *state) updateBody(u *workspaceUpdate, authorID bool) map[string]any {
	related := u.related
	if related == nil {
		related = []updateResource{}
	}
	var author any = map[string]any{"id": st.user.ID, "name": st.user.FullName, "username": st.user.Username}
	if authorID {
		author = st.user.ID
	}
	return map[string]any{"id": u.id, "workspaceId": u.workspaceID, "topic": u.topic, "description": u.description,
		"category": u.category, "isPinned": u.pinned, "relatedResources": related, "createdBy": author,
		"updatedBy": st.user.ID, "createdAt": u.createdAt.Format(postmanTime), "updatedAt": u.updatedAt.Format(postmanTime)}
}

// updateWrite is the body of a creation or a change.
type updateWrite struct {
	Topic            string            `json:"topic"`
	Description      string            `json:"description"`
	Category         string            `json:"category"`
	IsPinned         *bool             `json:"isPinned"`
	RelatedResources *[]updateResource `json:"relatedResources"`
}

// decodeUpdate reads and checks an update write as Postman's schema
// validation does, answering 400 when it is not valid.
func decodeUpdate(w http.ResponseWriter, r *http.Request) (updateWrite, bool) {
	var b updateWrite
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		problem(w, http.StatusBadRequest, "badRequest", "Bad Request", "Invalid request body")
		return b, false
	}
	var bad string
	switch {
	case b.Description == "":
		bad = "should have required property 'description'"
	case b.Topic == "":
		bad = "should have required property 'topic'"
	case b.Category == "":
		bad = "should have required property 'category'"
	case utf8.RuneCountInString(b.Topic) > 255:
		bad = "topic should NOT be longer than 255 characters"
	case utf8.RuneCountInString(b.Description) > 20000:
		bad = "description should NOT be longer than 20000 characters"
	case b.RelatedResources != nil && len(*b.RelatedResources) > 10:
		bad = "relatedResources should NOT have more than 10 items"
	}
	if b.RelatedResources != nil && bad == "" {
		for _, res := range *b.RelatedResources {
			if !slices.Contains(updateResources, res.Resource) || res.ResourceID == "" {
				bad = "relatedResources should have a resource of " + strings.Join(updateResources, ", ") + " and a resourceId"
			}
		}
	}
	if bad != "" {
		problem(w, http.StatusBadRequest, "badRequest", "Bad Request", `Invalid request body. ["`+bad+`"]`)
		return b, false
	}
	if !slices.Contains(updateCategories, b.Category) {
		invalidCategory(w)
		return b, false
	}
	return b, true
}

// listWorkspaceUpdates lists pinned updates first, then the newest first,
// as Postman's workspace overview shows them.
func (s *Server) listWorkspaceUpdates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var categories []string
	if c := q.Get("category"); c != "" {
		categories = strings.Split(c, ",")
		for _, c := range categories {
			if !slices.Contains(updateCategories, c) {
				invalidCategory(w)
				return
			}
		}
	}
	page, bad := readPage(q, updatesPageSize, 0)
	if bad != "" {
		problem(w, http.StatusBadRequest, "badRequest", "Bad Request", bad)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.updatesWorkspace(w, r, "")
	if ws == nil {
		return
	}
	var matched []*workspaceUpdate
	for _, u := range s.state.updates {
		if u.workspaceID == ws.ID && (categories == nil || slices.Contains(categories, u.category)) {
			matched = append(matched, u)
		}
	}
	slices.SortStableFunc(matched, func(a, b *workspaceUpdate) int {
		if a.pinned != b.pinned {
			if a.pinned {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.id, a.id)
	})
	items, next := pageOf(page, matched)
	data := make([]map[string]any, 0, len(items))
	for _, u := range items {
		data = append(data, s.state.updateBody(u, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"nextCursor": nextCursor(next)}})
}

func (s *Server) createWorkspaceUpdate(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeUpdate(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.updatesWorkspace(w, r, "You are not authorized to create an update on this workspace.")
	if ws == nil {
		return
	}
	cs := &s.state.workspaceUpdateState
	cs.updateSeq++
	now := time.Now().UTC()
	u := &workspaceUpdate{id: cs.updateSeq, workspaceID: ws.ID, topic: b.Topic, description: b.Description,
		category: b.Category, createdAt: now, updatedAt: now}
	// A new update is never pinned: the creation schema has no isPinned.
	if b.RelatedResources != nil {
		u.related = *b.RelatedResources
	}
	cs.updates = append(cs.updates, u)
	writeJSON(w, http.StatusOK, s.state.updateBody(u, true))
}

func (s *Server) getWorkspaceUpdate(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.findUpdate(w, r, ""); u != nil {
		writeJSON(w, http.StatusOK, s.state.updateBody(u, false))
	}
}

// patchWorkspaceUpdate applies a JSON merge patch: absent isPinned and
// relatedResources are left as they are.
func (s *Server) patchWorkspaceUpdate(w http.ResponseWriter, r *http.Request) {
	b, ok := decodeUpdate(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.findUpdate(w, r, "You are not authorized to update this workspace update.")
	if u == nil {
		return
	}
	u.topic, u.description, u.category = b.Topic, b.Description, b.Category
	if b.IsPinned != nil {
		u.pinned = *b.IsPinned
	}
	if b.RelatedResources != nil {
		u.related = *b.RelatedResources
	}
	u.updatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, s.state.updateBody(u, true))
}

func (s *Server) deleteWorkspaceUpdate(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.findUpdate(w, r, "You are not authorized to delete this workspace update.")
	if u == nil {
		return
	}
	cs := &s.state.workspaceUpdateState
	cs.updates = slices.DeleteFunc(cs.updates, func(o *workspaceUpdate) bool { return o == u })
	w.WriteHeader(http.StatusNoContent)
}
