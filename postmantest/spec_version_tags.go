package postmantest

import (
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (s *Server) routeSpecVersionTags() {
	s.mux.HandleFunc("GET /specs/{specId}/version-tags", s.listSpecVersionTags)
	s.mux.HandleFunc("POST /specs/{specId}/version-tags", s.createSpecVersionTag)
	s.mux.HandleFunc("GET /specs/{specId}/version-tags/{tagId}/files", s.getSpecVersionTagFiles)
}

// specVersionTag is a named snapshot of a specification's files.
type specVersionTag struct {
	id, name string
	// rev is the revision of the specification's files it captured.
	rev int
	// entries are its files and folders as GET …/version-tags/{id}/files
	// answers them, built once so that folder IDs stay the same.
	entries []any
}

// createSpecVersionTag snapshots the files of a specification. Postman
// keeps one tag per changelog group: a second tag with no file changed
// since the last one is a conflict.
func (s *Server) createSpecVersionTag(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, name := s.namedSpec(w, r)
	if sp == nil {
		return
	}
	if n := len(sp.versionTags); n > 0 && sp.versionTags[n-1].rev == sp.rev {
		writeProblem(w, http.StatusConflict, map[string]any{"type": "conflictError", "title": "Conflict", "status": http.StatusConflict,
			"detail": "A version tag already exists for the current changelog group. Make new changes to the spec to create a version tag."})
		return
	}
	tag := &specVersionTag{id: newID(), name: name, rev: sp.rev, entries: s.state.versionTagEntries(sp)}
	sp.versionTags = append(sp.versionTags, tag)
	writeJSON(w, http.StatusCreated, map[string]any{"data": map[string]any{"id": tag.id, "name": tag.name}})
}

// versionTagEntries lists the files of a specification and the folders
// holding them, each folder before what it holds, in path order.
func (st *state) versionTagEntries(sp *storedSpec) []any {
	user := strconv.FormatInt(st.user.ID, 10)
	files := slices.Clone(sp.Files)
	slices.SortFunc(files, func(a, b SpecFile) int { return strings.Compare(a.Path, b.Path) })
	type folder struct {
		id                   string
		createdAt, updatedAt time.Time
	}
	folders := map[string]*folder{}
	var order []string
	for _, f := range files {
		for dir := path.Dir(f.Path); dir != "."; dir = path.Dir(dir) {
			fo := folders[dir]
			if fo == nil {
				fo = &folder{id: newID(), createdAt: f.CreatedAt, updatedAt: f.UpdatedAt}
				folders[dir] = fo
				order = append(order, dir)
			}
			fo.createdAt = minTime(fo.createdAt, f.CreatedAt)
			fo.updatedAt = maxTime(fo.updatedAt, f.UpdatedAt)
		}
	}
	entry := func(id, p, typ string, created, updated time.Time) map[string]any {
		e := map[string]any{"id": id, "name": path.Base(p), "path": p, "type": typ, "createdBy": user, "updatedBy": user,
			"createdAt": created.Format(postmanTime), "updatedAt": updated.Format(postmanTime)}
		if dir := path.Dir(p); dir != "." {
			e["parentId"] = folders[dir].id
		}
		return e
	}
	type pathed struct {
		path string
		e    map[string]any
	}
	var all []pathed
	for _, dir := range order {
		fo := folders[dir]
		all = append(all, pathed{dir, entry(fo.id, dir, "FOLDER", fo.createdAt, fo.updatedAt)})
	}
	for _, f := range files {
		e := entry(f.ID, f.Path, "FILE", f.CreatedAt, f.UpdatedAt)
		e["fileType"], e["content"] = "DEFAULT", f.Content
		if f.Root {
			e["fileType"] = "ROOT"
		}
		all = append(all, pathed{f.Path, e})
	}
	// A folder sorts before what it holds: compare paths element by element.
	slices.SortStableFunc(all, func(a, b pathed) int {
		return slices.Compare(strings.Split(a.path, "/"), strings.Split(b.path, "/"))
	})
	out := make([]any, len(all))
	for i, p := range all {
		out[i] = p.e
	}
	return out
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// listSpecVersionTags answers a page of the version tags of a
// specification, newest first, as Postman's example lists them.
func (s *Server) listSpecVersionTags(w http.ResponseWriter, r *http.Request) {
	s.specListPage(w, r, "data", func() ([]any, bool) {
		sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
		if sp == nil {
			return nil, false
		}
		var list []any
		for _, tag := range slices.Backward(sp.versionTags) {
			list = append(list, map[string]any{"id": tag.id, "name": tag.name})
		}
		return list, true
	})
}

// getSpecVersionTagFiles answers the files and folders a version tag
// captured, with the files' content as it was then.
func (s *Server) getSpecVersionTagFiles(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	i := slices.IndexFunc(sp.versionTags, func(t *specVersionTag) bool { return t.id == r.PathValue("tagId") })
	if i < 0 {
		specProblem(w, http.StatusNotFound, "instanceNotFoundError", "Version not found",
			"The version tag you are trying to access does not exist on this specification.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": sp.versionTags[i].entries})
}
