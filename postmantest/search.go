package postmantest

import (
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

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

// searchField says what a filter field takes and where.
type searchField struct {
	boolean bool     // its operators take a boolean; otherwise text
	lists   bool     // it takes $in and $nin besides $eq and $ne
	enum    []string // the only values it takes, if limited
	types   []string // the element types it is supported for; nil: all
}

// searchFields are the filter fields of the description, each supported
// for the element types its description names.
var searchFields = map[string]searchField{
	"privateNetwork":      {boolean: true},
	"publisherIsVerified": {boolean: true},
	"isGitConnected":      {boolean: true},
	"visibility":          {enum: []string{"internal", "public", "partner"}},
	"workspaceId":         {lists: true},
	"createdBy":           {lists: true},
	"organizationId":      {lists: true},
	"teamId":              {lists: true},
	"collectionId":        {lists: true, types: []string{"requests", "collections"}},
	"tags":                {lists: true, types: []string{"workspaces", "collections"}},
	"method":              {lists: true, types: []string{"requests"}},
	"requestId":           {lists: true, types: []string{"requests"}},
	"type":                {lists: true, types: []string{"requests"}},
	"specificationId":     {lists: true, types: []string{"specs"}},
	"flowId":              {lists: true, types: []string{"flows"}},
	"documentId":          {lists: true, types: []string{"documents"}},
	"environmentId":       {lists: true, types: []string{"environments"}},
}

// searchCond is one operator of one filter condition.
type searchCond struct {
	field, op string
	values    []string // the text operand: one value for $eq and $ne
	flag      bool     // the boolean operand
}

// holds reports whether an element with these values of the field (a
// list for tags, one value for the others) passes the condition.
func (c searchCond) holds(values []string) bool {
	hit := slices.ContainsFunc(values, func(v string) bool { return slices.Contains(c.values, v) })
	if c.op == "$ne" || c.op == "$nin" {
		return !hit
	}
	return hit
}

// wants reports whether the condition keeps only elements whose boolean
// field is set.
func (c searchCond) wants(field string) bool {
	return c.field == field && (c.op == "$eq") == c.flag
}

// normalize puts an operand in the form the fake compares: IDs of
// collections, requests and environments may be given as UIDs, and
// methods in any case.
func normalize(field, v string) string {
	switch field {
	case "collectionId", "requestId", "environmentId":
		return localID(v)
	case "method":
		return strings.ToUpper(v)
	}
	return v
}

// parseSearchFilters reads the filters of a search for elementType, or
// says what is wrong with them as Postman's 400 detail does (ajv's words
// for what the description's schema forbids).
func parseSearchFilters(v any, elementType string) ([]searchCond, string) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, "/filters must be object"
	}
	raw, ok := m["$and"]
	if !ok {
		return nil, "/filters must have required property '$and'"
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, "/filters/$and must be array"
	}
	var conds []searchCond
	for i, item := range list {
		at := "/filters/$and/" + strconv.Itoa(i)
		cond, ok := item.(map[string]any)
		switch {
		case !ok:
			return nil, at + " must be object"
		case len(cond) < 1:
			return nil, at + " must NOT have fewer than 1 properties"
		case len(cond) > 1:
			return nil, at + " must NOT have more than 1 properties"
		}
		for field, ops := range cond {
			spec, known := searchFields[field]
			if !known || (spec.types != nil && !slices.Contains(spec.types, elementType)) {
				return nil, "filter " + field + " is not supported for elementType=" + elementType
			}
			opMap, ok := ops.(map[string]any)
			if !ok {
				return nil, at + "/" + field + " must be object"
			}
			for _, op := range slices.Sorted(maps.Keys(opMap)) {
				c, bad := parseSearchCond(spec, field, op, opMap[op], at+"/"+field+"/"+op)
				if bad != "" {
					return nil, bad
				}
				conds = append(conds, c)
			}
		}
	}
	return conds, ""
}

// parseSearchCond reads one operator of a filter field.
func parseSearchCond(spec searchField, field, op string, v any, at string) (searchCond, string) {
	c := searchCond{field: field, op: op}
	switch {
	case op != "$eq" && op != "$ne" && (!spec.lists || (op != "$in" && op != "$nin")):
		return c, "operator " + op + " is not supported for filter " + field
	case spec.boolean:
		flag, ok := v.(bool)
		if !ok {
			return c, at + " must be boolean"
		}
		c.flag = flag
		return c, ""
	case op == "$eq" || op == "$ne":
		s, ok := v.(string)
		if !ok {
			return c, at + " must be string"
		}
		if spec.enum != nil && !slices.Contains(spec.enum, s) {
			return c, at + " must be equal to one of the allowed values: " + strings.Join(spec.enum, ", ")
		}
		c.values = []string{normalize(field, s)}
		return c, ""
	}
	list, ok := v.([]any)
	if !ok {
		return c, at + " must be array"
	}
	for i, item := range list {
		s, ok := item.(string)
		if !ok {
			return c, at + "/" + strconv.Itoa(i) + " must be string"
		}
		c.values = append(c.values, normalize(field, s))
	}
	return c, ""
}

