package collection

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDiffProperty makes random edits (seeded, so every run makes the same)
// to a copy of a generated collection and checks that the plan has the
// change each edit calls for and no change about anything left alone, and
// that applying it as a client would turns the original into the copy.
func TestDiffProperty(t *testing.T) {
	const cases = 500
	seen := map[string]int{}
	for seed := range uint64(cases) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { propertyCase(t, seed, seen) })
	}
	// The edits reach every kind of change, so that none goes untested.
	for _, op := range []Op{OpAdd, OpRemove, OpUpdate, OpMove, OpReorder} {
		for _, k := range []Kind{KindFolder, KindRequest, KindResponse} {
			require.NotZero(t, seen[op.String()+" "+k.String()], "no %v of a %v in %d cases", op, k, cases)
		}
	}
	require.NotZero(t, seen["update collection"])
	require.NotZero(t, seen["placed add"])
	t.Logf("changes over %d cases: %v", cases, seen)
}

// propertyCase runs the case of one seed and counts its changes in seen.
func propertyCase(t *testing.T, seed uint64, seen map[string]int) {
	g := &propGen{rnd: rand.New(rand.NewPCG(seed, 18))}
	from := g.collection()
	to := reparse(t, from)
	e := &editor{g: g, c: to, touched: map[*Item]bool{}, added: map[*Item]bool{},
		allowed: map[string]bool{}, reorderIn: map[string]bool{}}
	edits := 1 + g.rnd.IntN(6)
	for range edits {
		e.edit()
	}
	p := Diff(from, to)
	require.Equal(t, p.String(), Diff(from, to).String(), "seed %d: the same plan twice", seed)
	for _, want := range e.want {
		require.True(t, slices.ContainsFunc(p.Changes, want.matches),
			"seed %d: no change for %s\nedits: %s\nplan:\n%s", seed, want, strings.Join(e.log, "; "), p)
	}
	for _, c := range p.Changes {
		seen[c.Op.String()+" "+c.Kind.String()]++
		if c.Place {
			seen["placed add"]++
		}
		require.True(t, e.explains(c), "seed %d: a change no edit calls for: %v %v %q %q\nedits: %s\nplan:\n%s",
			seed, c.Op, c.Kind, c.Path, c.Name(), strings.Join(e.log, "; "), p)
	}
	checkPlan(t, from, to)
}

// propGen generates collections: folders up to three deep, requests with
// headers, bodies and saved responses, names unique, and an ID on most
// elements in one of its three forms (id, _postman_id, uid).
type propGen struct {
	rnd *rand.Rand
	n   int
}

func (g *propGen) name(kind string) string {
	g.n++
	return fmt.Sprintf("%s %d", kind, g.n)
}

func (g *propGen) id() string {
	g.n++
	return fmt.Sprintf("%08x-%04d", g.rnd.Uint32(), g.n)
}

func (g *propGen) identify(x *extras, id *string) {
	switch g.rnd.IntN(5) {
	case 0, 1:
		*id = g.id()
	case 2:
		_ = x.SetExtra("_postman_id", g.id())
	case 3:
		_ = x.SetExtra("uid", "1234567-"+g.id())
	}
}

func (g *propGen) collection() *Collection {
	c := New("Property")
	c.AddVariable("baseUrl", "https://example.com")
	c.Items = g.items(0)
	return c
}

func (g *propGen) items(depth int) []*Item {
	list := []*Item{}
	for range 1 + g.rnd.IntN(4) {
		if depth < 3 && g.rnd.IntN(3) == 0 {
			list = append(list, g.folder(depth))
		} else {
			list = append(list, g.request())
		}
	}
	return list
}

func (g *propGen) folder(depth int) *Item {
	f := NewFolder(g.name("Folder"))
	g.identify(&f.extras, &f.ID)
	f.Items = g.items(depth + 1)
	return f
}

func (g *propGen) request() *Item {
	method := []string{"GET", "POST", "PUT", "DELETE"}[g.rnd.IntN(4)]
	req := NewRequest(method, "{{baseUrl}}/"+words[g.rnd.IntN(len(words))])
	req.Header.Set("Accept", "application/json")
	if method != "GET" {
		req.Body = NewRawBody(`{"n": 1}`, "json")
	}
	it := NewRequestItem(g.name("Request"), req)
	g.identify(&it.extras, &it.ID)
	for range g.rnd.IntN(3) {
		it.Responses = append(it.Responses, g.response())
	}
	return it
}

