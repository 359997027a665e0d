package postman

import (
	"sort"
	"strings"
	"sync"
)

// Operation names an operation of the Postman API as Postman's API
// description does: its operationId and its path template. Every call
// of a service method carries one (errors, log records and Observer
// events report it); Client.Do calls carry the zero Operation, and
// Client.DoOperation calls the one their caller names.
type Operation struct {
	// ID is the operationId, e.g. "getCollection".
	ID string
	// Template is the path template, e.g. "/collections/{collectionId}",
	// never a concrete path with IDs.
	Template string
}

// LookupOperation returns the operation of Postman's API description that
// a request of method to path calls: path is relative to the base URL and
// escaped as sent (an ID holding a "/" is one segment, "%2F"), with or
// without its query, e.g. "/collections/12345678-1f0d". A literal segment
// wins over a parameter: GET /collections/collection-forks is
// getCollectionsForkedByUser, not getCollection. It reports false for a
// request no operation describes. It allocates nothing.
func LookupOperation(method, path string) (Operation, bool) {
	path, _, _ = strings.Cut(path, "?")
	i := operationRoutes().match(method, path)
	if i < 0 {
		return Operation{}, false
	}
	r := &operationTable[i]
	return Operation{ID: r.id, Template: r.template}, true
}

// operationByID returns the operation whose operationId is id.
// operationTable is sorted by id.
func operationByID(id string) (Operation, bool) {
	i := sort.Search(len(operationTable), func(i int) bool { return operationTable[i].id >= id })
	if i == len(operationTable) || operationTable[i].id != id {
		return Operation{}, false
	}
	return Operation{ID: id, Template: operationTable[i].template}, true
}

// operationOf is the operation of r: the one the caller named for
// Client.DoOperation and Client.Do calls, else the one method and path
// match. A named operation with an ID of the description and no
// template gets the description's template.
func operationOf(r *request, path string) Operation {
	if !r.named {
		op, _ := LookupOperation(r.method, path)
		return op
	}
	op := r.op
	if op.Template == "" && op.ID != "" {
		if known, ok := operationByID(op.ID); ok {
			op.Template = known.Template
		}
	}
	return op
}

// operationRoute is one row of the generated operationTable.
type operationRoute struct {
	method   string
	template string
	id       string
}

// routeNode is a node of the tree that matches escaped paths to
// templates, one segment per level: the literal children first, then the
// parameter child, backtracking when a literal leads nowhere.
type routeNode struct {
	literal map[string]*routeNode
	param   *routeNode
	// route is the index in operationTable of the template that ends
	// here, -1 for none.
	route int
}

// routeTree holds one tree per method.
type routeTree struct {
	roots map[string]*routeNode
}

// operationRoutes builds the tree once, on the first lookup, so that
// programs that never look one up pay nothing at start-up.
var operationRoutes = sync.OnceValue(func() *routeTree {
	t := &routeTree{roots: map[string]*routeNode{}}
	for i := range operationTable {
		r := &operationTable[i]
		n := t.roots[r.method]
		if n == nil {
			n = newRouteNode()
			t.roots[r.method] = n
		}
		for seg := range strings.SplitSeq(strings.TrimPrefix(r.template, "/"), "/") {
			if strings.HasPrefix(seg, "{") {
				if n.param == nil {
					n.param = newRouteNode()
				}
				n = n.param
				continue
			}
			next := n.literal[seg]
			if next == nil {
				next = newRouteNode()
				if n.literal == nil {
					n.literal = map[string]*routeNode{}
				}
				n.literal[seg] = next
			}
			n = next
		}
		n.route = i
	}
	return t
})

func newRouteNode() *routeNode { return &routeNode{route: -1} }

// match returns the index of the operation of method and the escaped
// path (without query), or -1.
func (t *routeTree) match(method, path string) int {
	n := t.roots[method]
	if n == nil || !strings.HasPrefix(path, "/") {
		return -1
	}
	return n.match(path)
}

// match matches path, which is empty or starts with "/", below n.
func (n *routeNode) match(path string) int {
	if path == "" {
		return n.route
	}
	seg, rest := path[1:], ""
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg, rest = seg[:i], seg[i:]
	}
	if next := n.literal[seg]; next != nil {
		if i := next.match(rest); i >= 0 {
			return i
		}
	}
	if n.param != nil && seg != "" {
		return n.param.match(rest)
	}
	return -1
}
