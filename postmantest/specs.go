package postmantest

import (
	"net/http"
	"path"
	"slices"
	"strings"
	"time"
)

// specState is the Spec Hub specifications, in creation order.
type specState struct {
	specs []*storedSpec
}

func (s *Server) routeSpecs() {
	s.mux.HandleFunc("GET /specs", s.listSpecs)
	s.mux.HandleFunc("POST /specs", s.createSpec)
	s.mux.HandleFunc("GET /specs/{specId}", s.getSpec)
	s.mux.HandleFunc("DELETE /specs/{specId}", s.deleteSpec)
	s.mux.HandleFunc("GET /specs/{specId}/files", s.listSpecFiles)
	s.mux.HandleFunc("GET /specs/{specId}/files/{filePath...}", s.getSpecFile)
}

// Spec is a Spec Hub specification stored by the fake API.
type Spec struct {
	ID   string
	Name string
	// Type is the specification's type, e.g. "OPENAPI:3.0" or "ASYNCAPI:2.0".
	Type string
	// WorkspaceID defaults to the personal workspace.
	WorkspaceID string
	Files       []SpecFile
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// SpecFile is a file of a specification.
type SpecFile struct {
	ID      string
	Path    string
	Content string
	// Root marks the specification's root file (type ROOT); a single file
	// is the root.
	Root      bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// storedSpec is a specification with the collections generated from it
// and its generation tasks.
type storedSpec struct {
	Spec
	collections []string          // IDs of the generated collections
	generations map[string]string // task ID → generated collection ID ("" if the task failed)
	generating  *task             // the last generation task
	stale       map[string]bool   // generated collection IDs behind the spec
	syncs       map[string]string // sync task ID → collection ID
	specSyncs   map[string]string // sync task ID → collection the spec was updated from
	syncOptions map[string]specSyncOptions
	// rev counts the changes to the files; a version tag remembers the
	// revision it captured.
	rev         int
	versionTags []*specVersionTag // oldest first
	// source is the collection the specification was generated from, if
	// any, and sourceRev the revision of it the specification matches.
	source    string
	sourceRev int64
}

// specTypes are the specification types Spec Hub accepts.
var specTypes = []string{"OPENAPI:2.0", "OPENAPI:3.0", "OPENAPI:3.1", "ASYNCAPI:2.0", "ASYNCAPI:3.0",
	"PROTOBUF:2", "PROTOBUF:3", "GRAPHQL", "SMITHY:2.0"}

// AddSpec stores a specification (IDs are generated when empty) and
// returns its ID.
func (s *Server) AddSpec(spec Spec) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addSpec(spec).ID
}

// Specs returns a copy of the stored specifications.
func (s *Server) Specs() []Spec {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Spec, len(s.state.specs))
	for i, sp := range s.state.specs {
		out[i] = sp.Spec
		out[i].Files = slices.Clone(sp.Files)
	}
	return out
}

// SpecCollections returns the IDs of the collections generated from a
// specification, oldest first.
func (s *Server) SpecCollections(specID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sp := s.state.spec(specID); sp != nil {
		return slices.Clone(sp.collections)
	}
	return nil
}

func (st *state) addSpec(spec Spec) *storedSpec {
	if spec.ID == "" {
		spec.ID = newID()
	}
	if spec.WorkspaceID == "" && len(st.workspaces) > 0 {
		spec.WorkspaceID = st.workspaces[0].ID
	}
	now := time.Now().UTC()
	if spec.CreatedAt.IsZero() {
		spec.CreatedAt = now
	}
	if spec.UpdatedAt.IsZero() {
		spec.UpdatedAt = spec.CreatedAt
	}
	spec.Files = slices.Clone(spec.Files)
	for i := range spec.Files {
		f := &spec.Files[i]
		if f.ID == "" {
			f.ID = newID()
		}
		if f.CreatedAt.IsZero() {
			f.CreatedAt = spec.CreatedAt
		}
		if f.UpdatedAt.IsZero() {
			f.UpdatedAt = f.CreatedAt
		}
	}
	if len(spec.Files) == 1 {
		spec.Files[0].Root = true
	}
	sp := &storedSpec{Spec: spec, generations: map[string]string{}}
	st.specs = append(st.specs, sp)
	return sp
}

