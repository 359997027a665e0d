package collection

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// applyPlan applies p, the plan from Diff(from, to), to from, the way
// Plan's documentation tells a client to and with nothing but what the
// changes say: additions at the end of their parent (then after After when
// Place is set), moves and reorders right after After, only the members an
// update names. It fails t when a change cannot be applied at its turn (a
// parent or After not there yet, a removal of something already gone).
// The test then checks that from has become to.
func applyPlan(t testing.TB, p *Plan, from, to *Collection) {
	t.Helper()
	created := map[*Item]*Item{}
	createdResp := map[*Response]*Response{}
	item := func(it *Item) *Item {
		if m := p.Match(it); m != nil {
			return m
		}
		m := created[it]
		require.NotNil(t, m, "item %q of to is neither matched nor created yet", it.Name)
		return m
	}
	response := func(r *Response) *Response {
		if m := p.MatchResponse(r); m != nil {
			return m
		}
		m := createdResp[r]
		require.NotNil(t, m, "response %q of to is neither matched nor created yet", r.Name)
		return m
	}
	items := func(parent *Item) *[]*Item {
		if parent == nil {
			return &from.Items
		}
		return &item(parent).Items
	}
	for i, c := range p.Changes {
		checkChangeShape(t, p, from, to, i, c)
	}
	rawItems := false
	for i, c := range p.Changes {
		switch {
		case c.Kind == KindCollection:
			applyCollectionFields(t, from, to, c)
			rawItems = slices.Contains(c.Other, "item") && to.Items == nil
		case c.Op == OpAdd && c.Kind == KindResponse:
			n := cloneResponse(t, c.ToResponse)
			createdResp[c.ToResponse] = n
			list := &item(c.Parent).Responses
			*list = append(*list, n)
			if c.Place {
				placeAfter(t, list, n, afterResponse(c.AfterResponse, response))
			}
		case c.Op == OpAdd:
			n := cloneItem(t, c.To)
			created[c.To] = n
			list := items(c.Parent)
			*list = append(*list, n)
			if c.Place {
				placeAfter(t, list, n, afterItem(c.After, item))
			}
		case (c.Op == OpMove || c.Op == OpReorder) && c.Kind == KindResponse:
			r := response(c.ToResponse)
			require.True(t, detachResponse(from, r), "change %d: response %q not found", i, r.Name)
			list := &item(c.Parent).Responses
			placeAfter(t, list, r, afterResponse(c.AfterResponse, response))
		case c.Op == OpMove || c.Op == OpReorder:
			it := item(c.To)
			require.True(t, from.Remove(it), "change %d: item %q not found", i, it.Name)
			placeAfter(t, items(c.Parent), it, afterItem(c.After, item))
		case c.Op == OpUpdate && c.Kind == KindResponse:
			applyResponseFields(t, response(c.ToResponse), c.ToResponse, c)
		case c.Op == OpUpdate:
			applyItemFields(t, item(c.To), c.To, c)
		case c.Op == OpRemove && c.Kind == KindResponse:
			require.True(t, detachResponse(from, c.FromResponse), "change %d: response %q already gone", i, c.FromResponse.Name)
		case c.Op == OpRemove:
			require.True(t, from.Remove(c.From), "change %d: item %q already gone", i, c.From.Name)
		default:
			t.Fatalf("change %d: unexpected %v %v", i, c.Op, c.Kind)
		}
	}
	if rawItems {
		// to's item list is kept raw (an element is not an object): with
		// from's items gone, the raw list is what remains to be written.
		require.Empty(t, from.Items)
		from.Items = nil
	}
}

// checkChangeShape checks the pointers and places a change gives.
func checkChangeShape(t testing.TB, p *Plan, from, to *Collection, i int, c Change) {
	t.Helper()
	switch c.Kind {
	case KindCollection:
		require.Equal(t, OpUpdate, c.Op)
		require.Nil(t, c.From)
		require.Nil(t, c.To)
		return
	case KindResponse:
		require.Nil(t, c.From, "change %d", i)
		require.Nil(t, c.To, "change %d", i)
		require.Equal(t, c.Op != OpRemove, c.ToResponse != nil, "change %d", i)
		require.Equal(t, c.Op != OpAdd, c.FromResponse != nil, "change %d", i)
		require.NotNil(t, c.Parent, "change %d: a response's parent is its request", i)
		if c.Op == OpRemove {
			require.Same(t, c.FromResponse, c.Parent.Responses[c.Index], "change %d", i)
		} else {
			require.Same(t, c.ToResponse, c.Parent.Responses[c.Index], "change %d", i)
			if c.FromResponse != nil {
				require.Same(t, c.FromResponse, p.MatchResponse(c.ToResponse), "change %d", i)
			}
		}
		return
	}
	require.Nil(t, c.FromResponse, "change %d", i)
	require.Nil(t, c.ToResponse, "change %d", i)
	require.Equal(t, c.Op != OpRemove, c.To != nil, "change %d", i)
	require.Equal(t, c.Op != OpAdd, c.From != nil, "change %d", i)
	list, it := to.Items, c.To
	if c.Op == OpRemove {
		list, it = from.Items, c.From
	}
	if c.Parent != nil {
		list = c.Parent.Items
	}
	require.Same(t, it, list[c.Index], "change %d: Parent and Index point at the item", i)
	if c.From != nil && c.To != nil {
		require.Same(t, c.From, p.Match(c.To), "change %d", i)
	}
	want := KindRequest
	if it.IsFolder() {
		want = KindFolder
	}
	require.Equal(t, want, c.Kind, "change %d", i)
}