// searchHit is an element a search may find: its answer, the texts the
// query is matched against (the name first), and the values its filters
// compare.
type searchHit struct {
	data   map[string]any
	texts  []string
	own    bool                // the user's team owns it
	values map[string][]string // text filter fields
	flags  map[string]bool     // boolean filter fields
}

// matches reports whether every word of the query is in one of the hit's
// texts, and whether they are all in its name, which ranks it first.
func (h *searchHit) matches(words []string) (found, inName bool) {
	inName = true
	for _, word := range words {
		in := func(text string) bool { return strings.Contains(strings.ToLower(text), word) }
		if !in(h.texts[0]) {
			inName = false
			if !slices.ContainsFunc(h.texts[1:], in) {
				return false, false
			}
		}
	}
	return true, inName
}

// passes reports whether the hit passes every condition.
func (h *searchHit) passes(conds []searchCond) bool {
	for _, c := range conds {
		if flag, ok := h.flags[c.field]; ok {
			if (flag == c.flag) != (c.op == "$eq") {
				return false
			}
		} else if !c.holds(h.values[c.field]) {
			return false
		}
	}
	return true
}

// Links of search results: the Postman web app and the Postman API.
const (
	postmanWebURL = "https://go.postman.co/"
	postmanAPIURL = "https://api.postman.com/"
)

func searchLinks(web, self string) map[string]any {
	return map[string]any{"web": map[string]any{"href": postmanWebURL + web}, "self": map[string]any{"href": postmanAPIURL + self}}
}

// own reports whether the user's team owns the workspace (a nil
// workspace, for elements stored without one, is the user's).
func (st *state) own(ws *Workspace) bool {
	return ws == nil || ws.Publisher.TeamID == 0 || ws.Publisher.TeamID == st.user.TeamID
}

// searchVisibility is a workspace's visibility in search's terms.
func searchVisibility(ws *Workspace) string {
	if ws != nil && (ws.Visibility == "public" || ws.Visibility == "partner") {
		return ws.Visibility
	}
	return "internal"
}

// searchBase is the hit of an element, of ID id (a UID for collections
// and requests), in workspace ws (nil when it has none) with what it
// takes from there: its owner, publisher, visibility and Private API
// Network membership. It returns nil for the workspaces of other teams
// that are neither public nor partner, which the user cannot see.
func (st *state) searchBase(ws *Workspace, id, name string) *searchHit {
	own, visibility := st.own(ws), searchVisibility(ws)
	if !own && visibility == "internal" {
		return nil
	}
	h := &searchHit{own: own, texts: []string{name}, data: map[string]any{"id": id, "name": name, "team": nil, "organization": nil},
		values: map[string][]string{"visibility": {visibility}}, flags: map[string]bool{"isGitConnected": false}}
	creator := strconv.FormatInt(st.user.ID, 10)
	team, org := st.user.TeamID, st.ownOrganization()
	teamName, orgName, verified := st.user.TeamName, st.user.TeamName, false
	if !own {
		p := ws.Publisher
		creator, team, org, teamName, verified = ws.CreatedBy, p.TeamID, p.OrganizationID, p.TeamName, p.Verified
		orgName = p.OrganizationName
		if org == 0 {
			org = team
		}
		if orgName == "" {
			orgName = teamName
		}
	}
	h.flags["publisherIsVerified"] = verified
	h.flags["privateNetwork"] = false
	if ws != nil {
		h.values["workspaceId"] = []string{ws.ID}
		h.data["workspace"] = map[string]any{"id": ws.ID, "name": ws.Name}
		h.flags["privateNetwork"] = own && slices.ContainsFunc(st.gov().network.entries, func(e *networkEntry) bool { return e.workspaceID == ws.ID })
	}
	h.data["isPrivateNetworkEntity"] = h.flags["privateNetwork"]
	if creator != "" {
		h.values["createdBy"] = []string{creator}
		h.data["createdBy"] = creator
	}
	if team != 0 {
		h.values["teamId"] = []string{strconv.FormatInt(team, 10)}
		h.values["organizationId"] = []string{strconv.FormatInt(org, 10)}
		h.data["team"] = map[string]any{"id": strconv.FormatInt(team, 10), "name": teamName}
		h.data["organization"] = map[string]any{"id": strconv.FormatInt(org, 10), "name": orgName, "isVerified": verified}
	}
	return h
}

// ownOrganization is the ID of the organization of the user's team.
func (st *state) ownOrganization() int64 {
	for _, t := range st.acct().teams {
		if t.ID == st.user.TeamID {
			return t.OrganizationID
		}
	}
	return 1 // AddTeam's default organization
}