func (g *propGen) response() *Response {
	r := &Response{Name: g.name("Response"), Status: "OK", Code: 200, Body: `{"ok": true}`}
	g.identify(&r.extras, &r.ID)
	return r
}

// expectation is a change an edit calls for: op and kind (0 for any),
// about one of names, with field among its fields for an update.
type expectation struct {
	op    Op
	kind  Kind
	names []string
	field Fields
}

func (x expectation) matches(c Change) bool {
	return c.Op == x.op && (x.kind == 0 || c.Kind == x.kind) && slices.Contains(x.names, c.Name()) &&
		(x.field == 0 || c.Fields.Has(x.field))
}

func (x expectation) String() string {
	return fmt.Sprintf("%v %v %q %v", x.op, x.kind, x.names, x.field)
}

// editor makes random edits to c, the copy, never two to the same item or
// to one inside another's, so that each edit's change is foreseeable.
type editor struct {
	g       *propGen
	c       *Collection
	touched map[*Item]bool // edited, or holding an edited response
	added   map[*Item]bool
	want    []expectation
	log     []string
	// What may change: items and responses by name, reorders by the path
	// of their parent, the collection.
	allowed    map[string]bool
	reorderIn  map[string]bool
	collection bool
}

func (e *editor) expect(op Op, kind Kind, field Fields, names ...string) {
	e.want = append(e.want, expectation{op, kind, names, field})
	for _, n := range names {
		e.allowed[n] = true
	}
}

func (e *editor) explains(c Change) bool {
	switch {
	case c.Kind == KindCollection:
		return e.collection
	case c.Op == OpReorder && e.reorderIn[strings.Join(c.Path, "/")]:
		return true
	}
	if c.Op == OpUpdate && c.From != nil && !e.allowed[c.From.Name] {
		return false
	}
	return e.allowed[c.Name()]
}

// place returns the folder list of it (the collection's at the top level)
// and the names of the folders above it.
func (e *editor) place(target *Item) (list *[]*Item, path []string) {
	for parents, it := range e.c.All() {
		if it != target {
			continue
		}
		list = &e.c.Items
		for _, p := range parents {
			path = append(path, p.Name)
		}
		if len(parents) > 0 {
			list = &parents[len(parents)-1].Items
		}
		return list, path
	}
	panic("not in the collection")
}

// free reports whether it can be edited: neither it nor any folder above or
// below it was.
func (e *editor) free(target *Item) bool {
	if e.touched[target] {
		return false
	}
	for parents, it := range e.c.All() {
		if it == target {
			for _, p := range parents {
				if e.touched[p] {
					return false
				}
			}
			break
		}
	}
	inside := false
	_ = target.Walk(func(_ []*Item, it *Item) error {
		if e.touched[it] {
			inside = true
			return SkipAll
		}
		return nil
	})
	return !inside
}

func (e *editor) pick(ok func(*Item) bool) *Item {
	var found []*Item
	for _, it := range e.c.All() {
		if ok(it) {
			found = append(found, it)
		}
	}
	if len(found) == 0 {
		return nil
	}
	return found[e.g.rnd.IntN(len(found))]
}

func hasID(it *Item) bool { return identity(it.ID, &it.extras) != [3]string{} }

func hasResponseID(r *Response) bool { return identity(r.ID, &r.extras) != [3]string{} }

// folderList returns the item list of a random folder that is there in
// both collections (or of the top level), with its path.
func (e *editor) folderList() (*[]*Item, string) {
	f := e.pick(func(it *Item) bool { return it.IsFolder() && !e.added[it] })
	if f == nil || e.g.rnd.IntN(3) == 0 {
		return &e.c.Items, ""
	}
	_, path := e.place(f)
	return &f.Items, strings.Join(append(path, f.Name), "/")
}

func (e *editor) insert(list *[]*Item, it *Item) {
	*list = slices.Insert(*list, e.g.rnd.IntN(len(*list)+1), it)
}

