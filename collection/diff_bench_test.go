package collection

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkDiff diffs the generated 10 MB collection (see bench_test.go)
// with a copy of itself in which one request has one more header: a CI job
// pushing one edit. "Equal" diffs it with an unchanged copy. Requests carry
// _postman_id and match by ID; folders have none and match by name.
func BenchmarkDiff(b *testing.B) {
	data := generated(10 * mb)
	from, err := Parse(data)
	require.NoError(b, err)
	same, err := Parse(data)
	require.NoError(b, err)
	edited, err := Parse(data)
	require.NoError(b, err)
	var requests []*Item
	for it := range edited.Requests() {
		requests = append(requests, it)
	}
	target := requests[len(requests)/2]
	target.Request.Header.Set("X-Changed", "1")

	for _, bc := range []struct {
		name    string
		to      *Collection
		changes int
	}{{"10MB/OneHeader", edited, 1}, {"10MB/Equal", same, 0}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				p := Diff(from, bc.to)
				if len(p.Changes) != bc.changes {
					b.Fatalf("%d changes, want %d:\n%s", len(p.Changes), bc.changes, p)
				}
			}
		})
	}
}

// TestDiffGeneratedCollection keeps the benchmark honest on a smaller
// generated collection: the one edit is the one change, at the right place.
func TestDiffGeneratedCollection(t *testing.T) {
	data := generated(1 * mb)
	from, err := Parse(data)
	require.NoError(t, err)
	to, err := Parse(data)
	require.NoError(t, err)
	require.True(t, Diff(from, to).IsEmpty())
	var target *Item
	for it := range to.Requests() {
		target = it
	}
	target.Request.Header.Set("X-Changed", "1")
	p := Diff(from, to)
	require.Len(t, p.Changes, 1, p.String())
	require.Equal(t, FieldHeaders, p.Changes[0].Fields)
	require.Same(t, target, p.Changes[0].To)
	checkPlan(t, from, to)
}
