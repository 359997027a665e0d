package collection

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
)

// members holds the members of one object, each value encoded as compact
// JSON the way the object would write it.
type members struct {
	e    encoder
	keys []string
	ends []int // ends[i] is where the value of keys[i] ends in e.buf
}

func (m *members) reset() {
	m.e.buf, m.keys, m.ends = m.e.buf[:0], m.keys[:0], m.ends[:0]
}

// collect adds the members of the object that embeds x, except the typed
// fields in skip (bit id) and, with ident set, the IDs that matching uses.
// A raw member under the key of a typed field that is written is left out,
// as the encoder leaves it out.
func (m *members) collect(x *extras, keys []string, f fielder, skip uint32, ident bool) {
	for id := 1; id < len(keys); id++ {
		if skip&(1<<id) != 0 || ident && isIdentity(keys[id]) || !f.has(uint8(id)) {
			continue
		}
		f.put(&m.e, uint8(id))
		m.keys = append(m.keys, keys[id])
		m.ends = append(m.ends, len(m.e.buf))
	}
	if x.more == nil {
		return
	}
	for _, u := range x.more.unknown {
		if id := keyID(keys, u.key); id != 0 && f.has(id) || ident && isIdentity(u.key) {
			continue
		}
		m.e.raw(u.raw)
		m.keys = append(m.keys, u.key)
		m.ends = append(m.ends, len(m.e.buf))
	}
}

// value returns the value of the last member named key (JSON readers keep
// the last of duplicate keys), or nil.
func (m *members) value(key string) []byte {
	for i := len(m.keys) - 1; i >= 0; i-- {
		if m.keys[i] == key {
			start := 0
			if i > 0 {
				start = m.ends[i-1]
			}
			return m.e.buf[start:m.ends[i]]
		}
	}
	return nil
}

// compareMembers calls report with each key whose values differ between a
// and b, a member on one side only included, in a's order then b's.
func compareMembers(a, b *members, report func(key string)) {
	for i, k := range a.keys {
		if slices.Contains(a.keys[i+1:], k) {
			continue // compared at its last occurrence
		}
		if !jsonEqual(a.value(k), b.value(k)) {
			report(k)
		}
	}
	for i, k := range b.keys {
		if slices.Contains(b.keys[i+1:], k) || slices.Contains(a.keys, k) {
			continue
		}
		report(k)
	}
}

// jsonEqual reports whether two encoded values, nil for absent, are equal.
// Equal bytes are the common case; otherwise the values are decoded,
// numbers as their text, so that a member whose objects list their keys in
// another order (an export from another tool, a hand edit) is the same
// member: applying it would change nothing.
func jsonEqual(a, b []byte) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if bytes.Equal(a, b) {
		return true
	}
	va, errA := decodeGeneric(a)
	vb, errB := decodeGeneric(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

func decodeGeneric(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// fieldOf maps the members of folders, requests and the collection to fields.
func fieldOf(key string) Fields {
	switch key {
	case "name":
		return FieldName
	case "description":
		return FieldDescription
	case "variable":
		return FieldVariables
	case "event":
		return FieldScripts
	case "auth":
		return FieldAuth
	}
	return 0
}

func requestFieldOf(key string) Fields {
	switch key {
	case "url":
		return FieldURL
	case "method":
		return FieldMethod
	case "header":
		return FieldHeaders
	case "body":
		return FieldBody
	case "auth":
		return FieldAuth
	case "description":
		return FieldDescription
	}
	return 0
}

func responseFieldOf(key string) Fields {
	switch key {
	case "name":
		return FieldName
	case "status", "code":
		return FieldStatus
	case "header":
		return FieldHeaders
	case "body":
		return FieldBody
	case "originalRequest":
		return FieldOriginalRequest
	}
	return 0
}

// fieldDiff gathers the differences of one element.
type fieldDiff struct {
	fields Fields
	other  []string
}

// add records that key differs, mapped by fieldOf to a field, or else named
// with prefix among the other members.
func (f *fieldDiff) add(key, prefix string, fieldOf func(string) Fields) {
	if g := fieldOf(key); g != 0 {
		f.fields |= g
		return
	}
	f.fields |= FieldOther
	if k := prefix + key; !slices.Contains(f.other, k) {
		f.other = append(f.other, k)
	}
}

func (f *fieldDiff) done() (Fields, []string) {
	slices.Sort(f.other)
	return f.fields, f.other
}

// compareNodes compares a matched pair, leaving out what other changes
// cover: a folder's items, a request's responses, and the IDs.
func (d *differ) compareNodes(a, b *node) (Fields, []string) {
	var f fieldDiff
	ma, mb := &d.ma, &d.mb
	if a.kind == KindResponse {
		ma.reset()
		mb.reset()
		ma.collect(&a.resp.extras, responseKeys, a.resp, 0, true)
		mb.collect(&b.resp.extras, responseKeys, b.resp, 0, true)
		compareMembers(ma, mb, func(k string) { f.add(k, "", responseFieldOf) })
		return f.done()
	}
	skip := uint32(1 << itemItems)
	if a.kind == KindRequest {
		skip = 1<<itemRequest | 1<<itemResponse
	}
	ma.reset()
	mb.reset()
	ma.collect(&a.item.extras, itemKeys, a.item, skip, true)
	mb.collect(&b.item.extras, itemKeys, b.item, skip, true)
	compareMembers(ma, mb, func(k string) { f.add(k, "", fieldOf) })
	if a.kind == KindRequest {
		ma.reset()
		mb.reset()
		if r := a.item.Request; r != nil {
			ma.collect(&r.extras, requestKeys, r, 0, false)
		}
		if r := b.item.Request; r != nil {
			mb.collect(&r.extras, requestKeys, r, 0, false)
		}
		compareMembers(ma, mb, func(k string) { f.add(k, "request.", requestFieldOf) })
	}
	return f.done()
}

// compareCollection compares the collections' own members: those of the
// info block (name and description as fields), auth, scripts, variables
// and the rest.
func (d *differ) compareCollection() (Fields, []string) {
	var f fieldDiff
	ma, mb := &d.ma, &d.mb
	ma.reset()
	mb.reset()
	ma.collect(&d.from.Info.extras, infoKeys, &d.from.Info, 0, true)
	mb.collect(&d.to.Info.extras, infoKeys, &d.to.Info, 0, true)
	compareMembers(ma, mb, func(k string) {
		f.add(k, "info.", func(k string) Fields {
			if k == "name" || k == "description" {
				return fieldOf(k)
			}
			return 0
		})
	})
	ma.reset()
	mb.reset()
	const skip = 1<<colInfo | 1<<colItems
	ma.collect(&d.from.extras, collectionKeys, d.from, skip, false)
	mb.collect(&d.to.extras, collectionKeys, d.to, skip, false)
	compareMembers(ma, mb, func(k string) {
		f.add(k, "", func(k string) Fields {
			if k == "name" || k == "description" {
				return 0 // not the collection's name: that is in info
			}
			return fieldOf(k)
		})
	})
	return f.done()
}