func (e *editor) edit() {
	rnd := e.g.rnd
	switch rnd.IntN(10) {
	case 0: // add a request, or a folder holding one
		list, _ := e.folderList()
		it := e.g.request()
		if rnd.IntN(2) == 0 {
			f := NewFolder(e.g.name("Folder"))
			f.Items = append(f.Items, it)
			e.added[f], e.touched[f] = true, true
			e.expect(OpAdd, KindFolder, 0, f.Name)
			e.insert(list, f)
		} else {
			e.insert(list, it)
		}
		e.added[it], e.touched[it] = true, true
		e.expect(OpAdd, KindRequest, 0, it.Name)
		for _, r := range it.Responses {
			e.expect(OpAdd, KindResponse, 0, r.Name)
		}
		e.log = append(e.log, "add "+it.Name)
	case 1: // remove
		it := e.pick(e.free)
		if it == nil {
			return
		}
		list, _ := e.place(it)
		*list = slices.DeleteFunc(*list, func(x *Item) bool { return x == it })
		e.touched[it] = true
		kind := KindRequest
		if it.IsFolder() {
			kind = KindFolder
		}
		e.expect(OpRemove, kind, 0, it.Name)
		_ = it.Walk(func(_ []*Item, x *Item) error {
			e.allowed[x.Name] = true
			for _, r := range x.Responses {
				e.allowed[r.Name] = true
			}
			return nil
		})
		for _, r := range it.Responses {
			e.allowed[r.Name] = true
		}
		e.log = append(e.log, "remove "+it.Name)
	case 2: // rename
		it := e.pick(func(it *Item) bool { return e.free(it) && hasID(it) })
		if it == nil {
			return
		}
		old := it.Name
		it.Name = e.g.name("Renamed")
		e.touched[it] = true
		e.allowed[old] = true
		e.expect(OpUpdate, kindOfItem(it), FieldName, it.Name)
		e.log = append(e.log, "rename "+old+" to "+it.Name)
	case 3: // move to another folder
		it := e.pick(func(it *Item) bool { return e.free(it) && hasID(it) })
		if it == nil {
			return
		}
		src, _ := e.place(it)
		dst, _ := e.folderList()
		if dst == src || e.within(dst, it) {
			return
		}
		*src = slices.DeleteFunc(*src, func(x *Item) bool { return x == it })
		e.insert(dst, it)
		e.touched[it] = true
		e.expect(OpMove, kindOfItem(it), 0, it.Name)
		e.log = append(e.log, "move "+it.Name)
	case 4: // swap two items of a folder
		list, path := e.folderList()
		var free []int
		for i, it := range *list {
			if e.free(it) {
				free = append(free, i)
			}
		}
		if len(free) < 2 {
			return
		}
		rnd.Shuffle(len(free), func(i, j int) { free[i], free[j] = free[j], free[i] })
		a, b := (*list)[free[0]], (*list)[free[1]]
		(*list)[free[0]], (*list)[free[1]] = b, a
		e.touched[a], e.touched[b] = true, true
		e.reorderIn[path] = true
		e.want = append(e.want, expectation{op: OpReorder, names: []string{a.Name, b.Name}})
		e.log = append(e.log, "swap "+a.Name+" and "+b.Name)
	case 5, 6: // a member of a request
		it := e.pick(func(it *Item) bool { return e.free(it) && it.IsRequest() })
		if it == nil {
			return
		}
		e.touched[it] = true
		field := e.editRequest(it)
		e.expect(OpUpdate, KindRequest, field, it.Name)
		e.log = append(e.log, fmt.Sprintf("%v of %s", field, it.Name))
	case 7: // a saved response
		it := e.pick(func(it *Item) bool { return e.free(it) && it.IsRequest() })
		if it == nil {
			return
		}
		e.touched[it] = true
		e.editResponses(it)
	case 8: // a member of a folder
		it := e.pick(func(it *Item) bool { return e.free(it) && it.IsFolder() })
		if it == nil {
			return
		}
		e.touched[it] = true
		field := FieldDescription
		if rnd.IntN(2) == 0 {
			it.Description = NewDescription(e.g.name("About"))
		} else {
			field = FieldAuth
			it.Auth = BearerAuth(e.g.name("token"))
		}
		e.expect(OpUpdate, KindFolder, field, it.Name)
		e.log = append(e.log, fmt.Sprintf("%v of %s", field, it.Name))
	case 9: // the collection
		e.collection = true
		switch rnd.IntN(3) {
		case 0:
			e.c.Info.Name = e.g.name("Collection")
		case 1:
			e.c.AddVariable(e.g.name("var"), "1")
		case 2:
			e.c.Auth = APIKeyAuth("X-Key", e.g.name("key"), "header")
		}
		e.log = append(e.log, "collection")
	}
}