// describe adds a description (and the summary of workspaces) to a hit,
// as texts the query is matched against.
func (h *searchHit) describe(key, text string) {
	if text != "" {
		h.data[key] = text
		h.texts = append(h.texts, text)
	}
}

// searchHits returns the elements of one type the user can see, in the
// order the fake stores them (requests depth first in their collections).
func (st *state) searchHits(elementType string) []*searchHit {
	var hits []*searchHit
	add := func(h *searchHit) {
		if h != nil {
			hits = append(hits, h)
		}
	}
	switch elementType {
	case "workspaces":
		for _, ws := range st.workspaces {
			add(st.workspaceHit(ws))
		}
	case "collections", "requests":
		for _, c := range st.collections {
			if elementType == "collections" {
				add(st.collectionHit(c))
				continue
			}
			walkItems(c.doc["item"], "", func(item map[string]any, _ string) bool {
				if kindOf(item) == kindRequest {
					add(st.requestHit(c, item))
				}
				return true
			})
		}
	case "environments":
		for _, e := range st.environments {
			add(st.environmentHit(e))
		}
	case "specs":
		for _, sp := range st.specs {
			add(st.specHit(sp))
		}
	}
	return hits
}

func (st *state) workspaceHit(ws *Workspace) *searchHit {
	h := st.searchBase(ws, ws.ID, ws.Name)
	if h == nil {
		return nil
	}
	delete(h.data, "workspace") // a workspace is in none
	if ws.CreatedBy != "" {
		h.values["createdBy"] = []string{ws.CreatedBy}
		h.data["createdBy"] = ws.CreatedBy
	}
	h.data["isGitConnected"] = false
	h.describe("summary", ws.About)
	h.describe("description", ws.Description)
	h.tag(st.tags[taggedEntity{"workspace", ws.ID}])
	h.data["links"] = searchLinks("workspace/"+ws.ID, "workspaces/"+ws.ID)
	return h
}

// tag adds the tags of a workspace or collection to a hit.
func (h *searchHit) tag(slugs []string) {
	h.values["tags"] = slugs
	if len(slugs) > 0 {
		h.data["tags"] = slices.Clone(slugs)
	}
}

func (st *state) collectionHit(c *storedCollection) *searchHit {
	uid := st.uid(c.id)
	h := st.searchBase(st.workspace(c.workspaceID), uid, c.name())
	if h == nil {
		return nil
	}
	h.data["isGitConnected"] = false
	h.values["collectionId"] = []string{c.id}
	if d, ok := description(c.info()["description"]); ok {
		h.describe("description", d)
	}
	h.tag(st.tags[taggedEntity{"collection", c.id}])
	h.data["links"] = searchLinks("collection/"+uid, "collections/"+uid)
	return h
}

// requestHit is a request of a collection, read with the item endpoints'
// requestModel.
func (st *state) requestHit(c *storedCollection, item map[string]any) *searchHit {
	req := requestModel(item)
	id, colUID := jsonText(item["id"]), st.uid(c.id)
	uid := st.uid(id)
	h := st.searchBase(st.workspace(c.workspaceID), uid, jsonText(req["name"]))
	if h == nil {
		return nil
	}
	method := strings.ToUpper(jsonText(req["method"]))
	h.data["method"] = method
	h.data["type"] = "http" // a Collection v2.1 document holds HTTP requests only
	if u := jsonText(req["url"]); u != "" {
		h.data["url"] = u
	}
	h.data["isGitConnected"] = false
	h.data["collection"] = map[string]any{"id": colUID, "name": c.name()}
	h.values["collectionId"] = []string{c.id}
	h.values["requestId"] = []string{id}
	h.values["method"] = []string{method}
	h.values["type"] = []string{"http"}
	if d, ok := req["description"].(string); ok {
		h.describe("description", d)
	}
	h.data["links"] = searchLinks("request/"+uid, "collections/"+colUID+"/requests/"+uid)
	return h
}

func (st *state) environmentHit(e *storedEnvironment) *searchHit {
	h := st.searchBase(st.workspace(e.workspaceID), e.id, e.name)
	if h == nil {
		return nil
	}
	h.values["environmentId"] = []string{e.id}
	h.data["links"] = searchLinks("environment/"+st.uid(e.id), "environments/"+e.id)
	return h
}

func (st *state) specHit(sp *storedSpec) *searchHit {
	h := st.searchBase(st.workspace(sp.WorkspaceID), sp.ID, sp.Name)
	if h == nil {
		return nil
	}
	h.data["specificationId"] = sp.ID
	h.data["specificationName"] = sp.Name
	h.data["specificationType"] = sp.Type
	h.data["isGitConnected"] = false
	h.values["specificationId"] = []string{sp.ID}
	h.data["links"] = searchLinks("specification/"+sp.ID, "specs/"+sp.ID)
	return h
}

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
