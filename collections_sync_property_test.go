package postman

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/postmantest"
)

// syncPropertyCases is how many random pairs TestSyncProperty syncs;
// shortPropertyCases under -short, which the conformance module's
// recorded re-run of this package uses: there the cases only add answers
// of the same shapes to validate.
const (
	syncPropertyCases  = 500
	shortPropertyCases = 50
)

// TestSyncProperty generates a collection, stores it in postmantest, and
// edits what Get returns at random (adds, removes, renames, moves and
// reorders of folders, requests and saved responses, nested folders; edits
// of headers, bodies, auth, scripts, URLs, descriptions, responses and the
// collection's own settings). Sync through the client must then leave a
// collection whose Get equals the edited one, server-assigned IDs aside,
// and a second Sync must make no write. Seeds are the case numbers, so a
// failure names the case to rerun.
func TestSyncProperty(t *testing.T) {
	t.Parallel()
	cases := syncPropertyCases
	if testing.Short() {
		cases = shortPropertyCases
	}
	// A server serves a batch of cases, each collection deleted after its
	// case, which keeps the server's lookups and its record of requests
	// small.
	const batch = 50
	for first := 0; first < cases; first += batch {
		srv := postmantest.NewServer()
		client := newTestClient(t, srv.URL, WithHTTPClient(&http.Client{Transport: srv.Transport()}))
		for i := first; i < min(first+batch, cases); i++ {
			syncPropertyCase(t, srv, client, i)
		}
		srv.Close()
	}
}

func syncPropertyCase(t *testing.T, srv *postmantest.Server, client *Client, i int) {
	g := &syncGen{r: rand.New(rand.NewPCG(uint64(i), 18))}
	doc := g.collection()
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	id := srv.AddCollection("", data)

	current, _, err := client.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	desiredDoc := genericOf(current)
	edits := g.edit(desiredDoc)
	if g.r.IntN(5) == 0 {
		stripSyncIDs(desiredDoc) // a file edited by hand, without IDs
		edits = append(edits, "IDs stripped")
	}
	data, err = json.Marshal(desiredDoc)
	require.NoError(t, err)
	desired, err := collection.Parse(data)
	require.NoError(t, err)

	res, _, err := client.Collections.Sync(t.Context(), id, desired, nil)
	require.NoError(t, err, "case %d: edits %v\nplan:\n%s", i, edits, res)
	require.Empty(t, res.Unsupported, "case %d", i)

	got, _, err := client.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	require.Equal(t, syncContent(t, desired), syncContent(t, got),
		"case %d: edits %v\nplan:\n%s", i, edits, res.Plan)

	before := len(srv.Requests())
	again, _, err := client.Collections.Sync(t.Context(), id, desired, nil)
	require.NoError(t, err)
	require.True(t, again.Plan.IsEmpty(), "case %d: edits %v\nfirst plan:\n%s\nsecond plan:\n%s", i, edits, res.Plan, again.Plan)
	require.Empty(t, writesOf(srv.Requests()[before:]), "case %d: a second Sync writes", i)
	_, err = client.Collections.Delete(t.Context(), id)
	require.NoError(t, err)
}

// syncContent is a collection in the form Sync compares, as generic JSON
// without the IDs Postman assigns.
func syncContent(t testing.TB, c *collection.Collection) any {
	t.Helper()
	n, err := syncForm(c)
	require.NoError(t, err)
	g := genericOf(n)
	stripSyncIDs(g)
	return g
}

// stripSyncIDs removes the IDs of the items, responses and info.
func stripSyncIDs(v any) {
	switch t := v.(type) {
	case jsonObject:
		for _, k := range identityKeys {
			delete(t, k)
		}
		for _, x := range t {
			stripSyncIDs(x)
		}
	case []any:
		for _, x := range t {
			stripSyncIDs(x)
		}
	}
}

// syncGen generates collections and edits.
type syncGen struct {
	r *rand.Rand
	n int // names given so far
}

func (g *syncGen) name(prefix string) string {
	g.n++
	return prefix + strconv.Itoa(g.n)
}

func (g *syncGen) pick(options ...string) string { return options[g.r.IntN(len(options))] }

func (g *syncGen) collection() jsonObject {
	doc := jsonObject{
		"info": jsonObject{"name": g.name("Collection "), "schema": collection.FormatV21.SchemaURL()},
		"item": g.items(0),
	}
	if g.r.IntN(2) == 0 {
		doc["variable"] = []any{jsonObject{"key": "baseUrl", "value": "https://api.example.com"}}
	}
	if g.r.IntN(3) == 0 {
		doc["auth"] = g.auth()
	}
	if g.r.IntN(3) == 0 {
		doc["event"] = g.events()
	}
	return doc
}

