package postman

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/postman-go/postman/collection"
)

// ErrSyncUnsupported is matched (errors.Is) by the *CollectionSyncError of
// a Sync that refused its plan before writing anything: the plan holds
// changes the item endpoints and Patch cannot express, and the caller did
// not allow the fallback to Replace (CollectionSyncOptions.AllowReplace).
var ErrSyncUnsupported = errors.New("postman: the item endpoints cannot express the change")

// CollectionSyncOptions are the options of Sync.
type CollectionSyncOptions struct {
	// DryRun computes the plan and writes nothing.
	DryRun bool
	// AllowReplace lets Sync send the whole document with Replace instead
	// of changing the collection item by item, when the plan holds a change
	// the item endpoints and Patch cannot express (which Sync refuses
	// otherwise) or when Replace sends fewer bytes than the item-by-item
	// changes would. Items keep their IDs either way.
	AllowReplace bool
}

// CollectionSyncResult is what Sync planned and what it did.
type CollectionSyncResult struct {
	// Plan is the difference between the collection as Postman holds it
	// and the desired one, both in the form Sync compares them in (see
	// Sync); Plan.String() is the text a reviewer reads.
	Plan *collection.Plan
	// Unsupported names the members of the plan's changes that the item
	// endpoints and Patch cannot express; only Replace can make them.
	Unsupported []CollectionSyncGap
	// Applied are the changes made, in the plan's order: all of them when
	// Sync succeeds, none on a dry run.
	Applied []collection.Change
	// Replaced is true when the collection was replaced as a whole (or
	// would be, on a dry run) rather than changed item by item.
	Replaced bool
	// Writes counts the calls that changed the collection.
	Writes int
	// DryRun is true when nothing was written on purpose.
	DryRun bool
}

// String renders the plan, the members it cannot apply item by item, and
// the outcome, as a CI job prints them.
func (r *CollectionSyncResult) String() string {
	if r == nil || r.Plan == nil {
		return "No plan.\n"
	}
	var b strings.Builder
	b.WriteString(r.Plan.String())
	for _, g := range r.Unsupported {
		b.WriteString(g.String() + "\n")
	}
	switch {
	case r.Plan.IsEmpty():
	case len(r.Unsupported) > 0 && !r.Replaced:
		b.WriteString("Refused: the item endpoints cannot make the changes marked !; allow the fallback to Replace, or change the file.\n")
	case r.DryRun && r.Replaced:
		b.WriteString("Apply would replace the whole collection.\n")
	case r.DryRun:
		b.WriteString("Dry run: nothing written.\n")
	case r.Replaced:
		fmt.Fprintf(&b, "Applied by replacing the whole collection (%d write).\n", r.Writes)
	default:
		fmt.Fprintf(&b, "Applied %d of %d changes in %d writes.\n", len(r.Applied), len(r.Plan.Changes), r.Writes)
	}
	return b.String()
}

// CollectionSyncGap is a member of a change that the item endpoints and
// Patch cannot express.
type CollectionSyncGap struct {
	// Change is the change the member belongs to.
	Change collection.Change
	// Member is the member's name as Change.Other writes it ("request.proxy",
	// "variable", "info.version" …).
	Member string
	// Reason says why it cannot be expressed.
	Reason string
}

// String renders the gap as a line under a plan: "! request  Users / Get
// user: request.proxy (the item endpoints have no field for it)".
func (g CollectionSyncGap) String() string {
	c := g.Change
	if c.Kind == collection.KindCollection {
		return "! collection: " + g.Member + " (" + g.Reason + ")"
	}
	return fmt.Sprintf("! %-8s %s: %s (%s)", c.Kind, strings.Join(append(slices.Clone(c.Path), c.Name()), " / "), g.Member, g.Reason)
}

