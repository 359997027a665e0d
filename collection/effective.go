package collection

// EffectiveAuth returns the auth newman uses for the item, as
// postman-collection's Item#getAuth finds it: the request's own auth (a
// folder's own, for a folder), else that of the nearest folder holding the
// item, else the collection's. An auth that is absent, JSON null, has no
// type or the type "type" passes the search on to the parent; any other type
// ends it, "noauth" included, which is how a request or folder opts out of
// an inherited auth. The result is nil when nothing up to the collection
// has an auth; it is the stored *Auth, not a copy, and its {{variables}} are
// unresolved.
//
// An item outside the collection gets its own auth or the collection's.
func (c *Collection) EffectiveAuth(it *Item) *Auth {
	if it == nil {
		return nil
	}
	own := it.Auth
	if it.Request != nil {
		own = it.Request.Auth
	}
	if decidesAuth(own) {
		return own
	}
	parents, _ := c.parentsOf(it)
	for i := len(parents) - 1; i >= 0; i-- {
		if decidesAuth(parents[i].Auth) {
			return parents[i].Auth
		}
	}
	if decidesAuth(c.Auth) {
		return c.Auth
	}
	return nil
}

// decidesAuth reports whether a ends the search for an effective auth: it
// has a type, as a string, other than "type" (postman-collection's
// RequestAuth.isValidType). An empty type read from JSON counts.
func decidesAuth(a *Auth) bool {
	return a != nil && !a.null && a.has(authType) && a.Type != "type"
}

// EffectiveEvents returns the enabled events of kind listen (ListenPrerequest,
// ListenTest, …) that newman runs for the item, in its order: the
// collection's, then each folder's from the outermost in, then the item's
// own, each in the order they are listed (postman-collection's
// EventList#listeners).
//
// This package does not run scripts: hand the collection to newman for that.
// An item outside the collection gets the collection's events and its own.
func (c *Collection) EffectiveEvents(it *Item, listen string) []Event {
	var out []Event
	add := func(list []Event) {
		for _, ev := range list {
			if !ev.Disabled && ev.Listen == listen {
				out = append(out, ev)
			}
		}
	}
	add(c.Events)
	if it == nil {
		return out
	}
	parents, _ := c.parentsOf(it)
	for _, p := range parents {
		add(p.Events)
	}
	add(it.Events)
	return out
}

// parentsOf returns the folders holding target, outermost first, and whether
// target is in the collection.
func (c *Collection) parentsOf(target *Item) ([]*Item, bool) {
	for parents, it := range c.All() {
		if it == target {
			return append([]*Item(nil), parents...), true
		}
	}
	return nil, false
}
