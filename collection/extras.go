package collection

import (
	"encoding/json"
	"slices"
)

// extras is embedded in every object type of the model. It keeps what the
// typed fields cannot: members with keys the format does not define (or with
// values of a type the field cannot hold), the order the keys were read in,
// and which fields were present, null, or in a remembered union form.
type extras struct {
	more  *extraMembers // nil while keys came in canonical order and all were known
	seen  uint32        // bit id: the field was present in the input
	nulls uint16        // bit id: the field was null in the input
	forms uint16        // type-specific bits remembering union forms
}

// extraMembers is split off so an object with nothing unusual costs one word.
type extraMembers struct {
	// order lists the keys as read: a field id, or 0 for the next unknown member.
	order   []byte
	unknown []member
}

// member is one object member kept as raw JSON.
type member struct {
	key string
	raw string
}

func (x *extras) isSeen(id uint8) bool { return x.seen&(1<<id) != 0 }
func (x *extras) isNull(id uint8) bool { return id < 16 && x.nulls&(1<<id) != 0 }

// Extra returns the raw JSON of a member whose key the model does not define
// (such as "_postman_id" on an item or "_exporter_id" on info), or of a
// defined key whose value had a type the field cannot hold.
func (x *extras) Extra(key string) (json.RawMessage, bool) {
	if x.more == nil {
		return nil, false
	}
	for i := len(x.more.unknown) - 1; i >= 0; i-- {
		if m := x.more.unknown[i]; m.key == key {
			return json.RawMessage(m.raw), true
		}
	}
	return nil, false
}

// ExtraKeys returns the keys of the members kept raw, in input order.
func (x *extras) ExtraKeys() []string {
	if x.more == nil {
		return nil
	}
	keys := make([]string, len(x.more.unknown))
	for i, m := range x.more.unknown {
		keys[i] = m.key
	}
	return keys
}

// SetExtra sets a member kept raw, replacing one with the same key in place or
// adding it at the end. value is marshalled with encoding/json unless it is a
// json.RawMessage, which must be valid JSON. An extra under a key the type
// models is written only while that typed field is absent.
func (x *extras) SetExtra(key string, value any) error {
	raw, err := marshalValue(value)
	if err != nil {
		return err
	}
	m := x.cloneMore()
	for i := len(m.unknown) - 1; i >= 0; i-- {
		if m.unknown[i].key == key {
			m.unknown[i].raw = raw
			x.more = m
			return nil
		}
	}
	m.unknown = append(m.unknown, member{key: key, raw: raw})
	x.more = m
	return nil
}

// DeleteExtra removes every member kept raw under key.
func (x *extras) DeleteExtra(key string) {
	if x.more == nil {
		return
	}
	m := x.cloneMore()
	k := 0 // index among unknown members, which the zero bytes of order count
	order := m.order[:0]
	for _, id := range m.order {
		if id == 0 {
			if k < len(m.unknown) && m.unknown[k].key == key {
				k++
				continue
			}
			k++
		}
		order = append(order, id)
	}
	m.order = order
	m.unknown = slices.DeleteFunc(m.unknown, func(m member) bool { return m.key == key })
	x.more = m
}

// cloneMore copies the extra members before a change, because copies of a
// model value share them.
func (x *extras) cloneMore() *extraMembers {
	m := &extraMembers{}
	if x.more != nil {
		m.order = slices.Clone(x.more.order)
		m.unknown = slices.Clone(x.more.unknown)
	}
	return m
}

func (x *extras) hasUnknown() bool { return x.more != nil && len(x.more.unknown) > 0 }

