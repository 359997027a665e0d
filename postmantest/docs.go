package postmantest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// docsState is the collections' published documentation, by collection ID.
type docsState struct {
	docs map[string]*publishedDocs
}

func newDocsState() docsState { return docsState{docs: map[string]*publishedDocs{}} }

func (s *Server) routeDocs() {
	s.mux.HandleFunc("PUT /collections/{collectionId}/public-documentations", s.publishDocs)
	s.mux.HandleFunc("DELETE /collections/{collectionId}/public-documentations", s.unpublishDocs)
}

// publishedDocs is a collection's published documentation: the settings
// it was last published with, kept as sent.
type publishedDocs struct {
	id            string
	publishedAt   time.Time
	environment   string
	layout        string
	customColor   map[string]any
	customization map[string]any
}

// base62 is the alphabet of the IDs of published documentation ("6n31uVF").
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// docsLayouts are the documentation layouts Postman accepts.
var docsLayouts = []string{"classic-single-column", "classic-double-column"}

// PublishedDocumentation returns the public URL of a collection's
// published documentation, or "" when it is not published.
func (s *Server) PublishedDocumentation(collectionID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.state.docs[localID(collectionID)]; d != nil {
		return s.state.docsURL(d)
	}
	return ""
}

func (st *state) docsURL(d *publishedDocs) string {
	return "https://documenter.postman.com/view/" + strconv.FormatInt(st.user.ID, 10) + "/" + d.id
}

func docsBadRequest(w http.ResponseWriter, detail string) {
	problem(w, http.StatusBadRequest, "bad-request", "Bad Request", detail)
}

func docsNotFound(w http.ResponseWriter) {
	problem(w, http.StatusNotFound, "not-found", "Not Found",
		"The resource you're looking for can't be found. Please check the URL before trying again.")
}

// publishDocs publishes (or republishes, keeping its URL) a collection's
// documentation. customColor must be the colors of one of the themes the
// customization gives, as Postman's "light theme and customColor" error
// shows; without metaTags the page takes the collection's name and
// description, as Postman's documentation page does.
func (s *Server) publishDocs(w http.ResponseWriter, r *http.Request) {
	var body struct {
		EnvironmentUID      string         `json:"environmentUid"`
		CustomColor         map[string]any `json:"customColor"`
		DocumentationLayout string         `json:"documentationLayout"`
		Customization       map[string]any `json:"customization"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	switch {
	case body.CustomColor == nil:
		docsBadRequest(w, "Property 'customColor' is missing from the request body")
		return
	case body.Customization == nil:
		docsBadRequest(w, "Property 'customization' is missing from the request body")
		return
	case body.DocumentationLayout != "" && !slices.Contains(docsLayouts, body.DocumentationLayout):
		docsBadRequest(w, "The request contains following incorrect or missing fields: documentationLayout")
		return
	case !themeColorsMatch(body.Customization, body.CustomColor):
		docsBadRequest(w, "The request contains following incorrect or missing fields: light theme and customColor")
		return
	}
	if body.DocumentationLayout == "" {
		body.DocumentationLayout = docsLayouts[0]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionId"), docsNotFound)
	if c == nil {
		return
	}
	if body.EnvironmentUID != "" && s.state.environment(body.EnvironmentUID) == nil {
		docsBadRequest(w, "The request contains following incorrect or missing fields: environmentUid")
		return
	}
	if tags, _ := body.Customization["metaTags"].([]any); len(tags) == 0 {
		desc, _ := description(c.info()["description"])
		body.Customization["metaTags"] = []any{map[string]any{"name": "title", "value": c.name()},
			map[string]any{"name": "description", "value": desc}}
	}
	docs := s.state.docs
	d := docs[c.id]
	if d == nil {
		d = &publishedDocs{id: randomChars(base62, 7)}
		docs[c.id] = d
	}
	d.publishedAt = time.Now().UTC()
	d.environment, d.layout, d.customColor, d.customization = body.EnvironmentUID, body.DocumentationLayout, body.CustomColor, body.Customization
	out := map[string]any{"id": d.id, "collectionId": c.id, "published": true, "publicUrl": s.state.docsURL(d),
		"publishDate": d.publishedAt.Format(postmanTime), "publisherId": strconv.FormatInt(s.state.user.ID, 10),
		"documentationLayout": d.layout, "customColor": d.customColor, "customization": d.customization}
	if d.environment != "" {
		out["environmentUid"] = d.environment
	}
	writeJSON(w, http.StatusOK, out)
}

// themeColorsMatch reports whether customColor is the colors of one of the
// customization's themes; a customization without themes takes any color.
func themeColorsMatch(customization, customColor map[string]any) bool {
	appearance, _ := customization["appearance"].(map[string]any)
	themes, _ := appearance["themes"].([]any)
	if len(themes) == 0 {
		return true
	}
	want, _ := json.Marshal(customColor)
	for _, t := range themes {
		theme, _ := t.(map[string]any)
		if got, _ := json.Marshal(theme["colors"]); string(got) == string(want) {
			return true
		}
	}
	return false
}

// unpublishDocs unpublishes a collection's documentation; a collection
// whose documentation is not published gets the same 404 as a missing one.
func (s *Server) unpublishDocs(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(r.PathValue("collectionId"))
	docs := s.state.docs
	if c == nil || docs[c.id] == nil {
		docsNotFound(w)
		return
	}
	delete(docs, c.id)
	w.WriteHeader(http.StatusNoContent)
}