func afterItem(after *Item, item func(*Item) *Item) *Item {
	if after == nil {
		return nil
	}
	return item(after)
}

func afterResponse(after *Response, response func(*Response) *Response) *Response {
	if after == nil {
		return nil
	}
	return response(after)
}

// placeAfter puts e into list right after after, or first when after is
// nil; after must be in the list.
func placeAfter[T comparable](t testing.TB, list *[]T, e, after T) {
	t.Helper()
	if i := slices.Index(*list, e); i >= 0 {
		*list = slices.Delete(*list, i, i+1)
	}
	at := 0
	var zero T
	if after != zero {
		i := slices.Index(*list, after)
		require.GreaterOrEqual(t, i, 0, "the element to go after is not in the target yet")
		at = i + 1
	}
	*list = slices.Insert(*list, at, e)
}

func detachResponse(c *Collection, r *Response) bool {
	for it := range c.Requests() {
		if i := slices.Index(it.Responses, r); i >= 0 {
			it.Responses = slices.Delete(it.Responses, i, i+1)
			return true
		}
	}
	return false
}

// cloneItem copies an item without its children, which other changes add.
func cloneItem(t testing.TB, it *Item) *Item {
	t.Helper()
	m := toMap(t, it)
	delete(m, "item")
	delete(m, "response")
	n := fromMap[Item](t, m)
	if it.Items != nil {
		n.Items = []*Item{}
	}
	if it.Responses != nil {
		n.Responses = []*Response{}
	}
	return n
}

func cloneResponse(t testing.TB, r *Response) *Response {
	t.Helper()
	return fromMap[Response](t, toMap(t, r))
}

// itemKeysOf lists the JSON members behind the fields of an update of a
// folder or request; "request." prefixes those inside the request.
var itemKeysOf = map[Fields][]string{
	FieldName:        {"name"},
	FieldDescription: {"description", "request.description"},
	FieldURL:         {"request.url"},
	FieldMethod:      {"request.method"},
	FieldHeaders:     {"request.header"},
	FieldBody:        {"request.body"},
	FieldAuth:        {"auth", "request.auth"},
	FieldScripts:     {"event"},
	FieldVariables:   {"variable"},
}

var responseKeysOf = map[Fields][]string{
	FieldName:            {"name"},
	FieldStatus:          {"status", "code"},
	FieldHeaders:         {"header"},
	FieldBody:            {"body"},
	FieldOriginalRequest: {"originalRequest"},
}

var collectionKeysOf = map[Fields][]string{
	FieldName:        {"info.name"},
	FieldDescription: {"info.description"},
	FieldAuth:        {"auth"},
	FieldScripts:     {"event"},
	FieldVariables:   {"variable"},
}

// keysOf returns the members an update names.
func keysOf(t testing.TB, c Change, table map[Fields][]string) []string {
	t.Helper()
	var keys []string
	for f := Fields(1); f < FieldOther; f <<= 1 {
		if c.Fields&f == 0 {
			continue
		}
		k, ok := table[f]
		require.True(t, ok, "field %v on a %v", f, c.Kind)
		keys = append(keys, k...)
	}
	require.Equal(t, c.Fields&FieldOther != 0, len(c.Other) > 0, "FieldOther is set exactly when Other names members")
	return append(keys, c.Other...)
}

func applyItemFields(t testing.TB, dst, src *Item, c Change) {
	t.Helper()
	dm, sm := toMap(t, dst), toMap(t, src)
	for _, k := range keysOf(t, c, itemKeysOf) {
		if inner, ok := strings.CutPrefix(k, "request."); ok {
			if dm["request"] != nil || sm["request"] != nil {
				copyMember(requestMap(dm), requestMap(sm), inner)
			}
			continue
		}
		copyMember(dm, sm, k)
	}
	delete(dm, "item")
	delete(dm, "response")
	n := fromMap[Item](t, dm)
	n.Items, n.Responses = dst.Items, dst.Responses
	*dst = *n
}

