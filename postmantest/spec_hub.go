package postmantest

import (
	"net/http"
	"path"
	"slices"
	"strings"
	"time"
)

// routeSpecHub registers the changes to a spec's properties and files and
// to its sync options.
func (s *Server) routeSpecHub() {
	s.mux.HandleFunc("PATCH /specs/{specId}", s.updateSpec)
	s.mux.HandleFunc("POST /specs/{specId}/files", s.createSpecFile)
	s.mux.HandleFunc("DELETE /specs/{specId}/files/{filePath...}", s.deleteSpecFile)
	s.mux.HandleFunc("PATCH /specs/{specId}/collections/{collectionId}/sync-options", s.updateSpecSyncOptions)
}

// maxSpecFileSize is the largest file content Spec Hub accepts.
const maxSpecFileSize = 10 << 20

// changed records a change to the files of a specification: the
// collections generated from it fall behind it, and a new version tag can
// be taken.
func (sp *storedSpec) changed(now time.Time) {
	sp.UpdatedAt = now
	sp.rev++
	for _, id := range sp.collections {
		sp.markStale(id, true)
	}
}

// file returns the file of the specification at filePath, or nil.
func (sp *storedSpec) file(filePath string) *SpecFile {
	for i := range sp.Files {
		if sp.Files[i].Path == filePath {
			return &sp.Files[i]
		}
	}
	return nil
}

// specFile finds the specification and the file a request's path names,
// answering the 404 and returning a nil file when either does not exist.
// The caller holds s.mu.
func (s *Server) specFile(w http.ResponseWriter, r *http.Request) (*storedSpec, *SpecFile) {
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return nil, nil
	}
	f := sp.file(r.PathValue("filePath"))
	if f == nil {
		specInstanceNotFound(w)
	}
	return sp, f
}

// generated reports whether the collection of ID collectionID was
// generated from the specification.
func (sp *storedSpec) generated(collectionID string) bool {
	return slices.Contains(sp.collections, collectionID)
}

// notGeneratedFrom answers the 404 of the endpoints that take a collection
// generated from a specification and were given another one.
func notGeneratedFrom(w http.ResponseWriter) {
	specProblem(w, http.StatusNotFound, "instanceNotFoundError", "Instance not found",
		"The collection was not generated from this specification.")
}

// updateSpec renames a specification. Only its name can change; its type
// and files have their own endpoints.
func (s *Server) updateSpec(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, name := s.namedSpec(w, r)
	if sp == nil {
		return
	}
	// A new name changes no file: generated collections stay in sync and
	// the changelog group (version tags) is unchanged.
	sp.Name, sp.UpdatedAt = name, time.Now().UTC()
	writeJSON(w, http.StatusOK, s.state.specBody(sp))
}

// namedSpec reads the {"name"} body of a call on a specification (a
// rename, a version tag) and finds the specification, answering the
// error and returning nil when the name is missing or the specification
// does not exist. The caller holds s.mu.
func (s *Server) namedSpec(w http.ResponseWriter, r *http.Request) (*storedSpec, string) {
	var body struct {
		Name string `json:"name"`
	}
	if !decodeBody(w, r, &body) {
		return nil, ""
	}
	if strings.TrimSpace(body.Name) == "" {
		specBadRequest(w, "Required property `name` is missing from the request.")
		return nil, ""
	}
	return lookup(w, s.state.spec, r.PathValue("specId"), specNotFound), body.Name
}

// multiFileExtensions returns the file extensions a specification of type
// typ accepts for new files, nil for the types Spec Hub keeps in one file.
func multiFileExtensions(typ string) []string {
	switch {
	case strings.HasPrefix(typ, "OPENAPI:"):
		return []string{".json", ".yaml", ".yml"}
	case strings.HasPrefix(typ, "PROTOBUF:"):
		return []string{".proto"}
	}
	return nil
}