// marshalValue turns a Go value into the raw JSON kept for an extra member.
func marshalValue(v any) (string, error) {
	switch v := v.(type) {
	case json.RawMessage:
		if !json.Valid(v) {
			return "", errInvalidRaw
		}
		return string(v), nil
	case Value:
		if v.IsZero() {
			return "null", nil
		}
		return v.raw, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// beginObject consumes '{' and returns the mark of the key-order stack.
func (d *decoder) beginObject() (int, error) {
	if err := d.open(); err != nil {
		return 0, err
	}
	return len(d.ord), nil
}

// endObject keeps the key order of the object just read unless it is the
// canonical one: strictly increasing field ids and no unknown members. Most
// objects of real files qualify, and then cost no allocation.
func (d *decoder) endObject(x *extras, mark int) {
	ord := d.ord[mark:]
	var prev byte
	canonical := true
	for _, id := range ord {
		if id <= prev {
			canonical = false
			break
		}
		prev = id
	}
	if !canonical {
		if x.more == nil {
			x.more = &extraMembers{}
		}
		x.more.order = slices.Clone(ord)
	}
	d.ord = d.ord[:mark]
}

// fields reads the object at d.pos, the members of the model object that
// embeds x, calling field once a member with the key read; field decodes the
// value into its typed field or keeps it raw. An error from field gets the
// key added to its path. The key order is recorded as endObject does.
func (d *decoder) fields(x *extras, field func(key []byte) error) error {
	mark, err := d.beginObject()
	if err != nil {
		return err
	}
	first := true
	for {
		key, ok, err := d.member(&first)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if err := field(key); err != nil {
			return wrapKey(err, key)
		}
	}
	d.endObject(x, mark)
	return nil
}

// took records that the typed field id took the value of its key.
func (d *decoder) took(x *extras, id uint8) {
	d.ord = append(d.ord, id)
	x.seen |= 1 << id
	if id < 16 {
		x.nulls &^= 1 << id
	}
}

// tookNull records a null kept through the field's null bit.
func (d *decoder) tookNull(x *extras, id uint8) {
	d.ord = append(d.ord, id)
	x.seen &^= 1 << id
	x.nulls |= 1 << id
}

// keep stores the next value raw under key: an unknown key, or a known key
// whose value the typed field cannot hold. The field's presence bits are
// cleared so that, as in encoding/json, the last of duplicate keys wins.
func (d *decoder) keep(x *extras, id uint8, key []byte) error {
	raw, err := d.skip()
	if err != nil {
		return err
	}
	if id != 0 {
		x.seen &^= 1 << id
		if id < 16 {
			x.nulls &^= 1 << id
		}
	}
	if x.more == nil {
		x.more = &extraMembers{}
	}
	x.more.unknown = append(x.more.unknown, member{key: intern(key), raw: string(raw)})
	d.ord = append(d.ord, 0)
	return nil
}

// The field helpers below decode one member into a typed field, or keep it
// raw when its value does not fit; each returns the error already located.

func (d *decoder) strField(x *extras, id uint8, key []byte, dst *string) error {
	*dst = ""
	if d.peek() != '"' {
		return d.keep(x, id, key)
	}
	s, err := d.str()
	if err != nil {
		return err
	}
	*dst = s
	d.took(x, id)
	return nil
}

// nullStrField is strField for fields the schema allows to be null.
func (d *decoder) nullStrField(x *extras, id uint8, key []byte, dst *string) error {
	if d.peek() == 'n' {
		*dst = ""
		if err := d.literal("null"); err != nil {
			return err
		}
		d.tookNull(x, id)
		return nil
	}
	return d.strField(x, id, key, dst)
}

func (d *decoder) boolField(x *extras, id uint8, key []byte, dst *bool) error {
	*dst = false
	v, ok, err := d.boolean()
	if err != nil {
		return err
	}
	if !ok {
		return d.keep(x, id, key)
	}
	*dst = v
	d.took(x, id)
	return nil
}

func (d *decoder) intField(x *extras, id uint8, key []byte, dst *int) error {
	*dst = 0
	if c := d.peek(); c == '-' || '0' <= c && c <= '9' {
		start := d.pos
		num, err := d.number()
		if err != nil {
			return err
		}
		if n, ok := canonicalInt(num); ok {
			*dst = n
			d.took(x, id)
			return nil
		}
		d.pos = start
	}
	return d.keep(x, id, key)
}

func (d *decoder) valueField(x *extras, id uint8, dst *Value) error {
	raw, err := d.skip()
	if err != nil {
		return err
	}
	*dst = Value{raw: internRaw(raw)}
	d.took(x, id)
	return nil
}

// internRaw avoids allocating for the raw values most often seen.
func internRaw(b []byte) string {
	switch string(b) {
	case `""`:
		return `""`
	case "null":
		return "null"
	case "true":
		return "true"
	case "false":
		return "false"
	case "{}":
		return "{}"
	case "[]":
		return "[]"
	}
	return string(b)
}

// stringsField reads a field that is a string or an array of strings. The
// string form is split on sep (or kept whole when sep is empty) and the form is
// remembered in forms bit formBit.
func (d *decoder) stringsField(x *extras, id uint8, key []byte, dst *[]string, sep string, formBit uint16) error {
	*dst = nil
	x.forms &^= formBit
	switch d.peek() {
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		*dst = splitForm(s, sep)
		x.forms |= formBit
		d.took(x, id)
		return nil
	case '[':
		list, ok, err := decodeStrings(d)
		if err != nil {
			return err
		}
		if ok {
			*dst = list
			d.took(x, id)
			return nil
		}
	}
	return d.keep(x, id, key)
}

// decodeStrings reads an array of strings; ok is false, with nothing consumed,
// if an element is not a string.
// It is decodeList with the element read inline: string arrays (script lines,
// URL paths) are the commonest arrays, and the call per element through
// decodeList costs about 3% of decoding time.
func decodeStrings(d *decoder) (list []string, ok bool, err error) {
	start, depth := d.pos, d.depth
	if err := d.open(); err != nil {
		return nil, false, err
	}
	list = []string{}
	first := true
	for {
		more, err := d.elem(&first)
		if err != nil {
			return nil, false, err
		}
		if !more {
			return list, true, nil
		}
		if d.peek() != '"' {
			d.pos, d.depth = start, depth
			return nil, false, nil
		}
		s, err := d.str()
		if err != nil {
			return nil, false, wrapIndex(err, len(list))
		}
		list = append(list, s)
	}
}

// decodeList reads an array of model objects. elem decodes one element and
// reports false, consuming nothing, when the element has a shape the type
// cannot hold; the whole array is then left unread for the caller to keep raw.
func decodeList[T any](d *decoder, elem func(*decoder, *T) (bool, error)) (list []T, ok bool, err error) {
	start, depth := d.pos, d.depth
	if err := d.open(); err != nil {
		return nil, false, err
	}
	list = []T{}
	first := true
	for {
		more, err := d.elem(&first)
		if err != nil {
			return nil, false, err
		}
		if !more {
			return list, true, nil
		}
		var zero T
		list = append(list, zero)
		ok, err := elem(d, &list[len(list)-1])
		if err != nil {
			return nil, false, wrapIndex(err, len(list)-1)
		}
		if !ok {
			d.pos, d.depth = start, depth
			return nil, false, nil
		}
	}
}

// listField decodes an array of model objects into dst, or keeps it raw.
func listField[T any](d *decoder, x *extras, id uint8, key []byte, dst *[]T, elem func(*decoder, *T) (bool, error)) error {
	*dst = nil
	if d.peek() == '[' {
		list, ok, err := decodeList(d, elem)
		if err != nil {
			return err
		}
		if ok {
			*dst = list
			d.took(x, id)
			return nil
		}
	}
	return d.keep(x, id, key)
}

// objectElem adapts an object decoder to decodeList.
func objectElem[T any, P interface {
	*T
	decode(*decoder) error
}](d *decoder, v *T) (bool, error) {
	if d.peek() != '{' {
		return false, nil
	}
	return true, P(v).decode(d)
}

// pointerElem is objectElem for lists of pointers.
func pointerElem[T any, P interface {
	*T
	decode(*decoder) error
}](d *decoder, v **T) (bool, error) {
	if d.peek() != '{' {
		return false, nil
	}
	p := P(new(T))
	*v = (*T)(p)
	return true, p.decode(d)
}

// objectField decodes an object into a freshly allocated *T, or keeps it raw.
func objectField[T any, P interface {
	*T
	decode(*decoder) error
}](d *decoder, x *extras, id uint8, key []byte, dst **T) error {
	*dst = nil
	if d.peek() != '{' {
		return d.keep(x, id, key)
	}
	p := P(new(T))
	if err := p.decode(d); err != nil {
		return err
	}
	*dst = (*T)(p)
	d.took(x, id)
	return nil
}

// nullableField is objectField for the types that keep JSON null as a value
// of their own (see unmarshalNullable): a null member becomes null().
func nullableField[T any, P interface {
	*T
	decode(*decoder) error
}](d *decoder, x *extras, id uint8, key []byte, dst **T, null func() *T) error {
	if d.peek() != 'n' {
		return objectField[T, P](d, x, id, key, dst)
	}
	*dst = nil
	if err := d.literal("null"); err != nil {
		return err
	}
	*dst = null()
	d.took(x, id)
	return nil
}
