package collection

import "strings"

// Header is one HTTP header of a request or response.
type Header struct {
	Key         string
	Value       string
	Description Description
	// Type is the "type" Postman writes on headers ("text"); not in the schema.
	Type     string
	Disabled bool

	text string // the original "Key: value" of a header given as a bare string
	extras
}

const (
	hdrKey uint8 = iota + 1
	hdrValue
	hdrDescription
	hdrType
	hdrDisabled
)

var headerKeys = []string{"", "key", "value", "description", "type", "disabled"}

// HeaderList is the header list of a request or response. Lookups match keys
// case-insensitively, as HTTP does, and skip disabled headers.
type HeaderList []Header

// Get returns the value of the first enabled header named key, or "".
func (l HeaderList) Get(key string) string {
	for i := range l {
		if !l[i].Disabled && strings.EqualFold(l[i].Key, key) {
			return l[i].Value
		}
	}
	return ""
}

// Values returns the values of every enabled header named key.
func (l HeaderList) Values(key string) []string {
	var vs []string
	for i := range l {
		if !l[i].Disabled && strings.EqualFold(l[i].Key, key) {
			vs = append(vs, l[i].Value)
		}
	}
	return vs
}

// Set gives the first enabled header named key the value, keeping its
// position and other fields, and removes the other enabled ones; it adds the
// header when there is none.
func (l *HeaderList) Set(key, value string) {
	found := false
	out := (*l)[:0:0]
	for _, h := range *l {
		if !h.Disabled && strings.EqualFold(h.Key, key) {
			if found {
				continue
			}
			found = true
			h.Value = value
		}
		out = append(out, h)
	}
	if !found {
		out = append(out, Header{Key: key, Value: value})
	}
	*l = out
}

// Add appends a header.
func (l *HeaderList) Add(key, value string) {
	*l = append(*l, Header{Key: key, Value: value})
}

// Del removes every header named key, enabled or not.
func (l *HeaderList) Del(key string) {
	out := (*l)[:0:0]
	for _, h := range *l {
		if !strings.EqualFold(h.Key, key) {
			out = append(out, h)
		}
	}
	if out == nil && *l != nil {
		out = HeaderList{} // an emptied list is still present: "header": []
	}
	*l = out
}

func (h *Header) decode(d *decoder) error {
	*h = Header{}
	return d.fields(&h.extras, func(key []byte) error {
		switch string(key) {
		case "key":
			return d.strField(&h.extras, hdrKey, key, &h.Key)
		case "value":
			return d.strField(&h.extras, hdrValue, key, &h.Value)
		case "description":
			return d.descField(&h.extras, hdrDescription, key, &h.Description)
		case "type":
			return d.strField(&h.extras, hdrType, key, &h.Type)
		case "disabled":
			return d.boolField(&h.extras, hdrDisabled, key, &h.Disabled)
		}
		return d.keep(&h.extras, 0, key)
	})
}

// headerElem reads a header object, or a bare "Key: value" string as
// response headers may have.
func headerElem(d *decoder, h *Header) (bool, error) {
	switch d.peek() {
	case '{':
		return true, h.decode(d)
	case '"':
		s, err := d.str()
		if err != nil {
			return true, err
		}
		k, v, dis := parseHeaderLine(s)
		*h = Header{Key: k, Value: v, Disabled: dis, text: s}
		h.forms |= formBitString
		return true, nil
	}
	return false, nil
}

func (h *Header) has(id uint8) bool {
	switch id {
	case hdrKey:
		return h.isSeen(id) || h.Key != ""
	case hdrValue:
		return h.isSeen(id) || h.Value != ""
	case hdrDescription:
		return !h.Description.IsZero()
	case hdrType:
		return h.isSeen(id) || h.Type != ""
	case hdrDisabled:
		return h.isSeen(id) || h.Disabled
	}
	return false
}

func (h *Header) put(e *encoder, id uint8) {
	switch id {
	case hdrKey:
		e.str(h.Key)
	case hdrValue:
		e.str(h.Value)
	case hdrDescription:
		e.description(h.Description)
	case hdrType:
		e.str(h.Type)
	case hdrDisabled:
		e.boolean(h.Disabled)
	}
}

func (h *Header) encode(e *encoder) {
	if h.forms&formBitString != 0 && plainHeader(h) {
		if k, v, dis := parseHeaderLine(h.text); k == h.Key && v == h.Value && dis == h.Disabled {
			e.str(h.text)
			return
		}
	}
	e.object(&h.extras, headerKeys, h)
}

// headerField reads a header list: an array (of objects, or of strings in
// responses), a string of lines, or null when nullable.
func (d *decoder) headerField(x *extras, id uint8, key []byte, dst *HeaderList, text *string, nullable bool) error {
	*dst, *text = nil, ""
	x.forms &^= formBitHeader
	switch d.peek() {
	case '[':
		list, ok, err := decodeList(d, headerElem)
		if err != nil {
			return err
		}
		if ok {
			*dst = list
			d.took(x, id)
			return nil
		}
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		*dst, *text = parseHeaderText(s), s
		x.forms |= formBitHeader
		d.took(x, id)
		return nil
	case 'n':
		if nullable {
			if err := d.literal("null"); err != nil {
				return err
			}
			d.tookNull(x, id)
			return nil
		}
	}
	return d.keep(x, id, key)
}

// MarshalJSON writes the header as an object (or its original string form).
func (h Header) MarshalJSON() ([]byte, error) { return marshalWith(&h) }

// UnmarshalJSON reads a header object or a "Key: value" string.
func (h *Header) UnmarshalJSON(data []byte) error {
	return unmarshalWith(data, func(d *decoder) (bool, error) { return headerElem(d, h) })
}
