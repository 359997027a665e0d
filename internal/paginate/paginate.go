// Package paginate drives the SDK's list iterators over Postman's three
// pagination styles: cursor (cursor + limit, meta.nextCursor), offset
// (offset + limit, meta.total) and SCIM (startIndex + count, totalResults).
// Each iterator is lazy, holds one page at a time, stops when the caller's
// loop breaks, yields an error once as its last element, and never loops on
// a cursor the server repeats.
package paginate

import (
	"context"
	"errors"
	"iter"
	"reflect"
)

// ErrLoop ends an iteration whose server handed back a cursor it had
// already given, or the very page it had just given. It is the value
// behind postman.ErrPaginationLoop.
var ErrLoop = errors.New("postman: the server repeated a pagination cursor or page")

// ErrStalled ends an iteration after MaxEmptyPages pages in a row that
// brought no item but pointed to yet another page. It is the value behind
// postman.ErrPaginationStalled.
var ErrStalled = errors.New("postman: the server's pages bring no items but never end")

// MaxEmptyPages is how many empty pages in a row an iterator follows
// before it gives up with ErrStalled.
const MaxEmptyPages = 5

// recentCursors is how many of the latest cursors are kept to catch a
// short cycle at once; longer cycles are caught by Brent's algorithm,
// which keeps one cursor, so that memory never grows with the pages.
const recentCursors = 32

// cursorGuard recognises a cursor the server gave before, in bounded
// memory: exactly among the latest recentCursors, and, for any longer
// cycle, within about twice its length (Brent's cycle detection).
type cursorGuard struct {
	recent       [recentCursors]string
	n            int
	saved        string // Brent: the cursor compared against
	power, steps int
}

func newCursorGuard(first string) *cursorGuard {
	g := &cursorGuard{saved: first, power: 1}
	g.recent[0], g.n = first, 1
	return g
}

// repeated records next and reports whether it was seen before.
func (g *cursorGuard) repeated(next string) bool {
	for i := range min(g.n, recentCursors) {
		if g.recent[i] == next {
			return true
		}
	}
	if next == g.saved {
		return true
	}
	g.recent[g.n%recentCursors] = next
	g.n++
	if g.steps++; g.steps == g.power {
		g.saved, g.power, g.steps = next, g.power*2, 0
	}
	return false
}

// samePage reports whether a page holds the very items of the previous
// one: a server that ignores the cursor or offset it is sent.
func samePage[T any](prev, items []*T) bool {
	return len(items) > 0 && len(prev) == len(items) && reflect.DeepEqual(prev, items)
}

// CursorPage fetches the page at cursor ("" for the first) and returns its
// items and the next cursor ("" after the last page).
type CursorPage[T any] func(ctx context.Context, cursor string) (items []*T, next string, err error)

// Cursor iterates over the items of every page of a cursor-paginated list,
// starting at cursor first.
func Cursor[T any](ctx context.Context, first string, page CursorPage[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		guard := newCursorGuard(first)
		cursor, empty := first, 0
		var prev []*T
		for {
			items, next, err := page(ctx, cursor)
			if err != nil {
				yield(nil, err)
				return
			}
			if samePage(prev, items) {
				yield(nil, ErrLoop)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			if guard.repeated(next) {
				yield(nil, ErrLoop)
				return
			}
			if empty = emptyRun(empty, items); empty >= MaxEmptyPages {
				yield(nil, ErrStalled)
				return
			}
			cursor, prev = next, items
		}
	}
}

// OffsetPage fetches the page starting at offset and returns its items
// and the total number of items (0 when the server does not say).
type OffsetPage[T any] func(ctx context.Context, offset int) (items []*T, total int, err error)

// Offset iterates over the items of every page of an offset- or
// index-paginated list, starting at position first (0 for offset lists,
// 1 for SCIM's startIndex). It stops after an empty page or once the
// total is reached, and with ErrLoop when a page repeats the previous one
// (a server that ignores the offset would otherwise serve it for ever).
func Offset[T any](ctx context.Context, first int, page OffsetPage[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		pos := first
		var prev []*T
		for {
			items, total, err := page(ctx, pos)
			if err != nil {
				yield(nil, err)
				return
			}
			if samePage(prev, items) {
				yield(nil, ErrLoop)
				return
			}
			prev = items
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			pos += len(items)
			if len(items) == 0 || (total > 0 && pos-first >= total) {
				return
			}
		}
	}
}

// emptyRun is the count of empty pages in a row once items arrived.
func emptyRun[T any](run int, items []*T) int {
	if len(items) > 0 {
		return 0
	}
	return run + 1
}