func (st *state) spec(id string) *storedSpec {
	for _, sp := range st.specs {
		if sp.ID == id {
			return sp
		}
	}
	return nil
}

// root returns the root file of the specification.
func (sp *storedSpec) root() *SpecFile {
	for i := range sp.Files {
		if sp.Files[i].Root {
			return &sp.Files[i]
		}
	}
	return nil
}

// fileFormat is the format of the root file, from its extension or content.
func (sp *storedSpec) fileFormat() string {
	root := sp.root()
	if root == nil {
		return "json"
	}
	switch ext := strings.TrimPrefix(path.Ext(root.Path), "."); ext {
	case "json", "proto", "graphql", "smithy":
		return ext
	case "yaml", "yml":
		return "yaml"
	}
	if strings.HasPrefix(strings.TrimSpace(root.Content), "{") {
		return "json"
	}
	return "yaml"
}

func (st *state) specBody(sp *storedSpec) map[string]any {
	return map[string]any{"id": sp.ID, "name": sp.Name, "type": sp.Type, "createdBy": st.user.ID, "updatedBy": st.user.ID,
		"createdAt": sp.CreatedAt.Format(postmanTime), "updatedAt": sp.UpdatedAt.Format(postmanTime)}
}

func (st *state) specFileBody(f SpecFile) map[string]any {
	typ := "DEFAULT"
	if f.Root {
		typ = "ROOT"
	}
	return map[string]any{"id": f.ID, "path": f.Path, "name": path.Base(f.Path), "type": typ,
		"createdBy": st.user.ID, "updatedBy": st.user.ID,
		"createdAt": f.CreatedAt.Format(postmanTime), "updatedAt": f.UpdatedAt.Format(postmanTime)}
}

// specProblem answers Spec Hub's {type,title,detail,status} errors.
func specProblem(w http.ResponseWriter, status int, typ, title, detail string) {
	writeJSON(w, status, map[string]any{"type": typ, "title": title, "detail": detail, "status": status})
}

// workspaceInstanceNotFound answers the 404 of the endpoints that write
// into a workspace (specs, migrations to Spec Hub) when it does not exist.
func workspaceInstanceNotFound(w http.ResponseWriter) {
	writeProblem(w, http.StatusNotFound, map[string]any{"type": "instanceNotFoundError",
		"title": "We could not find the workspace you are looking for", "detail": "We could not find the workspace you are looking for."})
}

func specBadRequest(w http.ResponseWriter, detail string) {
	specProblem(w, http.StatusBadRequest, "https://api.postman.com/problems/bad-request", "Malformed request", detail)
}

func specNotFound(w http.ResponseWriter) {
	specProblem(w, http.StatusNotFound, "instanceNotFoundError", "Specification not found",
		"The specification you are trying to access does not exist.")
}

// specInstanceNotFound answers Spec Hub's 404 for a missing file or task.
func specInstanceNotFound(w http.ResponseWriter) {
	specProblem(w, http.StatusNotFound, "instanceNotFoundError", "Instance not found", "Entity that you are trying to access does not exist.")
}

// specFiles checks the files of a new specification and marks its root.
func specFiles(w http.ResponseWriter, in []struct{ Path, Content, Type string }) ([]SpecFile, bool) {
	if len(in) == 0 {
		specBadRequest(w, "Required body parameter files is missing")
		return nil, false
	}
	var files []SpecFile
	roots := 0
	for _, f := range in {
		if f.Path == "" {
			specBadRequest(w, "Required property `path` is missing from the request.")
			return nil, false
		}
		if f.Type == "ROOT" || (len(in) == 1 && f.Type == "") {
			roots++
		}
		files = append(files, SpecFile{Path: f.Path, Content: f.Content, Root: f.Type == "ROOT" || len(in) == 1})
	}
	switch {
	case roots == 0:
		specBadRequest(w, "At least one file must have type ROOT")
		return nil, false
	case roots > 1:
		specBadRequest(w, "Only one file can have type ROOT")
		return nil, false
	}
	return files, true
}

