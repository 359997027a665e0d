package collection

import "bytes"

// encodable is a model type that writes itself.
type encodable interface {
	encode(*encoder)
}

// marshalWith backs the MarshalJSON methods of the model types.
func marshalWith(v encodable) ([]byte, error) {
	var e encoder
	v.encode(&e)
	return e.buf, nil
}

// unmarshalWith backs the UnmarshalJSON methods: dec reads the value and
// reports false when the value is of a JSON type the model type cannot be.
// A bare null leaves the target alone, the encoding/json convention.
func unmarshalWith(data []byte, dec func(*decoder) (bool, error)) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	d := decoder{data: data}
	if d.peek() == 0 {
		return finishError(d.errorf("unexpected end of input"), data)
	}
	ok, err := dec(&d)
	if err == nil && !ok {
		err = d.errorf("unexpected JSON type for this value")
	}
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return finishError(err, data)
	}
	return nil
}

// end checks that nothing but whitespace follows the value.
func (d *decoder) end() error {
	if d.peek() != 0 || d.pos < len(d.data) {
		return d.unexpected("after top-level value")
	}
	return nil
}

// objectDecoder is a model type read from a JSON object.
type objectDecoder interface {
	decode(*decoder) error
}

// unmarshalObject is unmarshalWith for types that are always objects.
func unmarshalObject(data []byte, v objectDecoder) error {
	return unmarshalWith(data, func(d *decoder) (bool, error) {
		if d.peek() != '{' {
			return false, nil
		}
		return true, v.decode(d)
	})
}

// Auth and Body keep JSON null as a value of their own (NullAuth, NullBody)
// instead of treating it as absent; the two helpers below read them.

// unmarshalNullable is unmarshalObject for those types: a bare null sets *v
// to *null() rather than leaving it untouched.
func unmarshalNullable[T any, P interface {
	*T
	objectDecoder
}](data []byte, v P, null func() *T) error {
	d := decoder{data: data}
	if d.peek() == 'n' {
		if err := d.literal("null"); err != nil {
			return finishError(err, data)
		}
		if err := d.end(); err != nil {
			return finishError(err, data)
		}
		*v = *null()
		return nil
	}
	return unmarshalObject(data, v)
}
