package postmantest

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// cursorPage is the position a cursor-paginated list was asked for.
type cursorPage struct {
	offset  int
	limit   int
	limited bool // the caller passed limit: Postman only paginates then
}

type span struct{ start, end int }

// maxLimit is the largest page most Postman lists accept.
const maxLimit = 100

// parsePage reads cursor and limit, answering 400 like Postman for bad ones.
func parsePage(w http.ResponseWriter, q url.Values) (cursorPage, bool) {
	p := cursorPage{limit: -1}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			writeJSON(w, http.StatusBadRequest, map[string]any{"type": "invalidParamError", "title": "Invalid limit value",
				"detail": "The limit value must be an integer between 1 and 100.", "status": 400})
			return p, false
		}
		p.limit, p.limited = n, true
	}
	if c := q.Get("cursor"); c != "" {
		off, ok := decodeCursor(c)
		if !ok {
			writeJSON(w, http.StatusBadRequest, map[string]any{"type": "invalidParamError", "title": "Invalid cursor",
				"detail": "The cursor is not valid.", "status": 400})
			return p, false
		}
		p.offset = off
	}
	return p, true
}

// slice returns the span of n items this page holds and the cursor of
// the next page ("" on the last).
func (p cursorPage) slice(n int) (span, string) {
	start := min(p.offset, n)
	end := n
	if p.limit > 0 {
		end = min(start+p.limit, n)
	}
	next := ""
	if end < n {
		next = encodeCursor(end)
	}
	return span{start, end}, next
}

// pageOf returns the items of list this page holds, never nil so that
// an empty page is [], and the cursor of the next page ("" on the last).
func pageOf[T any](p cursorPage, list []T) ([]T, string) {
	sp, next := p.slice(len(list))
	items := list[sp.start:sp.end]
	if items == nil {
		items = []T{}
	}
	return items, next
}

func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(raw), "offset:"))
	return n, err == nil && n >= 0 && strings.HasPrefix(string(raw), "offset:")
}

// readPage reads the cursor and limit of a cursor-paginated list whose
// pages hold def items unless limit says otherwise (def 0: everything)
// and at most max (0: no maximum). It returns a description of what is
// wrong with them; each endpoint answers that in its own error shape.
func readPage(q url.Values, def, max int) (cursorPage, string) {
	p := cursorPage{limit: def}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || (max > 0 && n > max) {
			if max > 0 {
				return p, "The limit value must be an integer between 1 and " + strconv.Itoa(max) + "."
			}
			return p, "The limit value must be a positive integer."
		}
		p.limit, p.limited = n, true
	}
	if c := q.Get("cursor"); c != "" {
		off, ok := decodeCursor(c)
		if !ok {
			return p, "Invalid cursor"
		}
		p.offset = off
	}
	return p, ""
}

// nextCursor is the meta.nextCursor of a page: the cursor, or null on the
// last page.
func nextCursor(next string) any {
	if next == "" {
		return nil
	}
	return next
}

// descending reports whether a list's direction parameter asks for the
// newest first, given the endpoint's default.
func descending(q url.Values, byDefault bool) bool {
	switch strings.ToLower(q.Get("direction")) {
	case "asc":
		return false
	case "desc":
		return true
	}
	return byDefault
}
