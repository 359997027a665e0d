package postmantest

import (
	"crypto/rand"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// componentState is the Component Library, in the order components were
// added.
type componentState struct {
	components []*storedComponent
}

func (s *Server) routeComponents() {
	s.mux.HandleFunc("GET /components", s.listComponents)
	s.mux.HandleFunc("POST /components", s.createComponent)
	s.mux.HandleFunc("GET /components/{componentId}", s.getComponent)
	s.mux.HandleFunc("PATCH /components/{componentId}", s.updateComponent)
	s.mux.HandleFunc("GET /components/{componentId}/drafts", s.getComponentDraft)
	s.mux.HandleFunc("PATCH /components/{componentId}/drafts", s.updateComponentDraft)
	s.mux.HandleFunc("GET /components/{componentId}/versions", s.listComponentVersions)
	s.mux.HandleFunc("POST /components/{componentId}/versions", s.publishComponentVersion)
	s.mux.HandleFunc("GET /components/{componentId}/versions/{versionId}", s.getComponentVersion)
}

// Component is a component of the team's Component Library (a shared
// piece of an OpenAPI definition), as stored by the fake API.
type Component struct {
	ID   string
	Name string
	// Type is OAS2, OAS3 (the default) or OAS3_1.
	Type string
	// Status is active (the default) or archived.
	Status string
	// Content and Format (JSON or YAML, the default) are the draft.
	Content string
	Format  string
	// Versions are the published versions, oldest first.
	Versions []ComponentVersion
}

// ComponentVersion is a published version of a component.
type ComponentVersion struct {
	ID      string
	Label   string
	Content string
	Format  string
	// PublishedAt defaults to the time it was added.
	PublishedAt time.Time
}

type storedComponent struct {
	Component
	createdAt, updatedAt time.Time
}

func (c *storedComponent) elementID() string { return c.ID }

var (
	componentName  = regexp.MustCompile(`^[a-zA-Z0-9\-_.]+$`)
	componentLabel = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9._+-]{0,58}[a-zA-Z0-9])?$`)
)

// componentURL is where the Component Library publishes versions.
const componentURL = "https://components.postman.com/"

// AddComponent stores a component in the Component Library (an ID is
// generated when empty, as are the IDs of its versions) and returns its
// ID.
func (s *Server) AddComponent(c Component) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addComponent(c).ID
}

// Components returns a copy of the components of the Component Library,
// with their drafts and published versions.
func (s *Server) Components() []Component {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []Component{}
	for _, c := range s.state.components {
		cc := c.Component
		cc.Versions = slices.Clone(c.Versions)
		out = append(out, cc)
	}
	return out
}

func (st *state) addComponent(c Component) *storedComponent {
	if c.ID == "" {
		c.ID = newULID()
	}
	c.Type = govOr(c.Type, "OAS3")
	c.Status = govOr(c.Status, "active")
	c.Format = govOr(c.Format, "YAML")
	now := time.Now().UTC()
	c.Versions = slices.Clone(c.Versions)
	for i := range c.Versions {
		v := &c.Versions[i]
		v.ID = govOr(v.ID, newULID())
		v.Format = govOr(v.Format, c.Format)
		if v.PublishedAt.IsZero() {
			v.PublishedAt = now
		}
	}
	sc := &storedComponent{Component: c, createdAt: now, updatedAt: now}
	st.components = append(st.components, sc)
	return sc
}

// govOr returns v, or def when v is empty.
func govOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// newULID returns a random ID in the ULID layout the Component Library
// uses (26 characters of Crockford's base 32).
func newULID() string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	var b [26]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = alphabet[b[i]%32]
	}
	b[0] = '0' + b[0]%8
	return string(b[:])
}

func (st *state) componentVersionBody(c *storedComponent, v ComponentVersion, withContent bool) map[string]any {
	body := map[string]any{"id": v.ID, "label": v.Label, "format": v.Format, "publishedAt": v.PublishedAt.UTC().Format(postmanTime),
		"url": componentURL + "test-team/" + c.Name + "/" + v.Label}
	if withContent {
		body["content"] = v.Content
	}
	return body
}

// componentBody is a component as GET /components lists it; include and
// expand ask for hasVersions and the latest version.
func (st *state) componentBody(c *storedComponent, r *http.Request) map[string]any {
	by := strconv.FormatInt(st.user.ID, 10)
	body := map[string]any{"id": c.ID, "name": c.Name, "type": c.Type, "status": c.Status,
		"createdAt": c.createdAt.Format(postmanTime), "updatedAt": c.updatedAt.Format(postmanTime), "createdBy": by, "updatedBy": by}
	q := r.URL.Query()
	include := strings.Split(q.Get("include"), ",")
	if slices.Contains(include, "hasVersions") {
		body["hasVersions"] = len(c.Versions) > 0
	}
	withContent := slices.Contains(include, "latestVersion.content")
	if slices.Contains(include, "latestVersion") || withContent {
		switch {
		case len(c.Versions) == 0:
			body["latestVersion"] = nil
		case withContent || slices.Contains(strings.Split(q.Get("expand"), ","), "latestVersion"):
			body["latestVersion"] = st.componentVersionBody(c, c.Versions[len(c.Versions)-1], withContent)
		default:
			body["latestVersion"] = c.Versions[len(c.Versions)-1].ID
		}
	}
	return body
}

func componentNotFound(w http.ResponseWriter) {
	problem(w, http.StatusNotFound, "not-found", "Not found", "Entity that you are trying to access does not exist.")
}

func componentBadRequest(w http.ResponseWriter, detail string) {
	problem(w, http.StatusBadRequest, "bad-request", "Bad Request", detail)
}

// component finds the component of the request's path, answering 404 when
// there is none. The caller holds s.mu.
func (s *Server) component(w http.ResponseWriter, r *http.Request) *storedComponent {
	c := byID(s.state.components, r.PathValue("componentId"))
	if c == nil {
		componentNotFound(w)
	}
	return c
}

func (s *Server) listComponents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	data := []any{}
	for _, c := range s.state.components {
		if (q.Get("type") != "" && q.Get("type") != c.Type) || (q.Get("status") != "" && q.Get("status") != c.Status) {
			continue
		}
		if hv := q.Get("hasVersions"); hv != "" && (hv == "true") != (len(c.Versions) > 0) {
			continue
		}
		data = append(data, s.state.componentBody(c, r))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"nextCursor": nil}})
}

func (s *Server) getComponent(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.component(w, r); c != nil {
		writeJSON(w, http.StatusOK, map[string]any{"data": s.state.componentBody(c, r)})
	}
}

// createComponent stores a component whose draft is the content sent;
// names are unique in the team.
func (s *Server) createComponent(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name, Type, Content, Format string
	}
	if !decodeBody(w, r, &body) {
		return
	}
	switch {
	case !componentName.MatchString(body.Name) || len(body.Name) > 60:
		componentBadRequest(w, "body/name must match pattern \""+componentName.String()+"\"")
		return
	case !slices.Contains([]string{"OAS2", "OAS3", "OAS3_1"}, body.Type):
		componentBadRequest(w, "body/type must be equal to one of the allowed values")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.state.components {
		if c.Name == body.Name {
			problem(w, http.StatusConflict, "conflict", "Duplicate component name", "Component with the same name already exists in the team.")
			return
		}
	}
	c := s.state.addComponent(Component{Name: body.Name, Type: body.Type, Content: body.Content, Format: body.Format})
	writeJSON(w, http.StatusCreated, map[string]any{"id": c.ID})
}

// updateComponent renames, archives or unarchives a component.
func (s *Server) updateComponent(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name   *string `json:"name"`
		Status string  `json:"status"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.component(w, r)
	if c == nil {
		return
	}
	if body.Name != nil {
		if c.Status == "archived" {
			problem(w, http.StatusConflict, "conflict", "Cannot rename component", "This component is archived. Unarchive it before renaming.")
			return
		}
		c.Name = *body.Name
	}
	if body.Status != "" {
		c.Status = body.Status
	}
	c.updatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, map[string]any{"id": c.ID, "name": c.Name, "status": c.Status})
}

