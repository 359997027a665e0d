package postman

import (
	"context"
	"iter"
	"net/http"

	"github.com/postman-go/postman/internal/paginate"
)

// CursorOptions are the query parameters of cursor-paginated lists. Pass
// Cursor = Response.NextCursor to get the next page; the …Iter methods do
// it for you.
type CursorOptions struct {
	// Cursor is the position of the page ("" for the first page).
	Cursor string `url:"cursor,omitempty"`
	// Limit is the page size (the server's default and maximum vary by
	// endpoint, often 10 and 100).
	Limit int `url:"limit,omitempty"`
}

// OffsetOptions are the query parameters of offset-paginated lists.
type OffsetOptions struct {
	// Offset is the number of items to skip.
	Offset int `url:"offset,omitempty"`
	// Limit is the page size.
	Limit int `url:"limit,omitempty"`
}

// defaultIterLimit is the page size iterators ask for when the caller set
// none: the largest most endpoints accept, for the fewest calls.
const defaultIterLimit = 100

// Ptr returns a pointer to v, for optional fields of request types.
func Ptr[T any](v T) *T { return &v }

// cursorPaged is implemented by the options of every cursor-paginated
// list, so that one iterator can move the cursor of any of them. Options
// embedding CursorOptions get it from there; the few with a bare Cursor
// field (and perhaps a Limit) define it themselves. limit is nil where the
// endpoint takes no page size.
type cursorPaged interface {
	cursorPage() (cursor *string, limit *int)
}

func (o *CursorOptions) cursorPage() (*string, *int) { return &o.Cursor, &o.Limit }

// offsetPaged is implemented by the options of every offset- or
// index-paginated list. origin is the position of a list's first item: 0
// for offsets, 1 for SCIM's startIndex.
type offsetPaged interface {
	offsetPage() (pos, size *int, origin int)
}

func (o *OffsetOptions) offsetPage() (*int, *int, int) { return &o.Offset, &o.Limit, 0 }

// iterOptions copies the caller's options when an iterator is made: the
// iterator then never writes to the caller's value, and a later change
// the caller makes does not alter the pages it asks for. The copy is
// shallow; list methods only read the slices in options.
func iterOptions[O any](opts *O) O {
	var o O
	if opts != nil {
		o = *opts
	}
	return o
}

// cursorIter is the body of the cursor-paginated …Iter methods. Each page
// is asked for with a fresh copy of the options carrying that page's
// cursor, so a list method that kept or changed its argument could not
// affect the next page. defaultLimit is the page size when the caller set
// none (0 leaves it to the server).
func cursorIter[T, O any, P interface {
	*O
	cursorPaged
}](ctx context.Context, opts P, defaultLimit int, list func(context.Context, P) ([]*T, *Response, error)) iter.Seq2[*T, error] {
	o := iterOptions(opts)
	first, limit := P(&o).cursorPage()
	if limit != nil && *limit == 0 {
		*limit = defaultLimit
	}
	return paginate.Cursor(ctx, *first, func(ctx context.Context, cursor string) ([]*T, string, error) {
		page := o
		at, _ := P(&page).cursorPage()
		*at = cursor
		items, resp, err := list(ctx, &page)
		if err != nil {
			return nil, "", err
		}
		return items, resp.NextCursor, nil
	})
}

// offsetIter is the body of the offset- and index-paginated …Iter
// methods, as cursorIter is for cursors. Iteration stops after an empty
// page or at Response.Total, which counts the whole list while the
// iteration only sees what follows the first position.
//
// An index before the first is the first (RFC 7644 §3.4.2.4 says so of
// SCIM's startIndex below 1); an offset goes to the server as given.
func offsetIter[T, O any, P interface {
	*O
	offsetPaged
}](ctx context.Context, opts P, defaultLimit int, list func(context.Context, P) ([]*T, *Response, error)) iter.Seq2[*T, error] {
	o := iterOptions(opts)
	pos, size, origin := P(&o).offsetPage()
	if *size == 0 {
		*size = defaultLimit
	}
	if origin > 0 && *pos < origin {
		*pos = origin
	}
	first := *pos
	return paginate.Offset(ctx, first, func(ctx context.Context, at int) ([]*T, int, error) {
		page := o
		p, _, _ := P(&page).offsetPage()
		*p = at
		items, resp, err := list(ctx, &page)
		if err != nil {
			return nil, 0, err
		}
		return items, remainingAfter(resp.Total, first-origin), nil
	})
}

// remainingAfter turns a list's total into what paginate.Offset counts
// from the first position: the items left after the skipped ones. 0,
// unknown, stays 0; a known total stays known (at least 1) when the
// caller starts at or past it, so that one page ends the iteration.
func remainingAfter(total, skipped int) int {
	if total == 0 {
		return 0
	}
	return max(total-skipped, 1)
}

// pageMeta is the "meta" member of Postman's list pages: where the page
// stands. Each list documents some of these members; the others are
// absent and stay zero. A null nextCursor reads as "", like a missing one.
// Postman types the numbers as JSON numbers, which some lists write with a
// fraction, hence float64.
type pageMeta struct {
	NextCursor string  `json:"nextCursor"`
	PrevCursor string  `json:"prevCursor"`
	Total      float64 `json:"total"`
	Offset     float64 `json:"offset"`
	Limit      float64 `json:"limit"`
}

// setOn records the page position on resp.
func (m pageMeta) setOn(resp *Response) {
	resp.NextCursor, resp.PrevCursor = m.NextCursor, m.PrevCursor
	resp.Total, resp.Offset, resp.Limit = int(m.Total), int(m.Offset), int(m.Limit)
}

// dataPage is the most common envelope of a list page:
// {"data": [...], "meta": {...}}. Lists with another item key declare
// their own root with a Meta pageMeta member.
type dataPage[T any] struct {
	Data []*T     `json:"data"`
	Meta pageMeta `json:"meta"`
}

// fetchPage sends r, which answers with a dataPage, and returns its items
// with the page's position recorded on the response.
func fetchPage[T any](ctx context.Context, c *Client, r *request) ([]*T, *Response, error) {
	var page dataPage[T]
	resp, err := c.do(ctx, r, &page)
	if err != nil {
		return nil, resp, err
	}
	page.Meta.setOn(resp)
	return page.Data, resp, nil
}

// getPage is fetchPage for the usual GET of a list at path with its
// options as the query.
func getPage[T any](ctx context.Context, c *Client, path string, query any) ([]*T, *Response, error) {
	return fetchPage[T](ctx, c, &request{method: http.MethodGet, path: path, query: query})
}
