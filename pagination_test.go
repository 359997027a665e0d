package postman

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"testing"

	"github.com/stretchr/testify/require"
)

// pagedOptions is an options type as the list methods have them: filters,
// a slice among them, and CursorOptions and OffsetOptions to page.
type pagedOptions struct {
	Tags []string
	CursorOptions
}

type offsetPagedOptions struct {
	Tags []string
	OffsetOptions
}

// bareCursorOptions pages with a Cursor field and no page size.
type bareCursorOptions struct{ Cursor string }

func (o *bareCursorOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// fakeCursorList serves items "a".."e" two a page, keyed by cursor, and
// records the options of each call. It changes its argument, as a list
// method must be free to, to show the next page is unaffected.
type fakeCursorList struct {
	calls []pagedOptions
	fail  map[string]error
}

func (f *fakeCursorList) list(_ context.Context, o *pagedOptions) ([]*string, *Response, error) {
	f.calls = append(f.calls, *o)
	pages := map[string]struct {
		items []string
		next  string
	}{"": {[]string{"a", "b"}, "c2"}, "c2": {[]string{"c", "d"}, "c3"}, "c3": {[]string{"e"}, ""}}
	if err := f.fail[o.Cursor]; err != nil {
		return nil, &Response{}, err
	}
	p := pages[o.Cursor]
	o.Cursor, o.Limit = "changed", -1
	var items []*string
	for _, it := range p.items {
		items = append(items, Ptr(it))
	}
	return items, &Response{NextCursor: p.next}, nil
}

// collect ranges over seq and returns its items and errors.
func collect[T any](seq iter.Seq2[*T, error]) (items []T, errs []error) {
	for it, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, *it)
	}
	return items, errs
}

func TestCursorIterCopiesTheCallersOptions(t *testing.T) {
	f := &fakeCursorList{}
	tags := []string{"x", "y"}
	opts := &pagedOptions{Tags: tags}
	items, errs := collect(cursorIter(t.Context(), opts, 50, f.list))
	require.Empty(t, errs)
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, items)
	require.Equal(t, &pagedOptions{Tags: []string{"x", "y"}}, opts, "the caller's options are unchanged")
	require.Equal(t, []string{"x", "y"}, tags, "the caller's slice is unchanged")
	require.Equal(t, []pagedOptions{
		{Tags: tags, CursorOptions: CursorOptions{Cursor: "", Limit: 50}},
		{Tags: tags, CursorOptions: CursorOptions{Cursor: "c2", Limit: 50}},
		{Tags: tags, CursorOptions: CursorOptions{Cursor: "c3", Limit: 50}},
	}, f.calls, "each page is a fresh copy: the list's changes to the previous one do not carry over")
}

func TestCursorIterSnapshotsOptionsWhenMade(t *testing.T) {
	f := &fakeCursorList{}
	opts := &pagedOptions{CursorOptions: CursorOptions{Cursor: "c3", Limit: 7}}
	seq := cursorIter(t.Context(), opts, 50, f.list)
	opts.Cursor, opts.Limit = "", 1
	items, errs := collect(seq)
	require.Empty(t, errs)
	require.Equal(t, []string{"e"}, items, "the iteration starts at the cursor the options had when it was made")
	require.Equal(t, CursorOptions{Cursor: "c3", Limit: 7}, f.calls[0].CursorOptions)
}

func TestCursorIterDefaultLimitOnlyWhenZero(t *testing.T) {
	for _, tc := range []struct {
		name          string
		opts          *pagedOptions
		def, wantSize int
	}{
		{"nil options", nil, 50, 50},
		{"zero limit", &pagedOptions{}, 50, 50},
		{"caller's limit", &pagedOptions{CursorOptions: CursorOptions{Limit: 7}}, 50, 7},
		{"no default", &pagedOptions{}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeCursorList{}
			_, errs := collect(cursorIter(t.Context(), tc.opts, tc.def, f.list))
			require.Empty(t, errs)
			require.Len(t, f.calls, 3)
			for _, c := range f.calls {
				require.Equal(t, tc.wantSize, c.Limit)
			}
		})
	}
}

