package collection

// FindByName returns the first item, depth first, named name, or nil.
func (c *Collection) FindByName(name string) *Item {
	for _, it := range c.All() {
		if it.Name == name {
			return it
		}
	}
	return nil
}

// FindAllByName returns every item named name, depth first.
func (c *Collection) FindAllByName(name string) []*Item {
	var found []*Item
	for _, it := range c.All() {
		if it.Name == name {
			found = append(found, it)
		}
	}
	return found
}

// FindByID returns the item whose "id" (or, in older exports,
// "_postman_id") is id, or nil.
func (c *Collection) FindByID(id string) *Item {
	if id == "" {
		return nil
	}
	for _, it := range c.All() {
		if it.ID == id || it.postmanID() == id {
			return it
		}
	}
	return nil
}

func (it *Item) postmanID() string {
	raw, ok := it.Extra("_postman_id")
	if !ok {
		return ""
	}
	return Value{raw: string(raw)}.String()
}

// FindPath follows folder names from the top ("Users", "Admin", "Create
// user") and returns the item at the end, or nil. Names are matched exactly;
// with duplicates the first match wins.
func (c *Collection) FindPath(names ...string) *Item {
	if len(names) == 0 {
		return nil
	}
	items := c.Items
	var cur *Item
	for _, name := range names {
		cur = nil
		for _, it := range items {
			if it != nil && it.Name == name {
				cur = it
				break
			}
		}
		if cur == nil {
			return nil
		}
		items = cur.Items
	}
	return cur
}

// Parent returns the folder holding target, or nil when target is at the
// top level or not in the collection; found reports whether it is.
func (c *Collection) Parent(target *Item) (parent *Item, found bool) {
	for parents, it := range c.All() {
		if it == target {
			if len(parents) == 0 {
				return nil, true
			}
			return parents[len(parents)-1], true
		}
	}
	return nil, false
}

// Remove takes target out of the collection, wherever it is, and reports
// whether it was there.
func (c *Collection) Remove(target *Item) bool {
	parent, found := c.Parent(target)
	if !found {
		return false
	}
	list := &c.Items
	if parent != nil {
		list = &parent.Items
	}
	for i, it := range *list {
		if it == target {
			*list = append((*list)[:i:i], (*list)[i+1:]...)
			return true
		}
	}
	return false
}