func (s *Server) getComponentDraft(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.component(w, r); c != nil {
		writeJSON(w, http.StatusOK, map[string]any{"content": c.Content, "format": c.Format})
	}
}

func (s *Server) updateComponentDraft(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Content *string `json:"content"`
		Format  string  `json:"format"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.component(w, r)
	if c == nil {
		return
	}
	if c.Status == "archived" {
		problem(w, http.StatusConflict, "conflict", "Cannot update draft", "This component is archived. Unarchive it before editing the draft.")
		return
	}
	if body.Content != nil {
		c.Content = *body.Content
	}
	c.Format = govOr(body.Format, c.Format)
	c.updatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, map[string]any{"id": c.ID})
}

func (s *Server) listComponentVersions(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.component(w, r)
	if c == nil {
		return
	}
	data := []any{}
	for _, v := range c.Versions {
		data = append(data, s.state.componentVersionBody(c, v, r.URL.Query().Get("include") == "content"))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"nextCursor": nil}})
}

// publishComponentVersion publishes the draft as a version whose label is
// unique in the component.
func (s *Server) publishComponentVersion(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Label string `json:"label"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if !componentLabel.MatchString(body.Label) {
		componentBadRequest(w, "body/label must match pattern \""+componentLabel.String()+"\"")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.component(w, r)
	if c == nil {
		return
	}
	if c.Status == "archived" {
		problem(w, http.StatusConflict, "conflict", "Cannot publish version", "This component is archived. Unarchive it before publishing a new version.")
		return
	}
	for _, v := range c.Versions {
		if v.Label == body.Label {
			problem(w, http.StatusConflict, "conflict", "Duplicate component version label", "Component version with the same label already exists.")
			return
		}
	}
	v := ComponentVersion{ID: newULID(), Label: body.Label, Content: c.Content, Format: c.Format, PublishedAt: time.Now().UTC()}
	c.Versions = append(c.Versions, v)
	writeJSON(w, http.StatusCreated, map[string]any{"id": v.ID})
}

func (s *Server) getComponentVersion(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.component(w, r)
	if c == nil {
		return
	}
	for _, v := range c.Versions {
		if v.ID == r.PathValue("versionId") {
			writeJSON(w, http.StatusOK, s.state.componentVersionBody(c, v, r.URL.Query().Get("include") == "content"))
			return
		}
	}
	problem(w, http.StatusNotFound, "not-found", "Component version not found", "Entity that you are trying to access does not exist.")
}