func applyResponseFields(t testing.TB, dst, src *Response, c Change) {
	t.Helper()
	dm, sm := toMap(t, dst), toMap(t, src)
	for _, k := range keysOf(t, c, responseKeysOf) {
		copyMember(dm, sm, k)
	}
	*dst = *fromMap[Response](t, dm)
}

func applyCollectionFields(t testing.TB, dst, src *Collection, c Change) {
	t.Helper()
	d, s := *dst, *src
	d.Items, s.Items = nil, nil
	dm, sm := toMap(t, d), toMap(t, s)
	for _, k := range keysOf(t, c, collectionKeysOf) {
		if inner, ok := strings.CutPrefix(k, "info."); ok {
			copyMember(objectMap(dm, "info"), objectMap(sm, "info"), inner)
			continue
		}
		copyMember(dm, sm, k)
	}
	n := fromMap[Collection](t, dm)
	n.Items = dst.Items
	*dst = *n
}

// requestMap returns the request of an item as an object, a request given
// as a URL string being {"url": …}.
func requestMap(m map[string]any) map[string]any {
	if s, ok := m["request"].(string); ok {
		m["request"] = map[string]any{"url": s}
	}
	return objectMap(m, "request")
}

func objectMap(m map[string]any, key string) map[string]any {
	inner, ok := m[key].(map[string]any)
	if !ok {
		inner = map[string]any{}
		m[key] = inner
	}
	return inner
}

func copyMember(dst, src map[string]any, key string) {
	if v, ok := src[key]; ok {
		dst[key] = v
	} else {
		delete(dst, key)
	}
}

func toMap(t testing.TB, v any) map[string]any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	g, err := semantic(data)
	require.NoError(t, err)
	m, ok := g.(map[string]any)
	require.True(t, ok)
	return m
}

func fromMap[T any](t testing.TB, m map[string]any) *T {
	t.Helper()
	data, err := json.Marshal(m)
	require.NoError(t, err)
	n := new(T)
	require.NoError(t, json.Unmarshal(data, n))
	return n
}

// sameContent fails t unless a and b are the same document once the IDs
// matching uses are left out (an item applied from a plan keeps its own),
// and an empty list of responses is taken for an absent one, as Diff does.
func sameContent(t testing.TB, a, b *Collection) {
	t.Helper()
	require.Equal(t, contentOf(t, b), contentOf(t, a))
}

func contentOf(t testing.TB, c *Collection) any {
	t.Helper()
	data, err := json.Marshal(c)
	require.NoError(t, err)
	v, err := semantic(data)
	require.NoError(t, err)
	stripIDs(v, "")
	return v
}

// stripIDs also takes a request given as a URL string for {"url": …}, and
// an absent info block or item list for an empty one, which Diff does not
// tell apart either.
func stripIDs(v any, key string) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range []string{"request", "originalRequest"} {
			if s, ok := v[k].(string); ok {
				v[k] = map[string]any{"url": s}
			}
		}
		if key == "item" || key == "response" || key == "info" {
			delete(v, "id")
			delete(v, "_postman_id")
			delete(v, "uid")
		}
		if r, ok := v["response"].([]any); ok && len(r) == 0 && key == "item" {
			delete(v, "response")
		}
		for k, x := range v {
			stripIDs(x, k)
		}
		if key == "" {
			if info, ok := v["info"].(map[string]any); ok && len(info) == 0 {
				delete(v, "info")
			}
			if items, ok := v["item"].([]any); ok && len(items) == 0 {
				delete(v, "item")
			}
		}
	case []any:
		for _, x := range v {
			stripIDs(x, key)
		}
	}
}

// checkPlan applies the plan of Diff(from, to) to a copy of from and checks
// that the copy becomes to, and that diffing it with to again finds nothing.
// The plan of the copy must read as the plan of from.
func checkPlan(t testing.TB, from, to *Collection) {
	t.Helper()
	work := reparse(t, from)
	p := Diff(work, to)
	require.Equal(t, Diff(from, to).String(), p.String(), "the plan of a copy of from")
	applyPlan(t, p, work, to)
	sameContent(t, work, to)
	again := Diff(work, to)
	require.True(t, again.IsEmpty(), "a second diff after applying the plan:\n%s", again)
}

func reparse(t testing.TB, c *Collection) *Collection {
	t.Helper()
	data, err := json.Marshal(c)
	require.NoError(t, err)
	out, err := Parse(data)
	require.NoError(t, err)
	return out
}
