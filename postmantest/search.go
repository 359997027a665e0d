package postmantest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
)

func (s *Server) routeSearch() {
	s.mux.HandleFunc("POST /search", s.search)
}

// POST /search finds, among the elements the fake stores, those of one
// type whose names (and descriptions) hold every word of the query and
// which pass every filter, with the checks and 400 answers of Postman's
// description.

// Publisher is a team other than the user's that owns a workspace
// (Workspace.Publisher): its public and partner workspaces, and the
// collections, requests, environments and specs in them, are what a
// search with ownership external or all finds beyond the user's team.
type Publisher struct {
	// TeamID identifies the team; zero (or the user's TeamID) is the
	// user's own team.
	TeamID   int64
	TeamName string
	// OrganizationID and OrganizationName are the team's organization;
	// they default to the team's ID and name.
	OrganizationID   int64
	OrganizationName string
	// Verified is Postman's verification of the organization, which the
	// publisherIsVerified filter reads.
	Verified bool
}

// searchTypes are the element types a search takes, in the order of the
// description's enum (its 400 answer lists them so). The fake stores no
// workspace documents and no flows: their searches are checked like the
// others and find nothing.
var searchTypes = []string{"requests", "collections", "workspaces", "environments", "documents", "flows", "specs"}

var searchOwnerships = []string{"organization", "external", "all"}

// searchRequest is a search's body, read loosely so that each wrong part
// gets Postman's own 400 detail.
type searchRequest struct {
	query, elementType, ownership string
	conds                         []searchCond
}

// readSearch reads and checks a search's body, returning the 400 detail
// when it is wrong.
func readSearch(r *http.Request) (searchRequest, string) {
	body := map[string]any{} // no body at all lacks elementType, like {}
	if err := json.NewDecoder(r.Body).Decode(&body); (err != nil && !errors.Is(err, io.EOF)) || body == nil {
		return searchRequest{}, "body must be object"
	}
	req := searchRequest{ownership: "organization"}
	for _, f := range []struct {
		key  string
		dst  *string
		enum []string
	}{{"q", &req.query, nil}, {"elementType", &req.elementType, searchTypes}, {"ownership", &req.ownership, searchOwnerships}} {
		v, ok := body[f.key]
		if !ok {
			if f.key == "elementType" {
				return req, "body must have required property 'elementType'"
			}
			continue
		}
		s, ok := v.(string)
		switch {
		case !ok:
			return req, "/" + f.key + " must be string"
		case f.enum != nil && !slices.Contains(f.enum, s):
			return req, "/" + f.key + " must be equal to one of the allowed values: " + strings.Join(f.enum, ", ")
		}
		*f.dst = s
	}
	if filters, ok := body["filters"]; ok {
		conds, bad := parseSearchFilters(filters, req.elementType)
		if bad != "" {
			return req, bad
		}
		req.conds = conds
	}
	for _, c := range req.conds {
		switch {
		case req.ownership == "external" && c.field == "visibility" && c.op == "$eq" && c.values[0] == "internal":
			return req, "ownership=external cannot be combined with visibility=internal"
		case req.ownership != "organization" && c.wants("privateNetwork"):
			return req, "privateNetwork=true can only be used with ownership=organization"
		}
	}
	return req, ""
}

// search answers POST /search: a page of the matching elements, those
// whose names hold every word of the query first, then those with the
// words in their descriptions, each group in the order the fake stores
// them; meta.total counts every match.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	page, bad := readPage(r.URL.Query(), 10, 25)
	var req searchRequest
	if bad == "" {
		req, bad = readSearch(r)
	}
	if bad != "" {
		problem(w, http.StatusBadRequest, "bad-request", "Bad Request", bad)
		return
	}
	words := strings.Fields(strings.ToLower(req.query))
	s.mu.Lock()
	var byName, byText []map[string]any
	for _, h := range s.state.searchHits(req.elementType) {
		if (req.ownership == "organization" && !h.own) || (req.ownership == "external" && h.own) || !h.passes(req.conds) {
			continue
		}
		if found, inName := h.matches(words); inName {
			byName = append(byName, h.data)
		} else if found {
			byText = append(byText, h.data)
		}
	}
	s.mu.Unlock()
	all := append(byName, byText...)
	data, next := pageOf(page, all)
	meta := map[string]any{"total": len(all)}
	if req.query != "" {
		meta["q"] = req.query
	}
	if next != "" {
		meta["nextCursor"] = next // a string or absent: the description does not let it be null
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": meta})
}
