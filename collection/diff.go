package collection

import (
	"strconv"
	"strings"
)

// Diff compares two collections and returns the changes that turn from into
// to, in an order they can be applied in (see [Plan]). A nil collection is an
// empty one, so Diff(nil, c) adds everything and Diff(c, nil) removes it.
//
// Folders, requests and saved responses are matched first by ID (the "id"
// member, an older export's "_postman_id", or the ID inside a Postman "uid"
// such as "12345-…"), then, for those left, by parent, kind and name: an item
// is the one of the same name and kind in the folder matched with its folder
// (duplicates pair up in order). A file edited by hand without IDs therefore
// diffs sensibly, and an item whose ID finds no partner falls back to its
// place and name. Saved responses match the same way inside their requests.
//
// Members are compared by their JSON: two members are equal when they encode
// to equal JSON values, key order inside objects aside. Identity members
// ("id", "_postman_id", "uid" of items, responses and info) are what matching
// uses, not content, and are never reported; an absent list of items or
// responses is the same as an empty one. Everything else counts, including
// members the model has no field for, which are named in [Change.Other].
//
// The collections are only read. The plan points into them and is valid
// while they are not modified.
func Diff(from, to *Collection) *Plan {
	if from == nil {
		from = &Collection{}
	}
	if to == nil {
		to = &Collection{}
	}
	d := newDiffer(from, to)
	d.match()
	d.plan()
	return d.result()
}

// Plan is the difference between two collections: the changes that turn
// the first into the second, in this order:
//
//  1. the collection itself (at most one change, of kind KindCollection);
//  2. additions, moves and reorders, in the order of the items in to,
//     parents before children: a parent is added or in its place before
//     anything goes into it, and the element an item goes after is already
//     where it belongs;
//  3. updates, in the order of the items in to;
//  4. removals, children before parents.
//
// Removals come last because a removed folder may hold items that move
// elsewhere: they leave it before it goes. Applying the changes in order,
// each addition created at the end of its parent (then put after After when
// Place is set) and each move or reorder put right after After (first when
// After is nil), gives to's items in to's order.
type Plan struct {
	// Changes are the changes in the order above.
	Changes []Change

	items     map[*Item]*Item
	responses map[*Response]*Response
}

// IsEmpty reports whether the collections were equal: there is nothing to do.
func (p *Plan) IsEmpty() bool { return len(p.Changes) == 0 }

// Match returns the item of from that it, an item of to, was matched with:
// the element to act on for it (its ID, as Postman knows it). Nil when it was
// added or is not an item of to.
func (p *Plan) Match(it *Item) *Item { return p.items[it] }

// MatchResponse is Match for saved responses.
func (p *Plan) MatchResponse(r *Response) *Response { return p.responses[r] }

// Change is one step of a Plan.
type Change struct {
	Op   Op
	Kind Kind
	// Path names the folders holding the item, from the top level down, in
	// to (in from for a removal); for a response it ends with its request's
	// name. It is empty at the top level and for the collection.
	Path []string
	// From and To are the folder or request in from and in to: From is nil
	// for an addition, To for a removal. Both are nil for responses and for
	// the collection.
	From, To *Item
	// FromResponse and ToResponse are, for a change of kind KindResponse,
	// the saved response in from and in to, nil as From and To are.
	FromResponse, ToResponse *Response
	// Parent is what holds the item: its folder (nil at the top level) or,
	// for a response, its request; in to, except for a removal, where it is
	// in from. Index is the item's place in Parent.Items (Parent.Responses,
	// or the collection's Items at the top level) of that same collection.
	Parent *Item
	Index  int
	// After, for an addition, a move or a reorder, is the element just
	// before the item in to (After for folders and requests, AfterResponse
	// for responses); nil when the item comes first. It exists at the
	// item's turn in the plan: Plan.Match gives its counterpart in from
	// unless it was added earlier in the plan.
	After         *Item
	AfterResponse *Response
	// Place is set on an addition whose place is not the end of its parent
	// at its turn in the plan (something that stays follows After): once
	// created at the end, the item must be put after After as a move is.
	Place bool
	// FromPath is, for a move, the item's Path in from.
	FromPath []string
	// Fields are, for an update, the members that differ. Other names those
	// of them outside the named fields, with FieldOther set: JSON keys, the
	// keys inside the request prefixed "request." and those of the
	// collection's info block "info.", sorted. The item endpoints may not
	// express them.
	Fields Fields
	Other  []string

	was string // the collection's name in from, for String
}

// Name returns the name of the item the change is about: its name in to,
// or in from for a removal; "" for the collection.
func (c *Change) Name() string {
	switch {
	case c.To != nil:
		return c.To.Name
	case c.From != nil:
		return c.From.Name
	case c.ToResponse != nil:
		return c.ToResponse.Name
	case c.FromResponse != nil:
		return c.FromResponse.Name
	}
	return ""
}

// Op is what a change does.
type Op uint8

// The operations of a change.
const (
	// OpAdd adds an item that is only in to.
	OpAdd Op = iota + 1
	// OpRemove removes an item that is only in from.
	OpRemove
	// OpUpdate changes the members of an item (the collection's for
	// KindCollection) listed in Fields.
	OpUpdate
	// OpMove puts an item into another folder (a response into another
	// request).
	OpMove
	// OpReorder puts an item elsewhere in the same folder (request).
	OpReorder
)

var opNames = []string{"", "add", "remove", "update", "move", "reorder"}

// String returns "add", "remove", "update", "move" or "reorder".
func (o Op) String() string {
	if int(o) < len(opNames) && o != 0 {
		return opNames[o]
	}
	return "op(" + strconv.Itoa(int(o)) + ")"
}

// Kind is what a change is about.
type Kind uint8

// The kinds of elements a change can be about.
const (
	KindCollection Kind = iota + 1
	KindFolder
	KindRequest
	KindResponse
)

var kindNames = []string{"", "collection", "folder", "request", "response"}

// String returns "collection", "folder", "request" or "response".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Fields is a set of members that differ between two versions of an item.
type Fields uint16

// The members an update names. A folder or request has the first nine (a
// folder no URL, method, headers or body), a saved response name, status,
// headers, body and original request, the collection name, description
// (those of its info block), auth, scripts and variables.
const (
	FieldName        Fields = 1 << iota
	FieldDescription        // of the item, or of its request
	FieldURL
	FieldMethod
	FieldHeaders
	FieldBody
	FieldAuth // of the folder, or of the request
	FieldScripts
	FieldVariables
	FieldStatus // a response's status and code
	FieldOriginalRequest
	// FieldOther is any other member: see Change.Other.
	FieldOther
)

var fieldNames = []string{"name", "description", "url", "method", "headers", "body", "auth",
	"scripts", "variables", "status", "originalRequest", "other"}

// Has reports whether every field of g is in f.
func (f Fields) Has(g Fields) bool { return f&g == g }

// String lists the fields, such as "name, url, headers".
func (f Fields) String() string {
	var b strings.Builder
	for i, name := range fieldNames {
		if f&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(name)
	}
	return b.String()
}
