package collection

import "slices"

// plan lists the changes in the order Plan documents.
func (d *differ) plan() {
	if fields, other := d.compareCollection(); fields != 0 {
		d.changes = append(d.changes, Change{Op: OpUpdate, Kind: KindCollection, Fields: fields, Other: other, was: d.from.Info.Name})
	}

	var placed []*node
	adds := false
	for _, n := range d.b.nodes {
		var op Op
		switch {
		case n.match == nil:
			op, adds = OpAdd, true
		case n.moved:
			op = OpMove
		case n.reordered:
			op = OpReorder
		default:
			continue
		}
		c := d.change(op, n)
		if pred := n.before(); pred != nil {
			c.After, c.AfterResponse = pred.item, pred.resp
		}
		if op == OpMove {
			c.FromPath = n.match.path()
		}
		d.changes = append(d.changes, c)
		n.step = len(d.changes)
		placed = append(placed, n)
	}
	if adds {
		d.place(placed)
	}

	for _, n := range d.b.nodes {
		if n.match == nil {
			continue
		}
		if fields, other := d.compareNodes(n.match, n); fields != 0 {
			c := d.change(OpUpdate, n)
			c.Fields, c.Other = fields, other
			d.changes = append(d.changes, c)
		}
	}

	d.removals(&d.a.root)
}

// before returns the node just before n in its parent, or nil.
func (n *node) before() *node {
	if n.pos == 0 {
		return nil
	}
	return n.parent.children[n.pos-1]
}

// change returns a change about n, of to, or of from for a removal.
func (d *differ) change(op Op, n *node) Change {
	c := Change{Op: op, Kind: n.kind, Path: n.path(), Parent: n.parent.item, Index: n.index}
	a, b := n.match, n
	if n.from {
		a, b = n, n.match
	}
	if a != nil {
		c.From, c.FromResponse = a.item, a.resp
	}
	if b != nil {
		c.To, c.ToResponse = b.item, b.resp
	}
	return c
}

// removals lists the nodes of from left unmatched, children before parents.
func (d *differ) removals(n *node) {
	for _, c := range n.children {
		d.removals(c)
		if c.match == nil {
			d.changes = append(d.changes, d.change(OpRemove, c))
		}
	}
}

// place sets Place on the additions that creating at the end of their parent
// would leave out of place. It follows the plan on the lists of children
// each parent holds at each step: an addition is in place at the end when
// everything after the element it goes after will leave (a removal, or an
// element a later change puts elsewhere).
func (d *differ) place(placed []*node) {
	s := placer{lists: map[*node][]*node{}, where: map[*node]*node{}}
	for _, n := range placed {
		c := &d.changes[n.step-1]
		if c.Op != OpAdd {
			src := s.where[n]
			if src == nil {
				src = container(n.match.parent)
			}
			old := s.list(src)
			if j := indexFromEnd(old, n); j >= 0 {
				s.lists[src] = slices.Delete(old, j, j+1)
			}
		}
		list := s.list(n.parent)
		at := 0
		if pred := n.before(); pred != nil {
			at = indexFromEnd(list, pred) + 1
		}
		if c.Op == OpAdd {
			leaving := true
			for _, x := range list[at:] {
				if !x.from && x.step <= n.step {
					leaving = false
					break
				}
			}
			if leaving {
				s.lists[n.parent] = append(list, n)
				continue
			}
			c.Place = true
		}
		s.where[n] = n.parent
		s.lists[n.parent] = slices.Insert(list, at, n)
	}
}

// placer holds the children of the parents a plan has touched so far,
// under the node of to of each parent (of from for a removed one). The
// elements are nodes of to, and of from for those to be removed.
type placer struct {
	lists map[*node][]*node
	where map[*node]*node // parent of an element placed so far
}

// container is the key a parent of from is known by.
func container(n *node) *node {
	if n.match != nil {
		return n.match
	}
	return n
}

// list returns the current children of parent, taking them from from the
// first time.
func (s *placer) list(parent *node) []*node {
	if list, ok := s.lists[parent]; ok {
		return list
	}
	src := parent
	if !parent.from {
		src = parent.match
	}
	var list []*node
	if src != nil {
		list = make([]*node, 0, len(src.children)+1)
		for _, c := range src.children {
			list = append(list, container(c))
		}
	}
	s.lists[parent] = list
	return list
}

// indexFromEnd is the index of n in list, looked for from the end, where
// the element a new one goes after usually is; -1 if absent.
func indexFromEnd(list []*node, n *node) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == n {
			return i
		}
	}
	return -1
}

// result packs the changes with the pairing of to's elements.
func (d *differ) result() *Plan {
	p := &Plan{Changes: d.changes, items: map[*Item]*Item{}, responses: map[*Response]*Response{}}
	for _, n := range d.b.nodes {
		if n.match == nil {
			continue
		}
		if n.item != nil {
			if _, ok := p.items[n.item]; !ok {
				p.items[n.item] = n.match.item
			}
		} else if _, ok := p.responses[n.resp]; !ok {
			p.responses[n.resp] = n.match.resp
		}
	}
	return p
}