func (g *syncGen) items(depth int) []any {
	out := []any{}
	n := g.r.IntN(4)
	if depth == 0 {
		n += 2
	}
	for range n {
		if depth < 2 && g.r.IntN(2+depth) == 0 {
			out = append(out, g.folder(depth))
		} else {
			out = append(out, g.request())
		}
	}
	return out
}

func (g *syncGen) folder(depth int) jsonObject {
	f := jsonObject{"name": g.name("Folder "), "item": g.items(depth + 1)}
	if g.r.IntN(3) == 0 {
		f["description"] = "About " + f["name"].(string)
	}
	if g.r.IntN(4) == 0 {
		f["auth"] = g.auth()
	}
	if g.r.IntN(4) == 0 {
		f["event"] = g.events()
	}
	return f
}

func (g *syncGen) request() jsonObject {
	req := jsonObject{"method": g.pick("GET", "POST", "PUT", "DELETE"), "url": g.url()}
	if g.r.IntN(2) == 0 {
		req["header"] = g.headers()
	}
	if g.r.IntN(2) == 0 {
		req["body"] = g.body()
	}
	if g.r.IntN(3) == 0 {
		req["auth"] = g.auth()
	}
	if g.r.IntN(4) == 0 {
		req["description"] = "Calls " + g.pick("users", "orders")
	}
	it := jsonObject{"name": g.name("Request "), "request": req}
	if g.r.IntN(3) == 0 {
		it["event"] = g.events()
	}
	if g.r.IntN(2) == 0 {
		var rs []any
		for range 1 + g.r.IntN(2) {
			rs = append(rs, g.response(req))
		}
		it["response"] = rs
	}
	return it
}

// url returns a URL as text or, in the form Postman writes, as an object.
func (g *syncGen) url() any {
	raw := "{{baseUrl}}/" + g.pick("users", "orders", "items") + "/" + strconv.Itoa(g.r.IntN(100))
	if g.r.IntN(3) == 0 {
		raw += "?page=" + strconv.Itoa(g.r.IntN(9)) + "&sort=" + g.pick("asc", "desc")
	}
	if g.r.IntN(4) == 0 {
		return jsonObject{"raw": raw + "/:id", "variable": []any{jsonObject{"key": "id", "value": strconv.Itoa(g.r.IntN(50))}}}
	}
	return raw
}

func (g *syncGen) headers() []any {
	var out []any
	for range 1 + g.r.IntN(3) {
		h := jsonObject{"key": g.pick("Accept", "X-Trace", "Content-Type", "X-Api-Version"), "value": g.name("v")}
		if g.r.IntN(4) == 0 {
			h["disabled"] = true
		}
		out = append(out, h)
	}
	return out
}

func (g *syncGen) body() jsonObject {
	switch g.r.IntN(4) {
	case 0:
		return jsonObject{"mode": "urlencoded", "urlencoded": []any{jsonObject{"key": "a", "value": g.name("")}}}
	case 1:
		return jsonObject{"mode": "graphql", "graphql": jsonObject{"query": "{ user(id: " + strconv.Itoa(g.r.IntN(9)) + ") { name } }"}}
	case 2:
		return jsonObject{"mode": "formdata", "formdata": []any{jsonObject{"key": "f", "value": g.name(""), "type": "text"}}}
	}
	return jsonObject{"mode": "raw", "raw": `{"n": ` + strconv.Itoa(g.r.IntN(1000)) + `}`, "options": jsonObject{"raw": jsonObject{"language": "json"}}}
}

func (g *syncGen) auth() jsonObject {
	switch g.r.IntN(3) {
	case 0:
		return jsonObject{"type": "noauth"}
	case 1:
		return jsonObject{"type": "apikey", "apikey": []any{
			jsonObject{"key": "value", "value": g.name("key-"), "type": "string"},
			jsonObject{"key": "key", "value": "X-Api-Key", "type": "string"},
		}}
	}
	return jsonObject{"type": "bearer", "bearer": []any{jsonObject{"key": "token", "value": g.name("{{token"), "type": "string"}}}
}

