package collection

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Small collections written out as JSON: doc wraps items into a v2.1
// collection; r and f are a request and a folder by name, rid and fid the
// same with an "id".

func doc(items ...string) string {
	return `{"info":{"name":"C","schema":"` + SchemaURLV21 + `"},"item":[` + strings.Join(items, ",") + `]}`
}

func r(name string) string { return rid("", name) }

func rid(id, name string) string {
	s := `{`
	if id != "" {
		s += `"id":` + strconv.Quote(id) + `,`
	}
	return s + `"name":` + strconv.Quote(name) + `,"request":{"method":"GET","url":"https://example.com"},"response":[]}`
}

func f(name string, children ...string) string { return fid("", name, children...) }

func fid(id, name string, children ...string) string {
	s := `{`
	if id != "" {
		s += `"id":` + strconv.Quote(id) + `,`
	}
	return s + `"name":` + strconv.Quote(name) + `,"item":[` + strings.Join(children, ",") + `]}`
}

// resp is a saved response by id (may be empty) and name.
func resp(id, name, body string) string {
	s := `{`
	if id != "" {
		s += `"id":` + strconv.Quote(id) + `,`
	}
	return s + `"name":` + strconv.Quote(name) + `,"code":200,"status":"OK","body":` + strconv.Quote(body) + `}`
}

// withResponses is a request item holding saved responses.
func withResponses(id, name string, responses ...string) string {
	return strings.Replace(rid(id, name), `"response":[]`, `"response":[`+strings.Join(responses, ",")+`]`, 1)
}

func mustParse(t testing.TB, s string) *Collection {
	t.Helper()
	c, err := Parse([]byte(s))
	require.NoError(t, err, s)
	return c
}

