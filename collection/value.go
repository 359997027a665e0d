package collection

import (
	"encoding/json"
	"errors"
	"strconv"
)

// Value is a JSON value of any type, kept as its exact JSON text: a variable's
// value, a response time, an auth parameter. Numbers keep every digit (no trip
// through float64). The zero Value means the key is absent.
type Value struct {
	raw string
}

var errInvalidRaw = errors.New("collection: invalid JSON value")

// StringValue returns a Value holding the JSON string s.
func StringValue(s string) Value {
	var e encoder
	e.str(s)
	return Value{raw: string(e.buf)}
}

// BoolValue returns a Value holding true or false.
func BoolValue(b bool) Value {
	if b {
		return Value{raw: "true"}
	}
	return Value{raw: "false"}
}

// NullValue returns a Value holding JSON null.
func NullValue() Value { return Value{raw: "null"} }

// RawValue returns a Value holding the JSON text raw, which must be valid.
func RawValue(raw json.RawMessage) (Value, error) {
	if !json.Valid(raw) {
		return Value{}, errInvalidRaw
	}
	return Value{raw: string(raw)}, nil
}

// ValueOf marshals v with encoding/json into a Value.
func ValueOf(v any) (Value, error) {
	s, err := marshalValue(v)
	if err != nil {
		return Value{}, err
	}
	return Value{raw: s}, nil
}

// IsZero reports whether the value is absent.
func (v Value) IsZero() bool { return v.raw == "" }

// IsNull reports whether the value is JSON null.
func (v Value) IsNull() bool { return v.raw == "null" }

// IsString reports whether the value is a JSON string.
func (v Value) IsString() bool { return len(v.raw) > 0 && v.raw[0] == '"' }

// String returns the content of a JSON string, the JSON text of any other
// value ("42", "true", "null", "{...}"), or "" when absent.
func (v Value) String() string {
	if !v.IsString() {
		return v.raw
	}
	d := decoder{data: []byte(v.raw)}
	s, err := d.str()
	if err != nil {
		return v.raw
	}
	return s
}

// Raw returns the JSON text of the value, nil when absent.
func (v Value) Raw() json.RawMessage {
	if v.raw == "" {
		return nil
	}
	return json.RawMessage(v.raw)
}

// Number returns the value as a json.Number if it is a JSON number.
func (v Value) Number() (json.Number, bool) {
	if v.raw == "" || !(v.raw[0] == '-' || '0' <= v.raw[0] && v.raw[0] <= '9') {
		return "", false
	}
	return json.Number(v.raw), true
}

// Bool returns the value if it is true or false.
func (v Value) Bool() (value, ok bool) {
	b, err := strconv.ParseBool(v.raw)
	return b, err == nil
}

// Decode unmarshals the value into dst with encoding/json.
func (v Value) Decode(dst any) error {
	if v.raw == "" {
		return errors.New("collection: decode of an absent value")
	}
	return json.Unmarshal([]byte(v.raw), dst)
}

// MarshalJSON returns the JSON text; an absent value marshals as null.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.raw == "" {
		return []byte("null"), nil
	}
	return []byte(v.raw), nil
}

// UnmarshalJSON keeps a copy of the JSON text.
func (v *Value) UnmarshalJSON(data []byte) error {
	d := decoder{data: data}
	raw, err := d.skip()
	if err != nil {
		return finishError(err, data)
	}
	v.raw = string(raw)
	return nil
}

func (e *encoder) value(v Value) {
	if v.raw == "" {
		e.null()
		return
	}
	e.raw(v.raw)
}

// Object is a JSON object whose members are kept raw and in order, for the
// places where the format leaves the keys open: body options and request
// settings. The zero Object means the key is absent; [NewObject] returns an
// empty one, which is written as {}.
type Object struct {
	members []member
}

// NewObject returns an empty, present object.
func NewObject() Object { return Object{members: []member{}} }

// IsZero reports whether the object is absent.
func (o Object) IsZero() bool { return o.members == nil }

// Len returns the number of members.
func (o Object) Len() int { return len(o.members) }

// Keys returns the keys in order.
func (o Object) Keys() []string {
	keys := make([]string, len(o.members))
	for i, m := range o.members {
		keys[i] = m.key
	}
	return keys
}

// Get returns the value of key; with duplicate keys, the last one, as
// encoding/json would.
func (o Object) Get(key string) (Value, bool) {
	for i := len(o.members) - 1; i >= 0; i-- {
		if o.members[i].key == key {
			return Value{raw: o.members[i].raw}, true
		}
	}
	return Value{}, false
}

// Bool returns the value of key if it is true or false.
func (o Object) Bool(key string) (value, ok bool) {
	v, found := o.Get(key)
	if !found {
		return false, false
	}
	return v.Bool()
}

// Set sets key to v, in place if present, else at the end. The object's
// members are copied first, as copies of an Object share them.
func (o *Object) Set(key string, v Value) {
	if v.IsZero() {
		v = NullValue()
	}
	ms := make([]member, len(o.members), len(o.members)+1)
	copy(ms, o.members)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].key == key {
			ms[i].raw = v.raw
			o.members = ms
			return
		}
	}
	o.members = append(ms, member{key: key, raw: v.raw})
}

// Delete removes key; the object stays present even if it becomes empty.
func (o *Object) Delete(key string) {
	ms := make([]member, 0, len(o.members))
	for _, m := range o.members {
		if m.key != key {
			ms = append(ms, m)
		}
	}
	o.members = ms
}

// MarshalJSON writes the members in order; an absent object marshals as null.
func (o Object) MarshalJSON() ([]byte, error) {
	if o.members == nil {
		return []byte("null"), nil
	}
	var e encoder
	e.rawObject(o)
	return e.buf, nil
}

// UnmarshalJSON reads an object, keeping every member raw and in order.
func (o *Object) UnmarshalJSON(data []byte) error {
	d := decoder{data: data}
	if d.peek() != '{' {
		return finishError(d.errorf("expected a JSON object"), data)
	}
	obj, err := d.rawObject()
	if err != nil {
		return finishError(err, data)
	}
	*o = obj
	return nil
}

func (d *decoder) rawObject() (Object, error) {
	if err := d.open(); err != nil {
		return Object{}, err
	}
	o := Object{members: []member{}}
	first := true
	for {
		key, ok, err := d.member(&first)
		if err != nil || !ok {
			return o, err
		}
		raw, err := d.skip()
		if err != nil {
			return o, wrapKey(err, key)
		}
		o.members = append(o.members, member{key: intern(key), raw: internRaw(raw)})
	}
}

// objectValueField decodes an open object field, or keeps a non-object raw.
func (d *decoder) objectValueField(x *extras, id uint8, key []byte, dst *Object) error {
	*dst = Object{}
	if d.peek() != '{' {
		return d.keep(x, id, key)
	}
	o, err := d.rawObject()
	if err != nil {
		return err
	}
	*dst = o
	d.took(x, id)
	return nil
}

func (e *encoder) rawObject(o Object) {
	e.open('{')
	for _, m := range o.members {
		e.key(m.key)
		e.raw(m.raw)
	}
	e.close('}')
}

// ProtocolProfileBehavior holds the request settings Postman keeps on a
// collection, folder or request ("followRedirects", "strictSSL",
// "disableBodyPruning", "disableCookies", "maxRedirects", …). Its keys are
// open, so it is an [Object]; the zero value means absent.
type ProtocolProfileBehavior struct {
	Object
}
