package postmantest

import (
	"net/http"
	"regexp"
	"strings"
	"time"
)

// packageState is the Package Library, in the order packages were added.
type packageState struct {
	packages []*storedPackage
}

func (s *Server) routePackages() {
	s.mux.HandleFunc("GET /packages", s.listPackages)
	s.mux.HandleFunc("POST /packages", s.createPackage)
	s.mux.HandleFunc("GET /packages/{packageId}", s.getPackage)
	s.mux.HandleFunc("PATCH /packages/{packageId}", s.updatePackage)
	s.mux.HandleFunc("DELETE /packages/{packageId}", s.deletePackage)
}

// Package is a package of the team's Package Library, as stored by the
// fake API.
type Package struct {
	ID string
	// Name is the lowercase import name.
	Name        string
	Description string
	Script      string
	// WorkspaceID is the workspace the package was created in.
	WorkspaceID string
}

type storedPackage struct {
	Package
	createdAt, updatedAt time.Time
}

func (p *storedPackage) elementID() string { return p.ID }

var packageName = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_-]*$`)

// AddPackage stores a package in the Package Library (an ID is generated
// when empty, the name is lowercased, the workspace defaults to the
// personal one) and returns its ID.
func (s *Server) AddPackage(p Package) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addPackage(p).ID
}

// Packages returns a copy of the packages of the Package Library, oldest
// first.
func (s *Server) Packages() []Package {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []Package{}
	for _, p := range s.state.packages {
		out = append(out, p.Package)
	}
	return out
}

func (st *state) addPackage(p Package) *storedPackage {
	if p.ID == "" {
		p.ID = newID()
	}
	if p.WorkspaceID == "" && len(st.workspaces) > 0 {
		p.WorkspaceID = st.workspaces[0].ID
	}
	p.Name = strings.ToLower(p.Name)
	now := time.Now().UTC()
	sp := &storedPackage{Package: p, createdAt: now, updatedAt: now}
	st.packages = append(st.packages, sp)
	return sp
}

func (st *state) packageBody(p *storedPackage, withScript bool) map[string]any {
	body := map[string]any{"id": p.ID, "name": p.Name, "description": p.Description,
		"createdAt": p.createdAt.Format(postmanTime), "updatedAt": p.updatedAt.Format(postmanTime)}
	if withScript {
		body["script"] = p.Script
		body["createdBy"] = st.user.ID
	}
	return body
}

func packageNotFound(w http.ResponseWriter, r *http.Request) {
	problemFor(w, r, http.StatusNotFound, "not-found", "The resource you are trying to access does not exist.",
		"The package "+r.PathValue("packageId")+" does not exist.")
}

func packageBadRequest(w http.ResponseWriter, r *http.Request, detail string) {
	problemFor(w, r, http.StatusBadRequest, "bad-request", "The request is invalid or improperly formatted.", detail)
}

// listPackages answers a page of the packages (100 unless limit says
// otherwise), without their scripts.
func (s *Server) listPackages(w http.ResponseWriter, r *http.Request) {
	page, bad := readPage(r.URL.Query(), maxLimit, maxLimit)
	if bad != "" {
		packageBadRequest(w, r, bad)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	list, next := pageOf(page, s.state.packages)
	data := []any{}
	for _, p := range list {
		data = append(data, s.state.packageBody(p, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"nextCursor": nextCursor(next)}})
}

func (s *Server) getPackage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := byID(s.state.packages, r.PathValue("packageId"))
	if p == nil {
		packageNotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": s.state.packageBody(p, true)})
}

// createPackage stores a package; a name already in use answers 409.
func (s *Server) createPackage(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Script      string `json:"script"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if !packageName.MatchString(body.Name) || len(body.Name) > 200 {
		packageBadRequest(w, r, "body/name must match pattern \""+packageName.String()+"\"")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.URL.Query().Get("workspace"))
	if ws == nil {
		packageBadRequest(w, r, "The workspace "+r.URL.Query().Get("workspace")+" does not exist.")
		return
	}
	for _, p := range s.state.packages {
		if p.Name == strings.ToLower(body.Name) {
			problemFor(w, r, http.StatusConflict, "conflict", "The resource conflicts with an existing resource.", "A package with this name already exists.")
			return
		}
	}
	p := s.state.addPackage(Package{Name: body.Name, Description: body.Description, Script: body.Script, WorkspaceID: ws.ID})
	writeJSON(w, http.StatusCreated, s.state.packageBody(p, true))
}

// updatePackage applies a merge patch of the description and script.
func (s *Server) updatePackage(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Description *string `json:"description"`
		Script      *string `json:"script"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := byID(s.state.packages, r.PathValue("packageId"))
	if p == nil {
		packageNotFound(w, r)
		return
	}
	if body.Description != nil {
		p.Description = *body.Description
	}
	if body.Script != nil {
		p.Script = *body.Script
	}
	p.updatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, s.state.packageBody(p, true))
}

// deletePackage answers 204 whether or not the package exists, as
// Postman does.
func (s *Server) deletePackage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := &s.state.packageState
	id := r.PathValue("packageId")
	for i, p := range g.packages {
		if p.ID == id {
			g.packages = append(g.packages[:i], g.packages[i+1:]...)
			break
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
