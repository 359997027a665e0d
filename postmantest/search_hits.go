package postmantest

import (
	"slices"
	"strconv"
	"strings"
)

// What a search finds: each stored element as a searchHit, with the texts
// the query matches and the values the filters compare.

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
		h.flags["privateNetwork"] = own && slices.ContainsFunc(st.networkEntries, func(e *networkEntry) bool { return e.workspaceID == ws.ID })
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
	for _, t := range st.teams {
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