// validSpecPath reports whether p is a relative file path without empty,
// "." or ".." elements.
func validSpecPath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// createSpecFile adds a DEFAULT file to an OpenAPI or protobuf
// specification, the only types Spec Hub keeps in several files.
func (s *Server) createSpecFile(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Path    string  `json:"path"`
		Content *string `json:"content"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Path == "" || body.Content == nil {
		specBadRequest(w, "The required body parameter is missing from the request.")
		return
	}
	if len(*body.Content) > maxSpecFileSize {
		specBadRequest(w, "File size exceeded the limit of 10 MB")
		return
	}
	if !validSpecPath(body.Path) {
		specBadRequest(w, "The path property is invalid.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	exts := multiFileExtensions(sp.Type)
	switch {
	case exts == nil:
		specBadRequest(w, "Files can only be added to OpenAPI and protobuf specifications.")
		return
	case !slices.Contains(exts, strings.ToLower(path.Ext(body.Path))):
		specProblem(w, http.StatusBadRequest, "https://api.postman.com/problems/bad-request", "Invalid parameters", "Invalid file extension")
		return
	case sp.file(body.Path) != nil:
		// The description documents no 409 here: a second file at the same
		// path is a malformed request, as for the other file properties.
		specBadRequest(w, "A file already exists at the path "+body.Path+".")
		return
	}
	now := time.Now().UTC()
	sp.Files = append(sp.Files, SpecFile{ID: newID(), Path: body.Path, Content: *body.Content, CreatedAt: now, UpdatedAt: now})
	sp.changed(now)
	writeJSON(w, http.StatusCreated, s.state.specFileBody(sp.Files[len(sp.Files)-1]))
}

// deleteSpecFile deletes a DEFAULT file of a specification. The root file
// stays: a specification always has one (Create refuses files without
// one), so another file must become the root before it can go.
func (s *Server) deleteSpecFile(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, f := s.specFile(w, r)
	if f == nil {
		return
	}
	if f.Root {
		specBadRequest(w, "The root file of a specification cannot be deleted: make another file the root first.")
		return
	}
	sp.Files = slices.DeleteFunc(sp.Files, func(o SpecFile) bool { return o.Path == f.Path })
	sp.changed(time.Now().UTC())
	w.WriteHeader(http.StatusNoContent)
}

// specSyncOptions are how a collection generated from a specification
// follows it; both default to true, as in Postman.
type specSyncOptions struct {
	syncExamples, deleteOrphanedRequests bool
}

// syncOptionsOf returns the sync options of a generated collection.
func (sp *storedSpec) syncOptionsOf(collectionID string) specSyncOptions {
	if o, ok := sp.syncOptions[collectionID]; ok {
		return o
	}
	return specSyncOptions{syncExamples: true, deleteOrphanedRequests: true}
}

// updateSpecSyncOptions changes the options the next synchronisations of
// a generated collection follow (see keepOnSync) and answers all of them.
func (s *Server) updateSpecSyncOptions(w http.ResponseWriter, r *http.Request) {
	var body struct {
		SyncOptions *struct {
			SyncExamples           *bool `json:"syncExamples"`
			DeleteOrphanedRequests *bool `json:"deleteOrphanedRequests"`
		} `json:"syncOptions"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.SyncOptions == nil {
		specBadRequest(w, "syncOptions should be there in the request body.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	id := localID(r.PathValue("collectionId"))
	if !sp.generated(id) || s.state.collection(id) == nil {
		notGeneratedFrom(w)
		return
	}
	o := sp.syncOptionsOf(id)
	if v := body.SyncOptions.SyncExamples; v != nil {
		o.syncExamples = *v
	}
	if v := body.SyncOptions.DeleteOrphanedRequests; v != nil {
		o.deleteOrphanedRequests = *v
	}
	if sp.syncOptions == nil {
		sp.syncOptions = map[string]specSyncOptions{}
	}
	sp.syncOptions[id] = o
	writeJSON(w, http.StatusOK, map[string]any{"syncOptions": map[string]any{
		"syncExamples": o.syncExamples, "deleteOrphanedRequests": o.deleteOrphanedRequests}})
}

// keepOnSync carries into next, the document a synchronisation generates
// from the specification, what the collection's sync options keep of
// prev, its current document: the saved examples of the requests that
// remain (syncExamples off), and the requests whose endpoint left the
// specification (deleteOrphanedRequests off), in a folder of the same
// name when there is one.
func keepOnSync(o specSyncOptions, prev, next map[string]any) {
	key := func(item map[string]any) string {
		req, _ := item["request"].(map[string]any)
		method, _ := req["method"].(string)
		return strings.ToUpper(method) + " " + rawURL(req["url"])
	}
	type located struct {
		item   map[string]any
		folder string
	}
	old := map[string]located{}
	folderNames := map[string]string{}
	var order []string
	walkItems(prev["item"], "", func(item map[string]any, parentID string) bool {
		if kindOf(item) == kindFolder {
			folderNames[jsonText(item["id"])], _ = item["name"].(string)
			return true
		}
		if k := key(item); old[k].item == nil {
			old[k] = located{item, folderNames[parentID]}
			order = append(order, k)
		}
		return true
	})
	folders := map[string]map[string]any{}
	kept := map[string]bool{}
	walkItems(next["item"], "", func(item map[string]any, _ string) bool {
		if kindOf(item) == kindFolder {
			name, _ := item["name"].(string)
			folders[name] = item
			return true
		}
		k := key(item)
		kept[k] = true
		if was, ok := old[k]; ok && !o.syncExamples && was.item["response"] != nil {
			item["response"] = cloneJSON(was.item["response"])
		}
		return true
	})
	if o.deleteOrphanedRequests {
		return
	}
	for _, k := range order {
		if kept[k] {
			continue
		}
		was := old[k]
		into := next
		if f, ok := folders[was.folder]; ok && was.folder != "" {
			into = f
		}
		appendTo(into, "item", cloneJSON(was.item))
	}
}