func TestDiffChanges(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		want     string
		check    func(t *testing.T, p *Plan, from, to *Collection)
	}{
		{
			name: "equal",
			from: doc(f("F", r("A")), r("B")),
			to:   doc(f("F", r("A")), r("B")),
			want: "No changes.\n",
		},
		{
			name: "add a request at the end",
			from: doc(r("A")),
			to:   doc(r("A"), r("B")),
			want: "+ request  B\nPlan: 1 to add.\n",
			check: func(t *testing.T, p *Plan, _, to *Collection) {
				c := p.Changes[0]
				assert.Same(t, to.Items[1], c.To)
				assert.Nil(t, c.From)
				assert.Nil(t, c.Parent)
				assert.Equal(t, 1, c.Index)
				assert.Same(t, to.Items[0], c.After)
				assert.False(t, c.Place, "created at the end, it is in place")
			},
		},
		{
			name: "add a request first",
			from: doc(r("A")),
			to:   doc(r("B"), r("A")),
			want: "+ request  B\nPlan: 1 to add.\n",
			check: func(t *testing.T, p *Plan, _, _ *Collection) {
				assert.Nil(t, p.Changes[0].After)
				assert.True(t, p.Changes[0].Place, "A stays after it")
			},
		},
		{
			name: "add where a removed item was",
			from: doc(r("A"), r("X"), r("C")),
			to:   doc(r("A"), r("C"), r("B")),
			want: "+ request  B\n- request  X\nPlan: 1 to add, 1 to remove.\n",
			check: func(t *testing.T, p *Plan, _, _ *Collection) {
				assert.False(t, p.Changes[0].Place, "only X, which goes, follows C")
			},
		},
		{
			name: "add a folder with its contents, parents first",
			from: doc(r("A")),
			to:   doc(r("A"), f("F", r("X"), f("G", r("Y")))),
			want: "+ folder   F\n+ request  F / X\n+ folder   F / G\n+ request  F / G / Y\nPlan: 4 to add.\n",
			check: func(t *testing.T, p *Plan, _, to *Collection) {
				fold := to.Items[1]
				assert.Same(t, fold, p.Changes[1].Parent)
				assert.Equal(t, []string{"F", "G"}, p.Changes[3].Path)
				assert.Same(t, fold.Items[1], p.Changes[3].Parent)
				for _, c := range p.Changes {
					assert.False(t, c.Place)
				}
			},
		},
		{
			name: "remove a folder with its contents, children first",
			from: doc(r("A"), f("F", r("X"), f("G", r("Y")))),
			to:   doc(r("A")),
			want: "- request  F / X\n- request  F / G / Y\n- folder   F / G\n- folder   F\nPlan: 4 to remove.\n",
			check: func(t *testing.T, p *Plan, from, _ *Collection) {
				c := p.Changes[1]
				assert.Same(t, from.Items[1].Items[1].Items[0], c.From)
				assert.Same(t, from.Items[1].Items[1], c.Parent)
				assert.Equal(t, 0, c.Index)
				assert.Nil(t, c.To)
			},
		},
		{
			name: "rename matched by id",
			from: doc(rid("r1", "A")),
			to:   doc(rid("r1", "B")),
			want: "~ request  B: name (was \"A\")\nPlan: 1 to change.\n",
		},
		{
			name: "rename without an id is a removal and an addition",
			from: doc(r("A")),
			to:   doc(r("B")),
			want: "+ request  B\n- request  A\nPlan: 1 to add, 1 to remove.\n",
		},
		{
			name: "the ids of items are not content",
			from: doc(rid("x", "A"), fid("y", "F")),
			to:   doc(rid("z", "A"), f("F")),
			want: "No changes.\n",
		},
		{
			name: "_postman_id and uid match id",
			from: doc(`{"_postman_id":"p1","name":"A","request":"https://a"}`, `{"uid":"12345-u1","name":"B","request":"https://b"}`),
			to:   doc(`{"id":"u1","name":"B2","request":"https://b"}`, `{"id":"p1","name":"A2","request":"https://a"}`),
			want: "→ request  B2 (first)\n~ request  B2: name (was \"B\")\n~ request  A2: name (was \"A\")\nPlan: 2 to change, 1 to reorder.\n",
		},
		{
			name: "an id wins over the name",
			from: doc(rid("1", "A"), rid("2", "B")),
			to:   doc(rid("2", "A"), rid("1", "B")),
			want: "→ request  A (first)\n~ request  A: name (was \"B\")\n~ request  B: name (was \"A\")\nPlan: 2 to change, 1 to reorder.\n",
		},
		{
			name: "duplicate names pair up in order",
			from: doc(`{"name":"A","request":"https://1"}`, `{"name":"A","request":"https://2"}`),
			to:   doc(`{"name":"A","request":"https://1"}`, `{"name":"A","request":"https://3"}`),
			want: "~ request  A: url\nPlan: 1 to change.\n",
			check: func(t *testing.T, p *Plan, from, to *Collection) {
				assert.Same(t, from.Items[1], p.Changes[0].From)
				assert.Same(t, to.Items[1], p.Changes[0].To)
				assert.Equal(t, 1, p.Changes[0].Index)
			},
		},
		{
			name: "a folder that became a request",
			from: doc(f("A")),
			to:   doc(r("A")),
			want: "+ request  A\n- folder   A\nPlan: 1 to add, 1 to remove.\n",
		},
		{
			name: "move to another folder",
			from: doc(f("F1", rid("r1", "A"), r("B")), f("F2", r("C"))),
			to:   doc(f("F1", r("B")), f("F2", r("C"), rid("r1", "A"))),
			want: "→ request  F2 / A (from F1, after C)\nPlan: 1 to move.\n",
			check: func(t *testing.T, p *Plan, from, to *Collection) {
				c := p.Changes[0]
				assert.Same(t, from.Items[0].Items[0], c.From)
				assert.Same(t, to.Items[1].Items[1], c.To)
				assert.Same(t, to.Items[1], c.Parent)
				assert.Equal(t, 1, c.Index)
				assert.Same(t, to.Items[1].Items[0], c.After)
				assert.Equal(t, []string{"F1"}, c.FromPath)
				assert.Same(t, from.Items[1].Items[0], p.Match(c.After))
			},
		},
		{
			name: "move into a new folder",
			from: doc(rid("r1", "A")),
			to:   doc(f("New", rid("r1", "A"))),
			want: "+ folder   New\n→ request  New / A (from the top level, first)\nPlan: 1 to add, 1 to move.\n",
		},
		{
			name: "move out of a removed folder before it goes",
			from: doc(f("Old", rid("r1", "A"), r("B")), r("C")),
			to:   doc(r("C"), rid("r1", "A")),
			want: "→ request  A (from Old, after C)\n- request  Old / B\n- folder   Old\nPlan: 1 to move, 2 to remove.\n",
		},
		{
			name: "move a folder with its contents, and edit inside it",
			from: doc(f("P", fid("f1", "Q", r("X"), r("Y")))),
			to:   doc(f("P"), fid("f1", "Q", r("Y"), `{"name":"X","request":{"method":"POST","url":"https://example.com"},"response":[]}`)),
			want: "→ folder   Q (from P, after P)\n→ request  Q / Y (first)\n~ request  Q / X: method\nPlan: 1 to change, 1 to move, 1 to reorder.\n",
		},
		{
			name: "reorder the fewest",
			from: doc(r("A"), r("B"), r("C"), r("D")),
			to:   doc(r("D"), r("A"), r("B"), r("C")),
			want: "→ request  D (first)\nPlan: 1 to reorder.\n",
		},
		{
			name: "reorder and add between",
			from: doc(r("A"), r("B"), r("C")),
			to:   doc(r("C"), r("N"), r("A"), r("B")),
			want: "→ request  C (first)\n+ request  N\nPlan: 1 to add, 1 to reorder.\n",
			check: func(t *testing.T, p *Plan, _, to *Collection) {
				assert.True(t, p.Changes[1].Place, "A and B follow C")
				assert.Same(t, to.Items[0], p.Changes[1].After)
			},
		},
		{
			name: "nested folders",
			from: doc(f("L1", f("L2", f("L3", r("Deep"), r("Other"))))),
			to:   doc(f("L1", f("L2", f("L3", `{"name":"Deep","request":{"method":"GET","url":"https://example.com/deep"},"response":[]}`), r("Other")))),
			want: "+ request  L1 / L2 / Other\n~ request  L1 / L2 / L3 / Deep: url\n- request  L1 / L2 / L3 / Other\nPlan: 1 to add, 1 to change, 1 to remove.\n",
		},
		{
			name: "saved responses: add, change, remove, by id and by name",
			from: doc(withResponses("r1", "A", resp("s1", "OK", "1"), resp("", "Gone", "x"), resp("", "Named", "n"))),
			to:   doc(withResponses("r1", "A", resp("", "Named", "n2"), resp("s1", "Fine", "1"), resp("", "New", "y"))),
			want: "→ response A / Named (first)\n+ response A / New\n~ response A / Named: body\n~ response A / Fine: name (was \"OK\")\n- response A / Gone\nPlan: 1 to add, 2 to change, 1 to reorder, 1 to remove.\n",
			check: func(t *testing.T, p *Plan, from, to *Collection) {
				add := p.Changes[1]
				assert.Same(t, to.Items[0], add.Parent)
				assert.Same(t, to.Items[0].Responses[2], add.ToResponse)
				assert.Same(t, to.Items[0].Responses[1], add.AfterResponse)
				assert.Equal(t, 2, add.Index)
				assert.Same(t, from.Items[0].Responses[0], p.MatchResponse(to.Items[0].Responses[1]))
			},
		},
		{
			name: "a saved response moved to another request",
			from: doc(withResponses("r1", "A", resp("s1", "OK", "1")), withResponses("r2", "B")),
			to:   doc(withResponses("r1", "A"), withResponses("r2", "B", resp("s1", "OK", "1"))),
			want: "→ response B / OK (from A, first)\nPlan: 1 to move.\n",
		},
		{
			name: "collection members",
			from: `{"info":{"_postman_id":"c1","name":"C","description":"d","schema":"` + SchemaURLV21 + `","_exporter_id":"1"},"item":[],"variable":[{"key":"k","value":1.50}],"x-top":1}`,
			to:   `{"info":{"_postman_id":"c2","name":"D","schema":"` + SchemaURLV21 + `","_exporter_id":"2","version":"1.0"},"item":[],"auth":{"type":"noauth"},"event":[],"variable":[{"key":"k","value":1.5}]}`,
			want: "~ collection: name (was \"C\"), description, auth, scripts, variables, info._exporter_id, info.version, x-top\nPlan: 1 to change.\n",
		},
		{
			name: "the collection's id is not content",
			from: `{"info":{"_postman_id":"c1","name":"C","uid":"1-c1"},"item":[]}`,
			to:   `{"info":{"_postman_id":"c2","name":"C"},"item":[]}`,
			want: "No changes.\n",
		},
		{
			name: "key order inside a member does not count",
			from: doc(`{"name":"A","request":{"url":{"raw":"https://x/y","host":["x"],"path":["y"]},"method":"GET"}}`),
			to:   doc(`{"name":"A","request":{"method":"GET","url":{"path":["y"],"host":["x"],"raw":"https://x/y"}}}`),
			want: "No changes.\n",
		},
		{
			name: "an absent response list is an empty one",
			from: doc(`{"name":"A","request":"https://x","response":[]}`),
			to:   doc(`{"name":"A","request":"https://x"}`),
			want: "No changes.\n",
		},
		{
			name: "an absent header list is not an empty one",
			from: doc(`{"name":"A","request":{"url":"https://x","header":[]}}`),
			to:   doc(`{"name":"A","request":{"url":"https://x"}}`),
			want: "~ request  A: headers\nPlan: 1 to change.\n",
		},
		{
			name: "members the model does not name",
			from: doc(`{"name":"A","request":{"url":"https://x","x-timeout":1},"protocolProfileBehavior":{"a":true}}`, f("F")),
			to:   doc(`{"name":"A","request":{"url":"https://x","x-timeout":2,"proxy":{"host":"p"}},"x-owner":"ada"}`, `{"name":"F","item":[],"event":[],"x-f":1}`),
			want: "~ request  A: protocolProfileBehavior, request.proxy, request.x-timeout, x-owner\n~ folder   F: scripts, x-f\nPlan: 2 to change.\n",
			check: func(t *testing.T, p *Plan, _, _ *Collection) {
				assert.Equal(t, FieldOther, p.Changes[0].Fields)
				assert.Equal(t, []string{"protocolProfileBehavior", "request.proxy", "request.x-timeout", "x-owner"}, p.Changes[0].Other)
				assert.Equal(t, FieldScripts|FieldOther, p.Changes[1].Fields)
			},
		},
		{
			name: "a mistyped member is compared as it is",
			from: doc(`{"name":"A","request":{"url":"https://x","method":1}}`),
			to:   doc(`{"name":"A","request":{"url":"https://x","method":2}}`),
			want: "~ request  A: method\nPlan: 1 to change.\n",
		},
		{
			name: "names that need quotes",
			from: doc(f("GET /users", r(""))),
			to:   doc(f("GET /users")),
			want: "- request  \"GET /users\" / \"\"\nPlan: 1 to remove.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to := mustParse(t, tt.from), mustParse(t, tt.to)
			p := Diff(from, to)
			assert.Equal(t, tt.want, p.String())
			assert.Equal(t, tt.want == "No changes.\n", p.IsEmpty())
			if tt.check != nil {
				tt.check(t, p, from, to)
			}
			checkPlan(t, from, to)
		})
	}
}