// within reports whether list is the item list of it or of a folder inside it.
func (e *editor) within(list *[]*Item, it *Item) bool {
	if list == &it.Items {
		return true
	}
	inside := false
	_ = it.Walk(func(_ []*Item, x *Item) error {
		if list == &x.Items {
			inside = true
			return SkipAll
		}
		return nil
	})
	return inside
}

func kindOfItem(it *Item) Kind {
	if it.IsFolder() {
		return KindFolder
	}
	return KindRequest
}

// editRequest changes one member of a request item and returns its field.
func (e *editor) editRequest(it *Item) Fields {
	req := it.Request
	name := e.g.name("v")
	switch e.g.rnd.IntN(10) {
	case 0:
		req.Header.Set("X-Trace", name)
		return FieldHeaders
	case 1:
		req.Body = NewRawBody(`{"v": "`+name+`"}`, "json")
		return FieldBody
	case 2:
		req.URL = ParseURL("{{baseUrl}}/" + name)
		return FieldURL
	case 3:
		req.Method = "PATCH"
		return FieldMethod
	case 4:
		req.Auth = BearerAuth(name)
		return FieldAuth
	case 5:
		it.Events = append(it.Events, NewEvent(ListenTest, "pm.test('"+name+"')"))
		return FieldScripts
	case 6:
		it.Description = NewDescription(name)
		return FieldDescription
	case 7:
		it.Variables = append(it.Variables, NewVariable(name, "1"))
		return FieldVariables
	case 8:
		_ = it.SetExtra("x-owner", name)
		return FieldOther
	default:
		_ = req.SetExtra("x-timeout", 1000)
		return FieldOther
	}
}

// editResponses adds, removes, changes or swaps saved responses of it.
func (e *editor) editResponses(it *Item) {
	rnd := e.g.rnd
	rs := &it.Responses
	switch {
	case len(*rs) == 0 || rnd.IntN(4) == 0:
		r := e.g.response()
		*rs = slices.Insert(*rs, rnd.IntN(len(*rs)+1), r)
		e.expect(OpAdd, KindResponse, 0, r.Name)
		e.log = append(e.log, "add "+r.Name)
	case rnd.IntN(3) == 0:
		i := rnd.IntN(len(*rs))
		e.expect(OpRemove, KindResponse, 0, (*rs)[i].Name)
		e.log = append(e.log, "remove "+(*rs)[i].Name)
		*rs = slices.Delete(*rs, i, i+1)
	case rnd.IntN(4) == 0:
		r := (*rs)[rnd.IntN(len(*rs))]
		dst := e.pick(func(x *Item) bool { return x != it && e.free(x) && x.IsRequest() })
		if dst == nil || !hasResponseID(r) {
			return
		}
		e.touched[dst] = true
		*rs = slices.DeleteFunc(*rs, func(x *Response) bool { return x == r })
		dst.Responses = slices.Insert(dst.Responses, rnd.IntN(len(dst.Responses)+1), r)
		e.expect(OpMove, KindResponse, 0, r.Name)
		e.log = append(e.log, "move "+r.Name+" to "+dst.Name)
	case len(*rs) >= 2 && rnd.IntN(2) == 0:
		(*rs)[0], (*rs)[1] = (*rs)[1], (*rs)[0]
		_, path := e.place(it)
		e.reorderIn[strings.Join(append(path, it.Name), "/")] = true
		e.expect(OpReorder, KindResponse, 0, (*rs)[0].Name, (*rs)[1].Name)
		e.log = append(e.log, "swap "+(*rs)[0].Name+" and "+(*rs)[1].Name)
	default:
		r := (*rs)[rnd.IntN(len(*rs))]
		r.Body = e.g.name("body")
		field := FieldBody
		if hasResponseID(r) && rnd.IntN(2) == 0 {
			e.allowed[r.Name] = true
			r.Name = e.g.name("Renamed response")
			field = FieldName
		}
		e.expect(OpUpdate, KindResponse, field, r.Name)
		e.log = append(e.log, fmt.Sprintf("%v of %s", field, r.Name))
	}
}
