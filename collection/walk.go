package collection

import (
	"errors"
	"iter"
)

// SkipFolder, returned by a WalkFunc for a folder, skips the folder's
// children. Returned for a request, it is ignored.
//
//lint:ignore ST1012 named after fs.SkipDir, which callers of a walk know
var SkipFolder = errors.New("collection: skip this folder")

// SkipAll, returned by a WalkFunc, stops the walk; Walk then returns nil.
//
//lint:ignore ST1012 named after fs.SkipAll, which callers of a walk know
var SkipAll = errors.New("collection: skip everything")

// WalkFunc is called for each item with the folders that contain it,
// outermost first. parents is only valid during the call.
type WalkFunc func(parents []*Item, item *Item) error

// Walk calls fn for every item of the collection, folders before their
// children, in order. An error from fn other than SkipFolder and SkipAll
// stops the walk and is returned.
func (c *Collection) Walk(fn WalkFunc) error {
	var parents []*Item
	if err := walk(c.Items, &parents, fn); err != nil && err != SkipAll {
		return err
	}
	return nil
}

// Walk calls fn for every item inside the folder, as Collection.Walk does;
// parents start below it.
func (it *Item) Walk(fn WalkFunc) error {
	var parents []*Item
	if err := walk(it.Items, &parents, fn); err != nil && err != SkipAll {
		return err
	}
	return nil
}

func walk(items []*Item, parents *[]*Item, fn WalkFunc) error {
	for _, it := range items {
		if it == nil {
			continue
		}
		p := *parents
		err := fn(p[:len(p):len(p)], it)
		if err == SkipFolder {
			continue
		}
		if err != nil {
			return err
		}
		if len(it.Items) > 0 {
			*parents = append(p, it)
			err = walk(it.Items, parents, fn)
			*parents = p
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// All returns an iterator over every item with its parent folders, in the
// order of Walk. The parents slice is only valid during an iteration.
func (c *Collection) All() iter.Seq2[[]*Item, *Item] {
	return func(yield func([]*Item, *Item) bool) {
		_ = c.Walk(func(parents []*Item, it *Item) error {
			if !yield(parents, it) {
				return SkipAll
			}
			return nil
		})
	}
}

// Requests returns an iterator over the request items, depth first.
func (c *Collection) Requests() iter.Seq[*Item] {
	return func(yield func(*Item) bool) {
		for _, it := range c.All() {
			if it.Request != nil && !yield(it) {
				return
			}
		}
	}
}