// Each member of a request item changed alone is named alone.
func TestDiffFields(t *testing.T) {
	base := `{"id":"r1","name":"A","description":"d","variable":[{"key":"v","value":"1"}],
		"event":[{"listen":"test","script":{"exec":["pm.test()"],"type":"text/javascript"}}],
		"request":{"auth":{"type":"bearer","bearer":[{"key":"token","value":"t"}]},"method":"POST",
			"header":[{"key":"Accept","value":"*/*"}],"body":{"mode":"raw","raw":"{}"},
			"url":{"raw":"https://x/a","host":["x"],"path":["a"]},"description":"rd"},
		"response":[]}`
	tests := []struct {
		old, new string
		want     Fields
	}{
		{`"name":"A"`, `"name":"B"`, FieldName},
		{`"description":"d"`, `"description":{"content":"d","type":"text/markdown"}`, FieldDescription},
		{`"description":"rd"`, `"description":"rd2"`, FieldDescription},
		{`"value":"1"`, `"value":"2"`, FieldVariables},
		{`pm.test()`, `pm.test(1)`, FieldScripts},
		{`"value":"t"`, `"value":"u"`, FieldAuth},
		{`"method":"POST"`, `"method":"PUT"`, FieldMethod},
		{`"value":"*/*"`, `"value":"application/json"`, FieldHeaders},
		{`"raw":"{}"`, `"raw":"[]"`, FieldBody},
		{`"path":["a"]`, `"path":["b"]`, FieldURL},
	}
	for _, tt := range tests {
		t.Run(tt.want.String(), func(t *testing.T) {
			require.Contains(t, base, tt.old)
			from := mustParse(t, doc(base))
			to := mustParse(t, doc(strings.Replace(base, tt.old, tt.new, 1)))
			p := Diff(from, to)
			require.Len(t, p.Changes, 1, p.String())
			assert.Equal(t, OpUpdate, p.Changes[0].Op)
			assert.Equal(t, tt.want, p.Changes[0].Fields)
			assert.Empty(t, p.Changes[0].Other)
			checkPlan(t, from, to)
		})
	}
}

