package paginate

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type item struct{ n int }

// cursorPages serves total items in pages of size, the cursor being the
// next offset; it records the cursors it was asked for.
func cursorPages(total, size int, asked *[]string) CursorPage[item] {
	return func(_ context.Context, cursor string) ([]*item, string, error) {
		*asked = append(*asked, cursor)
		start := 0
		if cursor != "" {
			start, _ = strconv.Atoi(cursor)
		}
		var items []*item
		for i := start; i < min(start+size, total); i++ {
			items = append(items, &item{i})
		}
		next := ""
		if start+size < total {
			next = strconv.Itoa(start + size)
		}
		return items, next, nil
	}
}

func TestCursor(t *testing.T) {
	t.Parallel()
	var asked []string
	var got []int
	for it, err := range Cursor(t.Context(), "", cursorPages(25, 10, &asked)) {
		require.NoError(t, err)
		got = append(got, it.n)
	}
	assert.Len(t, got, 25)
	assert.Equal(t, 24, got[24])
	assert.Equal(t, []string{"", "10", "20"}, asked)

	// Lazy: nothing is fetched before the loop, and a break stops fetching.
	asked = nil
	seq := Cursor(t.Context(), "", cursorPages(25, 10, &asked))
	assert.Empty(t, asked)
	for it := range seq {
		if it.n == 10 {
			break
		}
	}
	assert.Equal(t, []string{"", "10"}, asked)

	// A starting cursor is honoured.
	asked = nil
	n := 0
	for range Cursor(t.Context(), "20", cursorPages(25, 10, &asked)) {
		n++
	}
	assert.Equal(t, 5, n)
	assert.Equal(t, []string{"20"}, asked)

	// An empty list yields nothing.
	asked = nil
	for range Cursor(t.Context(), "", cursorPages(0, 10, &asked)) {
		t.Fatal("nothing to yield")
	}
}

// errRunaway ends a test's page function that was called far more often
// than the guard under test allows, so that a broken guard fails the test
// at once instead of looping until the test binary's timeout.
var errRunaway = errors.New("test: the iterator kept asking for pages")

// bounded wraps page so that call max+1 fails the test and ends the
// iteration.
func bounded[T any](t *testing.T, max int, page CursorPage[T]) CursorPage[T] {
	calls := 0
	return func(ctx context.Context, cursor string) ([]*T, string, error) {
		if calls++; calls > max {
			t.Errorf("page %d asked for: the iterator should have stopped", calls)
			return nil, "", errRunaway
		}
		return page(ctx, cursor)
	}
}

func TestCursorStopsOnARepeatedCursor(t *testing.T) {
	t.Parallel()
	calls := 0
	page := bounded(t, 50, func(_ context.Context, cursor string) ([]*item, string, error) {
		calls++
		next := map[string]string{"": "a", "a": "b", "b": "a"}[cursor]
		return []*item{{calls}}, next, nil
	})
	var items, errs int
	for _, err := range Cursor(t.Context(), "", page) {
		if err != nil {
			assert.ErrorIs(t, err, ErrLoop)
			errs++
			continue
		}
		items++
	}
	assert.Equal(t, 3, items)
	assert.Equal(t, 1, errs, "the error is yielded once, last")
	assert.Equal(t, 3, calls)

	// The first cursor counts as seen too.
	calls = 0
	for _, err := range Cursor(t.Context(), "x", bounded(t, 50, func(context.Context, string) ([]*item, string, error) {
		calls++
		return nil, "x", nil
	})) {
		assert.ErrorIs(t, err, ErrLoop)
	}
	assert.Equal(t, 1, calls)
}

func TestCursorYieldsAnErrorOnceAndStops(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	calls := 0
	page := func(_ context.Context, cursor string) ([]*item, string, error) {
		calls++
		if cursor == "2" {
			return nil, "", boom
		}
		return []*item{{calls}}, "2", nil
	}
	var seen []error
	for it, err := range Cursor(t.Context(), "", page) {
		if err != nil {
			assert.Nil(t, it)
		}
		seen = append(seen, err)
	}
	assert.Equal(t, []error{nil, boom}, seen)
	assert.Equal(t, 2, calls)

	// Breaking on the error is fine too.
	for _, err := range Cursor(t.Context(), "", page) {
		if err != nil {
			break
		}
	}
}

func TestCursorPassesTheContext(t *testing.T) {
	t.Parallel()
	type key struct{}
	ctx := context.WithValue(t.Context(), key{}, "v")
	for range Cursor(ctx, "", func(c context.Context, _ string) ([]*item, string, error) {
		assert.Equal(t, "v", c.Value(key{}))
		return nil, "", nil
	}) {
	}
}

