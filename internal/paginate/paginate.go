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
)

// ErrLoop ends an iteration whose server handed back a cursor it had
// already given. It is the value behind postman.ErrPaginationLoop.
var ErrLoop = errors.New("postman: the server repeated a pagination cursor")

// CursorPage fetches the page at cursor ("" for the first) and returns its
// items and the next cursor ("" after the last page).
type CursorPage[T any] func(ctx context.Context, cursor string) (items []*T, next string, err error)

// Cursor iterates over the items of every page of a cursor-paginated list,
// starting at cursor first.
func Cursor[T any](ctx context.Context, first string, page CursorPage[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		seen := map[string]struct{}{first: {}}
		cursor := first
		for {
			items, next, err := page(ctx, cursor)
			if err != nil {
				yield(nil, err)
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
			if _, dup := seen[next]; dup {
				yield(nil, ErrLoop)
				return
			}
			seen[next] = struct{}{}
			cursor = next
		}
	}
}

// OffsetPage fetches the page starting at offset and returns its items
// and the total number of items (0 when the server does not say).
type OffsetPage[T any] func(ctx context.Context, offset int) (items []*T, total int, err error)

// Offset iterates over the items of every page of an offset- or
// index-paginated list, starting at position first (0 for offset lists,
// 1 for SCIM's startIndex). It stops after an empty page or once the
// total is reached.
func Offset[T any](ctx context.Context, first int, page OffsetPage[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		pos := first
		for {
			items, total, err := page(ctx, pos)
			if err != nil {
				yield(nil, err)
				return
			}
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