func TestDiffResponseFields(t *testing.T) {
	base := `{"id":"s1","name":"OK","originalRequest":{"method":"GET","url":"https://x"},"status":"OK","code":200,
		"header":[{"key":"A","value":"1"}],"cookie":[],"body":"b","_postman_previewlanguage":"json"}`
	tests := []struct {
		old, new string
		want     Fields
		other    []string
	}{
		{`"name":"OK"`, `"name":"Fine"`, FieldName, nil},
		{`"code":200`, `"code":201`, FieldStatus, nil},
		{`"status":"OK"`, `"status":"Created"`, FieldStatus, nil},
		{`"value":"1"`, `"value":"2"`, FieldHeaders, nil},
		{`"body":"b"`, `"body":"c"`, FieldBody, nil},
		{`"url":"https://x"`, `"url":"https://y"`, FieldOriginalRequest, nil},
		{`"cookie":[]`, `"cookie":[{"name":"c","value":"v"}]`, FieldOther, []string{"cookie"}},
		{`"json"`, `"html"`, FieldOther, []string{"_postman_previewlanguage"}},
	}
	for _, tt := range tests {
		t.Run(tt.want.String()+" "+strings.Join(tt.other, ","), func(t *testing.T) {
			require.Contains(t, base, tt.old)
			item := `{"id":"r1","name":"A","request":"https://x","response":[%s]}`
			from := mustParse(t, doc(strings.Replace(item, "%s", base, 1)))
			to := mustParse(t, doc(strings.Replace(item, "%s", strings.Replace(base, tt.old, tt.new, 1), 1)))
			p := Diff(from, to)
			require.Len(t, p.Changes, 1, p.String())
			c := p.Changes[0]
			assert.Equal(t, KindResponse, c.Kind)
			assert.Equal(t, tt.want, c.Fields)
			assert.Equal(t, tt.other, c.Other)
			assert.Same(t, to.Items[0], c.Parent)
			assert.Same(t, from.Items[0].Responses[0], c.FromResponse)
			assert.Same(t, to.Items[0].Responses[0], c.ToResponse)
			checkPlan(t, from, to)
		})
	}
}