func TestOffset(t *testing.T) {
	t.Parallel()
	// total known: stops when it is reached, even if the last page is full.
	var asked []int
	page := func(total, size int, reportTotal bool) OffsetPage[item] {
		return func(_ context.Context, offset int) ([]*item, int, error) {
			asked = append(asked, offset)
			var items []*item
			for i := offset; i < min(offset+size, total); i++ {
				items = append(items, &item{i})
			}
			if reportTotal {
				return items, total, nil
			}
			return items, 0, nil
		}
	}
	n := 0
	for it, err := range Offset(t.Context(), 0, page(30, 10, true)) {
		require.NoError(t, err)
		assert.Equal(t, n, it.n)
		n++
	}
	assert.Equal(t, 30, n)
	assert.Equal(t, []int{0, 10, 20}, asked, "no request past the total")

	// total unknown: stops at the first empty page.
	asked = nil
	n = 0
	for range Offset(t.Context(), 0, page(25, 10, false)) {
		n++
	}
	assert.Equal(t, 25, n)
	assert.Equal(t, []int{0, 10, 20, 25}, asked)

	// SCIM starts at 1; the total counts from there.
	asked = nil
	n = 0
	for range Offset(t.Context(), 1, func(_ context.Context, start int) ([]*item, int, error) {
		asked = append(asked, start)
		if start > 5 {
			return nil, 6, nil
		}
		return []*item{{start}, {start + 1}, {start + 2}}, 6, nil
	}) {
		n++
	}
	assert.Equal(t, 6, n)
	assert.Equal(t, []int{1, 4}, asked)

	// Early stop and errors.
	asked = nil
	for it := range Offset(t.Context(), 0, page(100, 10, true)) {
		if it.n == 12 {
			break
		}
	}
	assert.Equal(t, []int{0, 10}, asked)
	boom := errors.New("boom")
	var errs []error
	for _, err := range Offset(t.Context(), 0, func(context.Context, int) ([]*item, int, error) { return nil, 0, boom }) {
		errs = append(errs, err)
	}
	assert.Equal(t, []error{boom}, errs)
}

// FuzzCursor checks that no sequence of cursors makes the iterator loop
// forever or yield more than one error.
func FuzzCursor(f *testing.F) {
	f.Add([]byte{1, 2, 3, 0})
	f.Add([]byte{1, 1})
	f.Add([]byte{5, 4, 3, 2, 1, 2})
	f.Fuzz(func(t *testing.T, cursors []byte) {
		calls := 0
		page := func(_ context.Context, _ string) ([]*item, string, error) {
			if calls >= len(cursors) {
				return nil, "", nil
			}
			c := cursors[calls]
			calls++
			next := ""
			if c != 0 {
				next = strconv.Itoa(int(c))
			}
			return []*item{{int(c)}}, next, nil
		}
		errs := 0
		for _, err := range Cursor(context.Background(), "", page) {
			if err != nil {
				errs++
			}
		}
		if errs > 1 || calls > 257 {
			t.Fatalf("%d errors after %d calls", errs, calls)
		}
	})
}

// TestCursorEndsOnEmptyPagesThatNeverEnd: a server whose every page is
// empty but names a new cursor is followed MaxEmptyPages times, then the
// iterator ends with ErrStalled.
func TestCursorEndsOnEmptyPagesThatNeverEnd(t *testing.T) {
	t.Parallel()
	calls := 0
	page := bounded(t, 100, func(_ context.Context, _ string) ([]*item, string, error) {
		calls++
		return nil, "c" + strconv.Itoa(calls), nil
	})
	var errs []error
	for _, err := range Cursor(t.Context(), "", page) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrStalled)
	assert.Equal(t, MaxEmptyPages, calls)

	// An empty page between full ones is followed.
	calls = 0
	n := 0
	for _, err := range Cursor(t.Context(), "", func(_ context.Context, c string) ([]*item, string, error) {
		calls++
		switch c {
		case "":
			return []*item{{1}}, "empty", nil
		case "empty":
			return nil, "last", nil
		}
		return []*item{{2}}, "", nil
	}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 2, n)
}

// TestCursorCatchesCyclesLongerThanItRemembers: a cycle of 200 distinct
// cursors, each page bringing new-looking items, ends with ErrLoop
// within a few times the cycle's length, while the iterator keeps only
// a fixed number of cursors.
func TestCursorCatchesCyclesLongerThanItRemembers(t *testing.T) {
	t.Parallel()
	const cycle = 200
	calls := 0
	page := bounded(t, 4*cycle, func(_ context.Context, c string) ([]*item, string, error) {
		calls++
		i := 0
		if c != "" {
			i, _ = strconv.Atoi(c)
		}
		return []*item{{calls}}, strconv.Itoa((i + 1) % cycle), nil
	})
	var last error
	for _, err := range Cursor(t.Context(), "", page) {
		last = err
	}
	assert.ErrorIs(t, last, ErrLoop)

	// A long list that never repeats is not mistaken for a cycle.
	calls = 0
	n := 0
	for _, err := range Cursor(t.Context(), "", func(_ context.Context, c string) ([]*item, string, error) {
		calls++
		if calls == 5000 {
			return []*item{{calls}}, "", nil
		}
		return []*item{{calls}}, "p" + strconv.Itoa(calls), nil
	}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 5000, n)
}

// TestOffsetEndsWhenTheServerIgnoresTheOffset: the same page again is
// not yielded again; the iterator ends with ErrLoop.
func TestOffsetEndsWhenTheServerIgnoresTheOffset(t *testing.T) {
	t.Parallel()
	calls := 0
	page := func(_ context.Context, _ int) ([]*item, int, error) {
		if calls++; calls > 50 {
			t.Errorf("page %d asked for: the iterator should have stopped", calls)
			return nil, 0, errRunaway
		}
		return []*item{{1}, {2}}, 0, nil
	}
	var got []int
	var last error
	for it, err := range Offset(t.Context(), 0, page) {
		if err != nil {
			last = err
			continue
		}
		got = append(got, it.n)
	}
	assert.Equal(t, []int{1, 2}, got)
	assert.ErrorIs(t, last, ErrLoop)
	assert.Equal(t, 2, calls)
}