func (g *syncGen) events() []any {
	var out []any
	for _, listen := range []string{"prerequest", "test"} {
		if g.r.IntN(2) == 0 {
			continue
		}
		var exec any = []any{"// " + g.name("step "), "pm.environment.set('n', " + strconv.Itoa(g.r.IntN(9)) + ");"}
		if g.r.IntN(3) == 0 {
			exec = "console.log(" + strconv.Itoa(g.r.IntN(9)) + ");"
		}
		out = append(out, jsonObject{"listen": listen, "script": jsonObject{"type": "text/javascript", "exec": exec}})
	}
	if out == nil {
		out = []any{jsonObject{"listen": "test", "script": jsonObject{"exec": []any{"pm.test('ok');"}}}}
	}
	return out
}

func (g *syncGen) response(req jsonObject) jsonObject {
	code := []int{200, 201, 400, 404}[g.r.IntN(4)]
	r := jsonObject{"name": g.name("Example "), "code": code, "status": statusText(code),
		"header": []any{jsonObject{"key": "Content-Type", "value": "application/json"}},
		"body":   `{"ok": ` + strconv.FormatBool(code < 300) + `}`}
	if g.r.IntN(2) == 0 {
		orig := cloneGeneric(req).(jsonObject)
		delete(orig, "description")
		r["originalRequest"] = orig
	}
	if g.r.IntN(3) == 0 {
		r["_postman_previewlanguage"] = "json"
		r["responseTime"] = g.r.IntN(500)
	}
	return r
}

func statusText(code int) string {
	return map[int]string{200: "OK", 201: "Created", 400: "Bad Request", 404: "Not Found"}[code]
}

// node is a place in the generated document: a folder or request and the
// container holding it.
type syncNode struct {
	item   jsonObject
	parent jsonObject // the collection or a folder
}

// nodes lists the folders and requests of doc.
func syncNodes(doc jsonObject) []syncNode {
	var out []syncNode
	var walk func(parent jsonObject)
	walk = func(parent jsonObject) {
		for _, x := range asList(parent["item"]) {
			m, ok := x.(jsonObject)
			if !ok {
				continue
			}
			out = append(out, syncNode{item: m, parent: parent})
			if isFolderJSON(m) {
				walk(m)
			}
		}
	}
	walk(doc)
	return out
}

// containers lists the collection and its folders.
func syncContainers(doc jsonObject) []jsonObject {
	out := []jsonObject{doc}
	for _, n := range syncNodes(doc) {
		if isFolderJSON(n.item) {
			out = append(out, n.item)
		}
	}
	return out
}

func (g *syncGen) requests(doc jsonObject) []jsonObject {
	var out []jsonObject
	for _, n := range syncNodes(doc) {
		if !isFolderJSON(n.item) {
			out = append(out, n.item)
		}
	}
	return out
}

func detach(container jsonObject, key string, x any) {
	container[key] = slices.DeleteFunc(slices.Clone(asList(container[key])), func(y any) bool { return sameJSONObject(x, y) })
}

func sameJSONObject(a, b any) bool {
	ma, okA := a.(jsonObject)
	mb, okB := b.(jsonObject)
	return okA && okB && fmt.Sprintf("%p", ma) == fmt.Sprintf("%p", mb)
}

func (g *syncGen) insert(container jsonObject, key string, x any) {
	list := asList(container[key])
	container[key] = slices.Insert(slices.Clone(list), g.r.IntN(len(list)+1), x)
}

// inside reports whether c is f or inside the folder f.
func inside(c, f jsonObject) bool {
	if sameJSONObject(c, f) {
		return true
	}
	for _, n := range syncNodes(f) {
		if sameJSONObject(n.item, c) {
			return true
		}
	}
	return false
}

// edit makes 1 to 6 random edits of doc and names them.
func (g *syncGen) edit(doc jsonObject) []string {
	var done []string
	for range 1 + g.r.IntN(6) {
		if e := g.editOnce(doc); e != "" {
			done = append(done, e)
		}
	}
	return done
}