// changeLine is the line Plan.String writes for c.
func changeLine(c collection.Change) string {
	text := (&collection.Plan{Changes: []collection.Change{c}}).String()
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// CollectionSyncError is the error of a Sync that stopped: a write failed
// (Err is its error, and Unapplied[0] the change it was making), or the
// plan was refused before anything was written (Err is
// ErrSyncUnsupported, and Unsupported says why). Running Sync again
// continues from where the collection is.
type CollectionSyncError struct {
	// Applied are the changes made before the stop, Unapplied the rest, in
	// the plan's order.
	Applied, Unapplied []collection.Change
	// Unsupported lists the members that made Sync refuse the plan.
	Unsupported []CollectionSyncGap
	// Err is why Sync stopped: the failed call's error (an *APIError …)
	// or ErrSyncUnsupported.
	Err error
}

// Error says how far Sync got and why it stopped, or which members made
// it refuse the plan.
func (e *CollectionSyncError) Error() string {
	if errors.Is(e.Err, ErrSyncUnsupported) {
		names := make([]string, 0, len(e.Unsupported))
		for _, g := range e.Unsupported {
			names = append(names, g.Member+" of "+syncSubject(g.Change))
		}
		return fmt.Sprintf("postman: Sync: nothing written: %d member(s) cannot be changed item by item (%s); allow the fallback to Replace",
			len(e.Unsupported), strings.Join(names, ", "))
	}
	msg := fmt.Sprintf("postman: Sync: stopped after %d of %d changes", len(e.Applied), len(e.Applied)+len(e.Unapplied))
	if len(e.Unapplied) > 0 {
		msg += ", at " + strings.TrimSpace(changeLine(e.Unapplied[0]))
	}
	return msg + ": " + e.Err.Error()
}

// Unwrap returns the error that stopped Sync.
func (e *CollectionSyncError) Unwrap() error { return e.Err }

// syncSubject names what a change is about: "request Users / Get user".
func syncSubject(c collection.Change) string {
	if c.Kind == collection.KindCollection {
		return "the collection"
	}
	return c.Kind.String() + " " + strings.Join(append(slices.Clone(c.Path), c.Name()), " / ")
}

// Sync makes the collection collectionID hold desired, changing only what
// differs: it reads the collection, compares it with desired
// (collection.Diff), and applies the plan with the item endpoints —
// creating, updating and deleting folders, requests and saved responses —
// item transfers for moves and reorders, and Patch for the collection's
// name, description, auth, scripts and variables. Items are matched by ID,
// then by place and name, so a file without IDs works; matched items keep
// their IDs, and with them their comments, history and forks' links.
//
// Both sides are compared in the form Postman serves a collection in, so
// that its rewrites are not changes and a second Sync makes no write: the
// members Postman adds (info's updatedAt, uid …; the IDs of scripts and
// variables) are left out; a URL is its raw text, query and path
// variables; a request's method is GET when absent, an empty raw body is
// no body, a saved response without an original request has its
// request's; and a folder's subfolders come before its requests, in their
// own orders, as Postman keeps them (an interleaved order in desired is
// not a change).
//
// What the item endpoints and Patch cannot express (a member their models
// have no field for, a collection variable to remove, a description with
// a format …) is named in the result's Unsupported; Sync then refuses
// before writing anything, with a *CollectionSyncError matching
// ErrSyncUnsupported, unless opts.AllowReplace lets it replace the whole
// collection. With AllowReplace, Sync also replaces when that sends fewer
// bytes than the item-by-item changes (when nearly everything changed).
//
// With opts.DryRun, Sync returns the plan and writes nothing; a plan it
// would refuse is refused with the same error. A failed
// write stops Sync, which returns the result so far and a
// *CollectionSyncError listing the changes applied and not; calling Sync
// again finishes the job. The *Response is the last call's.
//
//postman:operation POST /collections/{collectionId}/folders
//postman:operation PUT /collections/{collectionId}/folders/{folderId}
//postman:operation POST /collections/{collectionId}/requests
//postman:operation PUT /collections/{collectionId}/requests/{requestId}
//postman:operation POST /collections/{collectionId}/responses
//postman:operation PUT /collections/{collectionId}/responses/{responseId}
func (s *CollectionsService) Sync(ctx context.Context, collectionID string, desired *collection.Collection, opts *CollectionSyncOptions) (*CollectionSyncResult, *Response, error) {
	if _, err := pathf("/collections/{collectionID}", collectionID); err != nil {
		return nil, nil, err
	}
	if desired == nil {
		return nil, nil, fmt.Errorf("postman: Sync: %w: no collection", ErrInvalidArgument)
	}
	var o CollectionSyncOptions
	if opts != nil {
		o = *opts
	}
	current, resp, err := s.Get(ctx, collectionID, nil)
	if err != nil {
		return nil, resp, err
	}
	sy, err := newSyncer(s, collectionID, current, desired)
	if err != nil {
		return nil, resp, err
	}
	res := &CollectionSyncResult{Plan: sy.plan, Unsupported: sy.gaps, DryRun: o.DryRun}
	if sy.plan.IsEmpty() {
		return res, resp, nil
	}
	var doc *collection.Collection
	if o.AllowReplace {
		var size int
		if doc, size, err = sy.replaceDocument(); err != nil {
			return res, resp, err
		}
		res.Replaced = len(sy.gaps) > 0 || sy.bytes >= size
	}
	if len(sy.gaps) > 0 && !o.AllowReplace {
		return res, resp, &CollectionSyncError{Unapplied: sy.plan.Changes, Unsupported: sy.gaps, Err: ErrSyncUnsupported}
	}
	if o.DryRun {
		return res, resp, nil
	}
	if res.Replaced {
		_, r, err := s.Replace(ctx, collectionID, doc)
		if r != nil {
			resp = r
		}
		if err != nil {
			return res, resp, &CollectionSyncError{Unapplied: sy.plan.Changes, Err: err}
		}
		res.Writes = 1
		res.Applied = sy.plan.Changes
		return res, resp, nil
	}
	return sy.apply(ctx, res, resp)
}

// syncer holds one Sync: both collections in the normal form, the plan,
// and the bodies of its changes.
type syncer struct {
	s       *CollectionsService
	colID   string
	colUID  string
	owner   string // the owner's user ID, which prefixes UIDs
	desired *collection.Collection
	from    *collection.Collection
	to      *collection.Collection
	plan    *collection.Plan
	steps   []syncStep
	gaps    []CollectionSyncGap
	bytes   int // what the item-by-item changes would send

	created     map[*collection.Item]string
	createdResp map[*collection.Response]string
}

// syncStep is how one change is applied.
type syncStep struct {
	body  map[string]any // of an addition or update of an item
	patch *CollectionPatchParams
	// coveredBy, for a removal inside a removed folder or request, is the
	// index of the removal that takes it along; -1 otherwise.
	coveredBy int
}

// transferBytes is about what a transfer's body weighs.
const transferBytes = 260

func newSyncer(s *CollectionsService, colID string, current, desired *collection.Collection) (*syncer, error) {
	from, err := syncForm(current)
	if err != nil {
		return nil, fmt.Errorf("postman: Sync: reading the collection: %w", err)
	}
	to, err := syncForm(desired)
	if err != nil {
		return nil, fmt.Errorf("postman: Sync: reading the desired collection: %w", err)
	}
	sy := &syncer{s: s, colID: colID, colUID: colID, desired: desired, from: from, to: to,
		created: map[*collection.Item]string{}, createdResp: map[*collection.Response]string{}}
	if info, err := CollectionInfoOf(current); err == nil && info.UID != "" {
		sy.colUID = info.UID
		if owner, _, ok := strings.Cut(info.UID, "-"); ok {
			sy.owner = owner
		}
	}
	sy.plan = collection.Diff(from, to)
	sy.prepare()
	return sy, nil
}

// prepare builds each change's body, names what cannot be expressed, and
// finds the removals their parent's removal covers.
func (sy *syncer) prepare() {
	changes := sy.plan.Changes
	sy.steps = make([]syncStep, len(changes))
	removedItem := map[*collection.Item]int{}
	for i, c := range changes {
		if c.Op == collection.OpRemove && c.From != nil {
			removedItem[c.From] = i
		}
	}
	top := func(parent *collection.Item) int {
		at := -1
		for parent != nil {
			i, ok := removedItem[parent]
			if !ok {
				break
			}
			at, parent = i, changes[i].Parent
		}
		return at
	}
	for i, c := range changes {
		st := &sy.steps[i]
		st.coveredBy = -1
		var b *itemBody
		switch {
		case c.Kind == collection.KindCollection:
			st.patch = sy.patchParams(c)
			if data, err := json.Marshal(st.patch); err == nil {
				sy.bytes += len(data)
			}
			continue
		case c.Op == collection.OpRemove:
			st.coveredBy = top(c.Parent)
			continue
		case c.Op == collection.OpMove || c.Op == collection.OpReorder:
			sy.bytes += transferBytes
			continue
		case c.Kind == collection.KindResponse:
			b = responseBody(genericOf(c.ToResponse))
		case c.Kind == collection.KindFolder:
			b = folderBody(genericOf(shallowItem(c.To)))
		default:
			b = requestBody(genericOf(shallowItem(c.To)))
		}
		fields, other := c.Fields, c.Other
		if c.Op == collection.OpAdd {
			fields, other = 0, nil
			if c.Place {
				sy.bytes += transferBytes
			}
		}
		st.body = b.pick(fields, other)
		for _, g := range b.gapsOf(fields, other) {
			sy.gaps = append(sy.gaps, CollectionSyncGap{Change: c, Member: g.member, Reason: g.reason})
		}
		if data, err := json.Marshal(st.body); err == nil {
			sy.bytes += len(data)
		}
	}
}

// shallowItem is it without its children, which other changes handle.
func shallowItem(it *collection.Item) *collection.Item {
	cp := *it
	if cp.Items != nil {
		cp.Items = []*collection.Item{}
	}
	cp.Responses = nil
	return &cp
}

// patchParams builds the Patch of a collection-level change, naming what
// Patch cannot set.
func (sy *syncer) patchParams(c collection.Change) *CollectionPatchParams {
	gap := func(member, reason string) {
		sy.gaps = append(sy.gaps, CollectionSyncGap{Change: c, Member: member, Reason: reason})
	}
	strip := func(col *collection.Collection) jsonObject {
		cp := *col
		cp.Items = nil
		return genericOf(cp)
	}
	from, to := strip(sy.from), strip(sy.to)
	info := mapOf(to["info"])
	p := &CollectionPatchParams{}
	if c.Fields.Has(collection.FieldName) {
		p.Name = Ptr(jsonScalarText(info["name"]))
	}
	if c.Fields.Has(collection.FieldDescription) {
		switch d := info["description"].(type) {
		case nil:
			p.Description = Ptr("")
		case string:
			p.Description = Ptr(d)
		default:
			gap("info.description", "Patch takes a description as text only")
		}
	}
	if c.Fields.Has(collection.FieldAuth) {
		if to["auth"] == nil {
			gap("auth", "Patch cannot remove the collection's auth")
		} else {
			var a collection.Auth
			if err := remarshal(to["auth"], &a); err != nil {
				gap("auth", err.Error())
			} else {
				p.Auth = &a
			}
		}
	}
	if c.Fields.Has(collection.FieldScripts) {
		p.Events = []collection.Event{}
		if err := remarshal(to["event"], &p.Events); err != nil {
			gap("event", err.Error())
		}
		for i := range p.Events {
			// Postman requires each script to carry an ID of the client's.
			if s := p.Events[i].Script; s != nil && s.ID == "" {
				s.ID = newScriptID()
			}
		}
	}
	if c.Fields.Has(collection.FieldVariables) {
		p.Variables = sy.patchVariables(asList(from["variable"]), asList(to["variable"]), gap)
	}
	for _, k := range c.Other {
		gap(k, "Patch cannot set it")
	}
	return p
}

// patchVariables returns the variables to send, or names why Patch,
// which adds variables and changes them by key, cannot give want.
func (sy *syncer) patchVariables(have, want []any, gap func(member, reason string)) []collection.Variable {
	merged := slices.Clone(have)
	for _, w := range want {
		wm := mapOf(w)
		for k := range wm {
			if !slices.Contains([]string{"key", "value", "type", "disabled"}, k) {
				gap("variable", "Patch refuses a collection variable's "+strconv.Quote(k))
			}
		}
		if wm["type"] == "secret" {
			gap("variable", "Patch refuses secret variables")
		}
		i := slices.IndexFunc(merged, func(h any) bool { return reflect.DeepEqual(mapOf(h)["key"], wm["key"]) })
		if i >= 0 {
			merged[i] = w
		} else {
			merged = append(merged, w)
		}
	}
	if !reflect.DeepEqual(merged, want) && !(len(merged) == 0 && len(want) == 0) {
		gap("variable", "Patch adds and changes collection variables but cannot remove or reorder them")
	}
	out := []collection.Variable{}
	if err := remarshal(want, &out); err != nil {
		gap("variable", err.Error())
	}
	return out
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// remarshal decodes generic JSON into dst.
func remarshal(v, dst any) error {
	if v == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, dst)
}

// newScriptID returns a random UUID for a script sent to Patch.
func newScriptID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// replaceDocument returns what the fallback sends to Replace: desired
// (converted if it is in the v2.0 format), with the IDs of the items matched in the collection,
// so that they keep them; and the size of that body.
func (sy *syncer) replaceDocument() (*collection.Collection, int, error) {
	data, err := sy.desired.MarshalJSON()
	if err != nil {
		return nil, 0, err
	}
	doc, err := collection.Parse(data)
	if err != nil {
		return nil, 0, err
	}
	if doc.Format() == collection.FormatV20 {
		// Postman documents only the v2.1 form for Replace.
		if err := doc.Convert(collection.FormatV21); err != nil {
			return nil, 0, err
		}
	}
	doc.Info.PostmanID = sy.colID
	sy.carryIDs(doc.Items, sy.to.Items)
	body, err := collectionEnvelope("Sync", doc)
	if err != nil {
		return nil, 0, err
	}
	return doc, len(body), nil
}

// carryIDs gives the items of desired (orig) the IDs of those their
// normal forms (norm, subfolders first) were matched with.
func (sy *syncer) carryIDs(orig, norm []*collection.Item) {
	perm := make([]*collection.Item, 0, len(orig))
	for _, folders := range []bool{true, false} {
		for _, it := range orig {
			if (it != nil && it.IsFolder()) == folders {
				perm = append(perm, it)
			}
		}
	}
	if len(perm) != len(norm) {
		return
	}
	for i, n := range norm {
		o := perm[i]
		if o == nil || n == nil {
			continue
		}
		if m := sy.plan.Match(n); m != nil {
			o.ID = itemIDOf(m)
		}
		if o.IsFolder() {
			sy.carryIDs(o.Items, n.Items)
		}
		if len(o.Responses) != len(n.Responses) {
			continue
		}
		for j, r := range n.Responses {
			if r == nil || o.Responses[j] == nil {
				continue
			}
			if m := sy.plan.MatchResponse(r); m != nil {
				o.Responses[j].ID = responseIDOf(m)
			}
		}
	}
}

// itemIDOf is the ID Postman knows an item of the collection by.
func itemIDOf(it *collection.Item) string {
	if it.ID != "" {
		return it.ID
	}
	return extraID(it.Extra)
}

func responseIDOf(r *collection.Response) string {
	if r.ID != "" {
		return r.ID
	}
	return extraID(r.Extra)
}

// extraID reads an ID from "_postman_id" or the ID part of "uid".
func extraID(extra func(string) (json.RawMessage, bool)) string {
	var s string
	if raw, ok := extra("_postman_id"); ok && json.Unmarshal(raw, &s) == nil && s != "" {
		return s
	}
	if raw, ok := extra("uid"); ok && json.Unmarshal(raw, &s) == nil {
		if _, id, ok := strings.Cut(s, "-"); ok {
			return id
		}
	}
	return ""
}

// uid is the UID of an element the transfers take.
func (sy *syncer) uid(id string) string {
	if sy.owner == "" {
		return id
	}
	return sy.owner + "-" + id
}

// itemID is the ID of an item of to: its match's, or the one it was
// created with.
func (sy *syncer) itemID(it *collection.Item) string {
	if m := sy.plan.Match(it); m != nil {
		return itemIDOf(m)
	}
	return sy.created[it]
}

func (sy *syncer) responseID(r *collection.Response) string {
	if m := sy.plan.MatchResponse(r); m != nil {
		return responseIDOf(m)
	}
	return sy.createdResp[r]
}

// apply makes the changes in the plan's order.
func (sy *syncer) apply(ctx context.Context, res *CollectionSyncResult, resp *Response) (*CollectionSyncResult, *Response, error) {
	changes := sy.plan.Changes
	done := make([]bool, len(changes))
	// finish lists the changes applied and not, the one at failed (if
	// not -1) first among the latter.
	finish := func(failed int) (applied, unapplied []collection.Change) {
		if failed >= 0 {
			unapplied = append(unapplied, changes[failed])
		}
		for i, c := range changes {
			switch {
			case done[i]:
				applied = append(applied, c)
			case i != failed:
				unapplied = append(unapplied, c)
			}
		}
		return applied, unapplied
	}
	for i, c := range changes {
		st := &sy.steps[i]
		if st.coveredBy >= 0 {
			continue // deleted with its folder or request
		}
		r, writes, err := sy.applyOne(ctx, c, st)
		res.Writes += writes
		if r != nil {
			resp = r
		}
		if err != nil {
			applied, unapplied := finish(i)
			res.Applied = applied
			return res, resp, &CollectionSyncError{Applied: applied, Unapplied: unapplied, Err: err}
		}
		done[i] = true
		for j := range changes {
			if sy.steps[j].coveredBy == i {
				done[j] = true
			}
		}
	}
	res.Applied, _ = finish(-1)
	return res, resp, nil
}

// applyOne makes one change and returns the last response and how many
// writes it made.
func (sy *syncer) applyOne(ctx context.Context, c collection.Change, st *syncStep) (*Response, int, error) {
	s := sy.s
	switch {
	case c.Kind == collection.KindCollection:
		_, r, err := s.Patch(ctx, sy.colID, *st.patch)
		return r, 1, err
	case c.Op == collection.OpAdd:
		r, err := sy.create(ctx, c, st.body)
		if err != nil || !c.Place {
			return r, 1, err
		}
		r2, err := sy.transfer(ctx, c)
		if r2 != nil {
			r = r2
		}
		return r, 2, err
	case c.Op == collection.OpMove || c.Op == collection.OpReorder:
		r, err := sy.transfer(ctx, c)
		return r, 1, err
	case c.Op == collection.OpUpdate:
		path, err := sy.itemPath(c)
		if err != nil {
			return nil, 0, err
		}
		_, r, err := collectionItemDo[syncCreated](ctx, s.client, &request{method: http.MethodPut, path: path, body: st.body})
		return r, 1, err
	case c.Op == collection.OpRemove:
		var r *Response
		var err error
		switch c.Kind {
		case collection.KindResponse:
			r, err = s.DeleteResponse(ctx, sy.colID, responseIDOf(c.FromResponse))
		case collection.KindFolder:
			r, err = s.DeleteFolder(ctx, sy.colID, itemIDOf(c.From))
		default:
			r, err = s.DeleteRequest(ctx, sy.colID, itemIDOf(c.From))
		}
		return r, 1, err
	}
	return nil, 0, fmt.Errorf("postman: Sync: cannot apply a change %v of a %v", c.Op, c.Kind)
}

// itemPath is the item endpoint of the element an update is about.
func (sy *syncer) itemPath(c collection.Change) (string, error) {
	switch c.Kind {
	case collection.KindResponse:
		return pathf("/collections/{collectionID}/responses/{responseID}", sy.colID, sy.responseID(c.ToResponse))
	case collection.KindFolder:
		return pathf("/collections/{collectionID}/folders/{folderID}", sy.colID, sy.itemID(c.To))
	}
	return pathf("/collections/{collectionID}/requests/{requestID}", sy.colID, sy.itemID(c.To))
}

// create adds the element of c at the end of its parent.
func (sy *syncer) create(ctx context.Context, c collection.Change, body map[string]any) (*Response, error) {
	var query any
	var path string
	var err error
	parent := ""
	if c.Parent != nil {
		parent = sy.itemID(c.Parent)
	}
	switch c.Kind {
	case collection.KindResponse:
		path, err = pathf("/collections/{collectionID}/responses", sy.colID)
		query = collectionResponseQuery{Request: parent}
	case collection.KindFolder:
		path, err = pathf("/collections/{collectionID}/folders", sy.colID)
		if parent != "" {
			body["folder"] = sy.uid(parent)
		}
	default:
		path, err = pathf("/collections/{collectionID}/requests", sy.colID)
		query = CollectionRequestCreateOptions{FolderID: parent}
	}
	if err != nil {
		return nil, err
	}
	data, r, err := collectionItemDo[syncCreated](ctx, sy.s.client, &request{method: http.MethodPost, path: path, query: query, body: body})
	if err != nil {
		return r, err
	}
	if data.ID == "" {
		return r, fmt.Errorf("postman: Sync: Postman created a %v without an ID", c.Kind)
	}
	if c.Kind == collection.KindResponse {
		sy.createdResp[c.ToResponse] = data.ID
	} else {
		sy.created[c.To] = data.ID
	}
	return r, nil
}

// syncCreated is the part of an item endpoint's answer Sync reads.
type syncCreated struct {
	ID string `json:"id"`
}

func (*syncCreated) setEnvelope(string, int64) {}

// transfer puts the element of c right after c.After (first when nil) in
// its parent, with one move. Postman keeps a folder's subfolders and
// requests in two lists, so a request whose predecessor is a folder goes
// first among the requests.
func (sy *syncer) transfer(ctx context.Context, c collection.Change) (*Response, error) {
	p := CollectionItemTransferParams{Mode: CollectionTransferMove, Location: CollectionTransferLocation{Position: CollectionTransferStart}}
	var call func(context.Context, CollectionItemTransferParams) ([]string, *Response, error)
	switch c.Kind {
	case collection.KindResponse:
		call = sy.s.TransferResponses
		p.IDs = []string{sy.uid(sy.responseID(c.ToResponse))}
		p.Target = CollectionTransferTarget{Model: CollectionModelRequest, ID: sy.uid(sy.itemID(c.Parent))}
		if c.AfterResponse != nil {
			p.Location = CollectionTransferLocation{Position: CollectionTransferAfter, Model: CollectionModelResponse, ID: sy.uid(sy.responseID(c.AfterResponse))}
		}
	default:
		call, p.IDs = sy.s.TransferRequests, []string{sy.uid(sy.itemID(c.To))}
		model := CollectionModelRequest
		if c.Kind == collection.KindFolder {
			call, model = sy.s.TransferFolders, CollectionModelFolder
		}
		p.Target = CollectionTransferTarget{Model: CollectionModelCollection, ID: sy.colUID}
		if c.Parent != nil {
			p.Target = CollectionTransferTarget{Model: CollectionModelFolder, ID: sy.uid(sy.itemID(c.Parent))}
		}
		if c.After != nil && c.After.IsFolder() == (c.Kind == collection.KindFolder) {
			p.Location = CollectionTransferLocation{Position: CollectionTransferAfter, Model: model, ID: sy.uid(sy.itemID(c.After))}
		}
	}
	_, r, err := call(ctx, p)
	return r, err
}