func TestDiffNilCollections(t *testing.T) {
	c := mustParse(t, doc(f("F", r("A"))))
	assert.Equal(t, "~ collection: name (was \"\"), info.schema\n+ folder   F\n+ request  F / A\nPlan: 2 to add, 1 to change.\n", Diff(nil, c).String())
	assert.True(t, Diff(nil, nil).IsEmpty())
	rm := Diff(c, nil)
	assert.Contains(t, rm.String(), "- request  F / A\n- folder   F\n")
	checkPlan(t, &Collection{}, c)
	checkPlan(t, c, &Collection{})
}

// A collection equals itself and its own round trips, through json.Marshal
// and through Write, for every sample and synthetic collection.
func TestDiffRoundTripsAreEqual(t *testing.T) {
	all := fixtures(t)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			a, err := Parse(all[name])
			require.NoError(t, err)
			b, err := Parse(all[name])
			require.NoError(t, err)
			assert.True(t, Diff(a, a).IsEmpty())
			assert.Equal(t, "No changes.\n", Diff(a, b).String())

			compact, err := json.Marshal(a)
			require.NoError(t, err)
			var indented bytes.Buffer
			require.NoError(t, a.Write(&indented))
			for _, out := range [][]byte{compact, indented.Bytes()} {
				c, err := Parse(out)
				require.NoError(t, err)
				assert.Equal(t, "No changes.\n", Diff(a, c).String())
				assert.Equal(t, "No changes.\n", Diff(c, a).String())
			}
		})
	}
}