func (g *syncGen) editOnce(doc jsonObject) string {
	nodes := syncNodes(doc)
	reqs := g.requests(doc)
	containers := syncContainers(doc)
	switch g.r.IntN(19) {
	case 0:
		c := containers[g.r.IntN(len(containers))]
		g.insert(c, "item", g.request())
		return "add request"
	case 1:
		c := containers[g.r.IntN(len(containers))]
		g.insert(c, "item", g.folder(1))
		return "add folder"
	case 2:
		if len(nodes) == 0 {
			return ""
		}
		n := nodes[g.r.IntN(len(nodes))]
		detach(n.parent, "item", n.item)
		return "remove " + jsonScalarText(n.item["name"])
	case 3:
		if len(nodes) == 0 {
			return ""
		}
		n := nodes[g.r.IntN(len(nodes))]
		n.item["name"] = g.name("Renamed ")
		return "rename"
	case 4, 16, 17:
		if len(nodes) == 0 {
			return ""
		}
		n := nodes[g.r.IntN(len(nodes))]
		var targets []jsonObject
		for _, c := range containers {
			if !inside(c, n.item) {
				targets = append(targets, c)
			}
		}
		detach(n.parent, "item", n.item)
		g.insert(targets[g.r.IntN(len(targets))], "item", n.item)
		return "move " + jsonScalarText(n.item["name"])
	case 5, 15:
		c := containers[g.r.IntN(len(containers))]
		list := slices.Clone(asList(c["item"]))
		g.r.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		c["item"] = list
		return "reorder"
	case 6, 7:
		if len(reqs) == 0 {
			return ""
		}
		it := reqs[g.r.IntN(len(reqs))]
		req := mapOf(it["request"])
		if req == nil {
			return ""
		}
		switch g.r.IntN(7) {
		case 0:
			req["header"] = g.headers()
		case 1:
			if g.r.IntN(3) == 0 {
				delete(req, "body")
			} else {
				req["body"] = g.body()
			}
		case 2:
			if g.r.IntN(3) == 0 {
				delete(req, "auth")
			} else {
				req["auth"] = g.auth()
			}
		case 3:
			req["url"] = g.url()
		case 4:
			req["method"] = g.pick("PATCH", "HEAD", "OPTIONS")
		case 5:
			req["description"] = g.name("Now ")
		default:
			delete(req, "header")
		}
		return "edit request " + jsonScalarText(it["name"])
	case 8:
		if len(nodes) == 0 {
			return ""
		}
		n := nodes[g.r.IntN(len(nodes))]
		if g.r.IntN(3) == 0 {
			delete(n.item, "event")
		} else {
			n.item["event"] = g.events()
		}
		return "scripts of " + jsonScalarText(n.item["name"])
	case 9:
		var folders []jsonObject
		for _, n := range nodes {
			if isFolderJSON(n.item) {
				folders = append(folders, n.item)
			}
		}
		if len(folders) == 0 {
			return ""
		}
		f := folders[g.r.IntN(len(folders))]
		switch g.r.IntN(3) {
		case 0:
			f["description"] = g.name("Folder notes ")
		case 1:
			f["auth"] = g.auth()
		default:
			delete(f, "auth")
			delete(f, "description")
		}
		return "edit folder " + jsonScalarText(f["name"])
	case 10, 11:
		if len(reqs) == 0 {
			return ""
		}
		it := reqs[g.r.IntN(len(reqs))]
		rs := asList(it["response"])
		switch {
		case len(rs) == 0 || g.r.IntN(4) == 0:
			it["response"] = append(slices.Clone(rs), g.response(mapOf(it["request"])))
			return "add response"
		case g.r.IntN(3) == 0:
			r := rs[g.r.IntN(len(rs))]
			detach(it, "response", r)
			return "remove response"
		}
		r := mapOf(rs[g.r.IntN(len(rs))])
		switch g.r.IntN(5) {
		case 0:
			r["name"] = g.name("Example renamed ")
		case 1:
			r["code"], r["status"] = 404, "Not Found"
		case 2:
			r["body"] = g.name("body ")
		case 3:
			r["header"] = g.headers()
		default:
			r["responseTime"] = g.r.IntN(900)
		}
		return "edit response"
	case 12:
		if len(reqs) == 0 {
			return ""
		}
		it := reqs[g.r.IntN(len(reqs))]
		rs := slices.Clone(asList(it["response"]))
		if len(rs) == 0 {
			return ""
		}
		if g.r.IntN(2) == 0 {
			g.r.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
			it["response"] = rs
			return "reorder responses"
		}
		r := rs[g.r.IntN(len(rs))]
		detach(it, "response", r)
		to := reqs[g.r.IntN(len(reqs))]
		g.insert(to, "response", r)
		return "move response"
	case 13:
		info := mapOf(doc["info"])
		if g.r.IntN(2) == 0 {
			info["name"] = g.name("Collection ")
		} else {
			info["description"] = g.name("The collection ")
		}
		return "collection info"
	case 14:
		vars := asList(doc["variable"])
		if len(vars) > 0 && g.r.IntN(2) == 0 {
			mapOf(vars[0])["value"] = g.name("https://")
		} else {
			doc["variable"] = append(slices.Clone(vars), jsonObject{"key": g.name("var"), "value": g.name("")})
		}
		return "collection variables"
	default:
		if g.r.IntN(2) == 0 {
			doc["event"] = g.events()
		} else {
			doc["auth"] = g.auth()
		}
		return "collection scripts or auth"
	}
}