func TestCursorIterWithoutPageSize(t *testing.T) {
	var cursors []string
	list := func(_ context.Context, o *bareCursorOptions) ([]*int, *Response, error) {
		cursors = append(cursors, o.Cursor)
		if o.Cursor == "" {
			return []*int{Ptr(1)}, &Response{NextCursor: "n"}, nil
		}
		return []*int{Ptr(2)}, &Response{}, nil
	}
	opts := &bareCursorOptions{}
	items, errs := collect(cursorIter(t.Context(), opts, 50, list))
	require.Empty(t, errs)
	require.Equal(t, []int{1, 2}, items)
	require.Equal(t, []string{"", "n"}, cursors)
	require.Equal(t, &bareCursorOptions{}, opts)
}

func TestCursorIterEarlyStopFetchesNoFurtherPage(t *testing.T) {
	f := &fakeCursorList{}
	for it, err := range cursorIter(t.Context(), &pagedOptions{}, 50, f.list) {
		require.NoError(t, err)
		if *it == "c" {
			break
		}
	}
	require.Len(t, f.calls, 2)

	// The sequence starts over when ranged over again.
	f = &fakeCursorList{}
	seq := cursorIter(t.Context(), &pagedOptions{}, 50, f.list)
	for range seq {
		break
	}
	items, _ := collect(seq)
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, items)
	require.Len(t, f.calls, 4)
}

func TestCursorIterYieldsAnErrorOnce(t *testing.T) {
	boom := errors.New("boom")
	f := &fakeCursorList{fail: map[string]error{"c2": boom}}
	items, errs := collect(cursorIter(t.Context(), &pagedOptions{}, 50, f.list))
	require.Equal(t, []string{"a", "b"}, items)
	require.Equal(t, []error{boom}, errs)
	require.Len(t, f.calls, 2)
}

// fakeOffsetList serves a list of total numbered items from position
// origin, and records the options of each call.
type fakeOffsetList struct {
	total, origin int
	hideTotal     bool
	fail          error
	calls         []offsetPagedOptions
}

func (f *fakeOffsetList) list(_ context.Context, o *offsetPagedOptions) ([]*int, *Response, error) {
	f.calls = append(f.calls, *o)
	if f.fail != nil && len(f.calls) == 2 {
		return nil, &Response{}, f.fail
	}
	var items []*int
	for i := o.Offset; i < f.origin+f.total && len(items) < o.Limit; i++ {
		items = append(items, Ptr(i))
	}
	o.Offset, o.Limit = -1, -1
	resp := &Response{Total: f.total}
	if f.hideTotal {
		resp.Total = 0
	}
	return items, resp, nil
}

func TestOffsetIterCopiesTheCallersOptions(t *testing.T) {
	f := &fakeOffsetList{total: 5}
	opts := &offsetPagedOptions{Tags: []string{"x"}, OffsetOptions: OffsetOptions{Offset: 1}}
	seq := offsetIter(t.Context(), opts, 2, f.list)
	items, errs := collect(seq)
	require.Empty(t, errs)
	require.Equal(t, []int{1, 2, 3, 4}, items)
	require.Equal(t, &offsetPagedOptions{Tags: []string{"x"}, OffsetOptions: OffsetOptions{Offset: 1}}, opts)
	var got []OffsetOptions
	for _, c := range f.calls {
		require.Equal(t, []string{"x"}, c.Tags)
		got = append(got, c.OffsetOptions)
	}
	require.Equal(t, []OffsetOptions{{Offset: 1, Limit: 2}, {Offset: 3, Limit: 2}}, got,
		"fresh copies, and no page after the total is reached")
}

func TestOffsetIterStops(t *testing.T) {
	t.Run("unknown total: at an empty page", func(t *testing.T) {
		f := &fakeOffsetList{total: 4, hideTotal: true}
		items, errs := collect(offsetIter(t.Context(), &offsetPagedOptions{}, 2, f.list))
		require.Empty(t, errs)
		require.Equal(t, []int{0, 1, 2, 3}, items)
		require.Len(t, f.calls, 3)
	})
	t.Run("starting past the total: after one page", func(t *testing.T) {
		f := &fakeOffsetList{total: 4}
		items, _ := collect(offsetIter(t.Context(), &offsetPagedOptions{OffsetOptions: OffsetOptions{Offset: 3}}, 1, f.list))
		require.Equal(t, []int{3}, items)
		require.Len(t, f.calls, 1)
	})
	t.Run("early stop", func(t *testing.T) {
		f := &fakeOffsetList{total: 10}
		for it, err := range offsetIter(t.Context(), &offsetPagedOptions{}, 2, f.list) {
			require.NoError(t, err)
			if *it == 2 {
				break
			}
		}
		require.Len(t, f.calls, 2)
	})
	t.Run("error, once", func(t *testing.T) {
		boom := errors.New("boom")
		f := &fakeOffsetList{total: 10, fail: boom}
		items, errs := collect(offsetIter(t.Context(), &offsetPagedOptions{}, 2, f.list))
		require.Equal(t, []int{0, 1}, items)
		require.Equal(t, []error{boom}, errs)
		require.Len(t, f.calls, 2)
	})
}