// Every sample diffed with every other gives a plan that applies, and the
// same plan twice.
func TestDiffBetweenFixtures(t *testing.T) {
	all := fixtures(t)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, a := range names {
		for _, b := range names {
			if a == b {
				continue
			}
			t.Run(a+" to "+b, func(t *testing.T) {
				from, err := Parse(all[a])
				require.NoError(t, err)
				to, err := Parse(all[b])
				require.NoError(t, err)
				p := Diff(from, to)
				assert.False(t, p.IsEmpty())
				assert.Equal(t, p.String(), Diff(from, to).String())
				checkPlan(t, from, to)
			})
		}
	}
}

// Diff gives the same changes, in the same order, every time, whatever the
// order Go's maps iterate in.
func TestDiffDeterministic(t *testing.T) {
	g := &propGen{rnd: rand.New(rand.NewPCG(7, 18))}
	from := g.collection()
	for range 3 {
		from.Items = append(from.Items, g.folder(0))
	}
	to := reparse(t, from)
	e := &editor{g: g, c: to, touched: map[*Item]bool{}, added: map[*Item]bool{},
		allowed: map[string]bool{}, reorderIn: map[string]bool{}}
	for range 20 {
		e.edit()
	}
	first := Diff(from, to)
	require.Greater(t, len(first.Changes), 10, first.String())
	for range 50 {
		p := Diff(from, to)
		require.Equal(t, first.Changes, p.Changes)
		require.Equal(t, first.String(), p.String())
	}
}

func TestDiffNames(t *testing.T) {
	assert.Equal(t, "add remove update move reorder op(9)",
		strings.Join([]string{OpAdd.String(), OpRemove.String(), OpUpdate.String(), OpMove.String(), OpReorder.String(), Op(9).String()}, " "))
	assert.Equal(t, "collection folder request response kind(0)",
		strings.Join([]string{KindCollection.String(), KindFolder.String(), KindRequest.String(), KindResponse.String(), Kind(0).String()}, " "))
	assert.Equal(t, "name, headers, other", (FieldName | FieldHeaders | FieldOther).String())
	assert.True(t, (FieldName | FieldURL).Has(FieldURL))
	assert.False(t, FieldName.Has(FieldName|FieldURL))
}

// Nil entries, which only code can put in a list, are left out rather than
// crashing; Index still counts them, as it indexes the slice.
func TestDiffNilEntries(t *testing.T) {
	from := New("C")
	from.Items = []*Item{nil, NewRequestItem("A", NewRequest("GET", "https://a"))}
	from.Items[1].Responses = []*Response{nil}
	to := New("C")
	to.Items = []*Item{NewRequestItem("A", NewRequest("GET", "https://a")), nil, NewFolder("F")}
	p := Diff(from, to)
	require.Equal(t, "+ folder   F\nPlan: 1 to add.\n", p.String())
	assert.Equal(t, 2, p.Changes[0].Index)
	assert.Same(t, to.Items[0], p.Changes[0].After)
}
