package postmantest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// scimUserState is the SCIM users, in creation order.
type scimUserState struct {
	scimUsers []*SCIMUser
}

// routeSCIMUsers registers the SCIM user endpoints but deletion, which
// scim_discovery.go registers with the handler.
func (s *Server) routeSCIMUsers() {
	s.mux.HandleFunc("GET /scim/v2/Users", s.listSCIMUsers)
	s.mux.HandleFunc("POST /scim/v2/Users", s.createSCIMUser)
	s.mux.HandleFunc("GET /scim/v2/Users/{userId}", s.getSCIMUser)
	s.mux.HandleFunc("PUT /scim/v2/Users/{userId}", s.putSCIMUser)
	s.mux.HandleFunc("PATCH /scim/v2/Users/{userId}", s.patchSCIMUser)
}

// SCIMUser is a user provisioned over SCIM in the fake API.
type SCIMUser struct {
	ID         string
	UserName   string
	GivenName  string
	FamilyName string
	ExternalID string
	Active     bool
	Created    time.Time
}

// WithSCIMKey makes the server accept SCIM requests only with
// "Authorization: Bearer key" (default: any bearer token).
func WithSCIMKey(key string) Option {
	return func(c *config) { c.scimKey = key }
}

// AddSCIMUser stores u (an ID is generated when empty) and returns its ID.
func (s *Server) AddSCIMUser(u SCIMUser) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addSCIMUser(u).ID
}

// SCIMUsers returns the provisioned users.
func (s *Server) SCIMUsers() []SCIMUser {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SCIMUser, len(s.state.scimUsers))
	for i, u := range s.state.scimUsers {
		out[i] = *u
	}
	return out
}

func (st *state) addSCIMUser(u SCIMUser) *SCIMUser {
	if u.ID == "" {
		u.ID = strings.ReplaceAll(newID(), "-", "")
	}
	if u.Created.IsZero() {
		u.Created = time.Now().UTC()
	}
	st.scimUsers = append(st.scimUsers, &u)
	return &u
}

func (u *SCIMUser) resource() map[string]any {
	ts := u.Created.Format(time.RFC3339)
	return map[string]any{
		"schemas": []string{"urn:ietf:params:scim:schemas:core:2.0:User"},
		"id":      u.ID, "userName": u.UserName, "externalId": u.ExternalID, "active": u.Active,
		"name": map[string]any{"givenName": u.GivenName, "familyName": u.FamilyName},
		"meta": map[string]any{"resourceType": "User", "created": ts, "lastModified": ts},
	}
}

// scimError answers with SCIM's own error body.
func scimError(w http.ResponseWriter, status int, scimType, detail string) {
	body := map[string]any{"schemas": []string{"urn:ietf:params:scim:api:messages:2.0:Error"},
		"status": strconv.Itoa(status), "detail": detail}
	if scimType != "" {
		body["scimType"] = scimType
	}
	writeJSON(w, status, body)
}

// scimPage reads the 1-based startIndex (default 1) and the count (default
// and at most 100) of a SCIM list request.
func scimPage(q url.Values) (start, count int) {
	start, count = 1, 100
	if v, err := strconv.Atoi(q.Get("startIndex")); err == nil && v > 0 {
		start = v
	}
	if v, err := strconv.Atoi(q.Get("count")); err == nil && v >= 0 {
		count = min(v, 100)
	}
	return start, count
}

// writeSCIMList answers SCIM's ListResponse with the page of the matched
// resources that starts at start (1-based) and holds at most count.
func writeSCIMList(w http.ResponseWriter, matched []map[string]any, start, count int) {
	from := min(start-1, len(matched))
	to := min(from+count, len(matched))
	page := matched[from:to]
	if page == nil {
		page = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"schemas": []string{"urn:ietf:params:scim:api:messages:2.0:ListResponse"},
		"totalResults": len(matched), "startIndex": start, "itemsPerPage": len(page), "Resources": page})
}

func (s *Server) listSCIMUsers(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	start, count := scimPage(q)
	filterName := ""
	if f := q.Get("filter"); f != "" {
		// Postman supports `userName eq "…"` filters.
		if name, ok := strings.CutPrefix(f, "userName eq "); ok {
			filterName = strings.Trim(name, `"`)
		} else {
			scimError(w, http.StatusBadRequest, "invalidFilter", "Only userName eq filters are supported.")
			return
		}
	}
	s.mu.Lock()
	var matched []map[string]any
	for _, u := range s.state.scimUsers {
		if filterName == "" || strings.EqualFold(u.UserName, filterName) {
			matched = append(matched, u.resource())
		}
	}
	s.mu.Unlock()
	writeSCIMList(w, matched, start, count)
}

func (s *Server) createSCIMUser(w http.ResponseWriter, r *http.Request) {
	var body struct {
		UserName   string `json:"userName"`
		ExternalID string `json:"externalId"`
		Active     *bool  `json:"active"`
		Name       struct {
			GivenName  string `json:"givenName"`
			FamilyName string `json:"familyName"`
		} `json:"name"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.UserName == "" {
		scimError(w, http.StatusBadRequest, "invalidValue", "userName is required.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.state.scimUsers {
		if strings.EqualFold(u.UserName, body.UserName) {
			scimError(w, http.StatusConflict, "uniqueness", "User already exists.")
			return
		}
	}
	u := s.state.addSCIMUser(SCIMUser{UserName: body.UserName, ExternalID: body.ExternalID, GivenName: body.Name.GivenName,
		FamilyName: body.Name.FamilyName, Active: body.Active == nil || *body.Active})
	writeJSON(w, http.StatusCreated, u.resource())
}

// scimUser finds a user, or answers SCIM's 404. The caller holds the lock.
func (s *Server) scimUser(w http.ResponseWriter, id string) *SCIMUser {
	u := s.state.scimUserByID(id)
	if u == nil {
		scimError(w, http.StatusNotFound, "", "User not found.")
	}
	return u
}

func (s *Server) getSCIMUser(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.scimUser(w, r.PathValue("userId")); u != nil {
		writeJSON(w, http.StatusOK, u.resource())
	}
}

func (s *Server) patchSCIMUser(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Operations []struct {
			Op    string `json:"op"`
			Value struct {
				Active *bool `json:"active"`
			} `json:"value"`
		} `json:"Operations"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.scimUser(w, r.PathValue("userId"))
	if u == nil {
		return
	}
	for _, op := range body.Operations {
		if strings.EqualFold(op.Op, "replace") && op.Value.Active != nil {
			u.Active = *op.Value.Active
		}
	}
	writeJSON(w, http.StatusOK, u.resource())
}

func (s *Server) putSCIMUser(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name struct {
			GivenName  string `json:"givenName"`
			FamilyName string `json:"familyName"`
		} `json:"name"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.scimUser(w, r.PathValue("userId"))
	if u == nil {
		return
	}
	u.GivenName, u.FamilyName = body.Name.GivenName, body.Name.FamilyName
	writeJSON(w, http.StatusOK, u.resource())
}