func TestOffsetIterDefaultLimitOnlyWhenZero(t *testing.T) {
	f := &fakeOffsetList{total: 3}
	_, _ = collect(offsetIter(t.Context(), (*offsetPagedOptions)(nil), 2, f.list))
	require.Equal(t, 2, f.calls[0].Limit)
	f = &fakeOffsetList{total: 3}
	_, _ = collect(offsetIter(t.Context(), &offsetPagedOptions{OffsetOptions: OffsetOptions{Limit: 3}}, 2, f.list))
	require.Equal(t, 3, f.calls[0].Limit)
}

func TestOffsetIterNegativeOffsetGoesAsGiven(t *testing.T) {
	f := &fakeOffsetList{total: 3, hideTotal: true}
	_, _ = collect(offsetIter(t.Context(), &offsetPagedOptions{OffsetOptions: OffsetOptions{Offset: -2}}, 10, f.list))
	require.Equal(t, -2, f.calls[0].Offset)
}

func TestOffsetIterSCIMIndex(t *testing.T) {
	var calls []SCIMListOptions
	// 5 results, startIndex 1 to 5, 2 a page.
	list := func(_ context.Context, o *SCIMListOptions) ([]*int, *Response, error) {
		calls = append(calls, *o)
		var items []*int
		for i := o.StartIndex; i <= 5 && len(items) < o.Count; i++ {
			items = append(items, Ptr(i))
		}
		return items, &Response{Total: 5}, nil
	}
	for _, tc := range []struct {
		name   string
		opts   *SCIMListOptions
		want   []int
		starts []int
	}{
		{"nil options", nil, []int{1, 2, 3, 4, 5}, []int{1, 3, 5}},
		{"index 0 is the first", &SCIMListOptions{Count: 2}, []int{1, 2, 3, 4, 5}, []int{1, 3, 5}},
		{"negative index is the first", &SCIMListOptions{StartIndex: -3, Count: 2}, []int{1, 2, 3, 4, 5}, []int{1, 3, 5}},
		{"from the fourth", &SCIMListOptions{StartIndex: 4, Count: 2}, []int{4, 5}, []int{4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls = nil
			var before SCIMListOptions
			if tc.opts != nil {
				before = *tc.opts
			}
			items, errs := collect(offsetIter(t.Context(), tc.opts, 2, list))
			require.Empty(t, errs)
			require.Equal(t, tc.want, items)
			var starts []int
			for _, c := range calls {
				starts = append(starts, c.StartIndex)
				require.Equal(t, 2, c.Count)
			}
			require.Equal(t, tc.starts, starts)
			if tc.opts != nil {
				require.Equal(t, before, *tc.opts)
			}
		})
	}
}

func TestRemainingAfter(t *testing.T) {
	for _, tc := range []struct{ total, skipped, want int }{
		{0, 0, 0}, {0, 5, 0}, {10, 0, 10}, {10, 4, 6}, {10, 10, 1}, {10, 12, 1}, {10, -2, 12},
	} {
		require.Equal(t, tc.want, remainingAfter(tc.total, tc.skipped), "%+v", tc)
	}
}

// pageMeta reads the meta members every list has used: a null or absent
// cursor as "", numbers written with a fraction, and only what is there.
func TestPageMetaSetOn(t *testing.T) {
	for body, want := range map[string]Response{
		`{"nextCursor":null}`:                 {},
		`{}`:                                  {},
		`{"nextCursor":"n","prevCursor":"p"}`: {NextCursor: "n", PrevCursor: "p"},
		`{"nextCursor":"n","total":12.0,"limit":25}`:    {NextCursor: "n", Total: 12, Limit: 25},
		`{"total":40,"offset":20,"limit":10,"q":"x"}`:   {Total: 40, Offset: 20, Limit: 10},
		`{"nextCursor":"n","inaccessibleFork":4,"x":1}`: {NextCursor: "n"},
	} {
		var m pageMeta
		require.NoError(t, json.Unmarshal([]byte(body), &m), body)
		var got Response
		m.setOn(&got)
		require.Equal(t, want, got, body)
	}
}
