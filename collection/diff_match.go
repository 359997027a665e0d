package collection

import (
	"slices"
	"sort"
	"strings"
)

// node is a folder, request or saved response of one side of a diff, or the
// collection itself at the root of a side.
type node struct {
	kind   Kind
	item   *Item     // folders and requests
	resp   *Response // responses
	parent *node     // nil for the root
	// children are a folder's items or a request's responses, nil entries
	// (which only code can put there) left out.
	children []*node
	index    int // in the parent's Items or Responses
	pos      int // in the parent's children
	ids      [3]string
	from     bool // the node is of from
	match    *node

	// Of to's nodes: put elsewhere in their parent or in another parent,
	// and the position in the plan (1-based) of the change placing them.
	reordered, moved bool
	step             int
}

func (n *node) name() string {
	if n.resp != nil {
		return n.resp.Name
	}
	if n.item != nil {
		return n.item.Name
	}
	return ""
}

// path names the folders (and request) above n, outermost first.
func (n *node) path() []string {
	var names []string
	for p := n.parent; p != nil && p.parent != nil; p = p.parent {
		names = append(names, p.name())
	}
	slices.Reverse(names)
	return names
}

// tree is one side of a diff.
type tree struct {
	root node
	// nodes are every node but the root in depth-first order, a request's
	// responses right after it.
	nodes []*node
}

func newTree(c *Collection, from bool) *tree {
	t := &tree{root: node{kind: KindCollection, from: from}}
	t.addItems(&t.root, c.Items)
	return t
}

func (t *tree) addItems(parent *node, items []*Item) {
	for i, it := range items {
		if it == nil {
			continue
		}
		n := &node{kind: KindRequest, item: it, parent: parent, index: i, pos: len(parent.children), from: parent.from}
		n.ids = identity(it.ID, &it.extras)
		parent.children = append(parent.children, n)
		t.nodes = append(t.nodes, n)
		if it.IsFolder() {
			n.kind = KindFolder
			t.addItems(n, it.Items)
			continue
		}
		for j, r := range it.Responses {
			if r == nil {
				continue
			}
			rn := &node{kind: KindResponse, resp: r, parent: n, index: j, pos: len(n.children), from: parent.from}
			rn.ids = identity(r.ID, &r.extras)
			n.children = append(n.children, rn)
			t.nodes = append(t.nodes, rn)
		}
	}
}

// identity lists the IDs an element is known by: "id", "_postman_id" (older
// exports), and the ID inside "uid" (the Postman API's "<owner>-<id>").
func identity(id string, x *extras) [3]string {
	ids := [3]string{id}
	if x.more == nil {
		return ids
	}
	if id == "" {
		ids[0] = extraString(x, "id") // an ID of another JSON type, kept raw
	}
	ids[1] = extraString(x, "_postman_id")
	if uid := extraString(x, "uid"); uid != "" {
		ids[2] = uid
		if owner, rest, ok := strings.Cut(uid, "-"); ok && rest != "" && strings.Trim(owner, "0123456789") == "" {
			ids[2] = rest
		}
	}
	return ids
}

// extraString is the text of a raw member, as Extra finds it, without
// copying the raw JSON.
func extraString(x *extras, key string) string {
	for i := len(x.more.unknown) - 1; i >= 0; i-- {
		if m := x.more.unknown[i]; m.key == key {
			return Value{raw: m.raw}.String()
		}
	}
	return ""
}

// isIdentity reports whether a member is one of the IDs matching uses.
func isIdentity(key string) bool { return key == "id" || key == "_postman_id" || key == "uid" }

// differ holds the state of one Diff.
type differ struct {
	from, to *Collection
	a, b     *tree // from's and to's
	changes  []Change
	ma, mb   members // scratch for comparing members
}

func newDiffer(from, to *Collection) *differ {
	return &differ{from: from, to: to, a: newTree(from, true), b: newTree(to, false)}
}

func pair(a, b *node) { a.match, b.match = b, a }

type idKey struct {
	kind Kind
	id   string
}

type nameKey struct {
	parent *node // of to
	kind   Kind
	name   string
}

// match pairs the nodes of both sides, then marks the moved and reordered
// ones of to.
func (d *differ) match() {
	pair(&d.a.root, &d.b.root)

	byID := map[idKey][]*node{}
	for _, n := range d.b.nodes {
		for i, id := range n.ids {
			if id != "" && !slices.Contains(n.ids[:i], id) {
				k := idKey{n.kind, id}
				byID[k] = append(byID[k], n)
			}
		}
	}
	for _, n := range d.a.nodes {
		for _, id := range n.ids {
			if n.match != nil {
				break
			}
			if id == "" {
				continue
			}
			for _, m := range byID[idKey{n.kind, id}] {
				if m.match == nil {
					pair(n, m)
					break
				}
			}
		}
	}

	// Depth-first order matches a folder before its children, which then
	// look for their partners inside the folder's partner.
	byName := map[nameKey][]*node{}
	for _, n := range d.b.nodes {
		if n.match == nil {
			k := nameKey{n.parent, n.kind, n.name()}
			byName[k] = append(byName[k], n)
		}
	}
	for _, n := range d.a.nodes {
		if n.match != nil || n.parent.match == nil {
			continue
		}
		k := nameKey{n.parent.match, n.kind, n.name()}
		if list := byName[k]; len(list) > 0 {
			pair(n, list[0])
			byName[k] = list[1:]
		}
	}

	for _, n := range d.b.nodes {
		if n.match != nil && n.match.parent.match != n.parent {
			n.moved = true
		}
	}
	markReordered(&d.b.root)
	for _, n := range d.b.nodes {
		if len(n.children) > 1 {
			markReordered(n)
		}
	}
}

// markReordered marks the children of parent (of to) that stay in it but
// must be put elsewhere: those outside a longest run that kept its order,
// which is the fewest.
func markReordered(parent *node) {
	var stay []*node
	var seq []int
	sorted := true
	for _, c := range parent.children {
		if c.match == nil || c.moved {
			continue
		}
		if len(seq) > 0 && c.match.pos < seq[len(seq)-1] {
			sorted = false
		}
		stay = append(stay, c)
		seq = append(seq, c.match.pos)
	}
	if sorted {
		return
	}
	keep := increasing(seq)
	for i, c := range stay {
		c.reordered = !keep[i]
	}
}

// increasing reports which elements of seq, of distinct values, form one
// longest increasing subsequence (the classic patience method).
func increasing(seq []int) []bool {
	tails := []int{} // tails[k]: index of the least last element of a run of length k+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		k := sort.Search(len(tails), func(j int) bool { return seq[tails[j]] >= v })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}