func (s *Server) createSpec(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name  string                                 `json:"name"`
		Type  string                                 `json:"type"`
		Files []struct{ Path, Content, Type string } `json:"files"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	switch {
	case body.Name == "":
		specBadRequest(w, "Required property `name` is missing from the request.")
		return
	case !slices.Contains(specTypes, body.Type):
		specProblem(w, http.StatusBadRequest, "InvalidParamsError", "Required parameter is invalid",
			"Required property `type` is invalid. Should be one of: "+strings.Join(specTypes, ", "))
		return
	}
	files, ok := specFiles(w, body.Files)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := lookup(w, s.state.workspace, r.URL.Query().Get("workspaceId"), workspaceInstanceNotFound)
	if ws == nil {
		return
	}
	sp := s.state.addSpec(Spec{Name: body.Name, Type: body.Type, WorkspaceID: ws.ID, Files: files})
	writeJSON(w, http.StatusCreated, s.state.specBody(sp))
}

// listSpecs answers a page of the specifications of a workspace, newest
// first.
func (s *Server) listSpecs(w http.ResponseWriter, r *http.Request) {
	s.specListPage(w, r, "specs", func() ([]any, bool) {
		ws := s.state.workspace(r.URL.Query().Get("workspaceId"))
		if ws == nil {
			specBadRequest(w, "We could not find the workspace you are looking for.")
			return nil, false
		}
		var list []any
		for _, sp := range slices.Backward(s.state.specs) {
			if sp.WorkspaceID == ws.ID {
				list = append(list, s.state.specBody(sp))
			}
		}
		return list, true
	})
}

// specListPage answers a page (10 items unless limit says otherwise) of
// one of Spec Hub's cursor-paginated lists, under key with its
// meta.nextCursor. list runs with s.mu held and returns the whole list,
// or false once it has answered an error.
func (s *Server) specListPage(w http.ResponseWriter, r *http.Request, key string, list func() ([]any, bool)) {
	page, bad := readPage(r.URL.Query(), 10, 0)
	if bad != "" {
		specBadRequest(w, bad)
		return
	}
	s.mu.Lock()
	items, ok := list()
	s.mu.Unlock()
	if !ok {
		return
	}
	out, next := pageOf(page, items)
	writeJSON(w, http.StatusOK, map[string]any{key: out, "meta": map[string]any{"nextCursor": nextCursor(next)}})
}

func (s *Server) getSpec(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	body := s.state.specBody(sp)
	body["fileFormat"] = sp.fileFormat()
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) deleteSpec(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	s.state.specs = slices.DeleteFunc(s.state.specs, func(o *storedSpec) bool { return o == sp })
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) listSpecFiles(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	files := []any{}
	for _, f := range sp.Files {
		files = append(files, s.state.specFileBody(f))
	}
	writeJSON(w, http.StatusOK, map[string]any{"files": files, "meta": map[string]any{"nextCursor": nil}})
}

func (s *Server) getSpecFile(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, f := s.specFile(w, r)
	if f == nil {
		return
	}
	body := s.state.specFileBody(*f)
	body["content"] = f.Content
	writeJSON(w, http.StatusOK, body)
}

// workspaceSpecs lists the specifications of a workspace the way GET
// /workspaces/{id} does.
func (st *state) workspaceSpecs(workspaceID string) []any {
	out := []any{}
	for _, sp := range st.specs {
		if sp.WorkspaceID == workspaceID {
			out = append(out, map[string]any{"id": sp.ID, "name": sp.Name, "uid": st.uid(sp.ID)})
		}
	}
	return out
}
