package collection

// Union forms shared by the small union types.
const (
	formAbsent uint8 = iota
	formNull
	formString
	formObject
)

// Description is the description of a collection, folder, request, header,
// parameter or variable: either a plain string or an object holding the text
// with its MIME type ({"content": …, "type": "text/markdown"}), or null. It is
// written back in the form it was read. The zero Description is absent.
type Description struct {
	text string
	obj  *descObject
	form uint8
}

type descObject struct {
	content string
	mime    string
	version Value
	extras
}

const (
	descContent uint8 = iota + 1
	descType
	descVersion
)

var descKeys = []string{"", "content", "type", "version"}

// NewDescription returns a description in the plain string form.
func NewDescription(text string) Description {
	return Description{text: text, form: formString}
}

// NewTypedDescription returns a description in the object form, with a MIME
// type such as "text/markdown" or "text/html".
func NewTypedDescription(text, mimeType string) Description {
	return Description{obj: &descObject{content: text, mime: mimeType}, form: formObject}
}

// NullDescription returns a description written as JSON null.
func NullDescription() Description { return Description{form: formNull} }

// Text returns the description's text, whatever its form.
func (d Description) Text() string {
	if d.form == formObject {
		return d.obj.content
	}
	return d.text
}

// Type returns the MIME type of an object-form description, else "".
func (d Description) Type() string {
	if d.form == formObject {
		return d.obj.mime
	}
	return ""
}

// Version returns the "version" member of an object-form description.
func (d Description) Version() Value {
	if d.form == formObject {
		return d.obj.version
	}
	return Value{}
}

// WithText returns the description with new text, keeping its form (an absent
// or null description becomes a plain string).
func (d Description) WithText(text string) Description {
	if d.form != formObject {
		return NewDescription(text)
	}
	obj := *d.obj
	obj.content = text
	return Description{obj: &obj, form: formObject}
}

// IsZero reports whether the description is absent.
func (d Description) IsZero() bool { return d.form == formAbsent }

// IsNull reports whether the description is JSON null.
func (d Description) IsNull() bool { return d.form == formNull }

// IsObject reports whether the description is in the object form.
func (d Description) IsObject() bool { return d.form == formObject }

// String returns the text, so a Description prints as its text.
func (d Description) String() string { return d.Text() }

// MarshalJSON writes the description in its form; absent marshals as null.
func (d Description) MarshalJSON() ([]byte, error) {
	var e encoder
	e.description(d)
	return e.buf, nil
}

// UnmarshalJSON reads a string, an object or null.
func (d *Description) UnmarshalJSON(data []byte) error {
	dec := decoder{data: data}
	var x extras
	if err := dec.descField(&x, 1, nil, d); err != nil {
		return finishError(err, data)
	}
	if x.hasUnknown() {
		return finishError(dec.errorf("a description must be a string, an object or null"), data)
	}
	return nil
}

func (o *descObject) decode(d *decoder) error {
	return d.fields(&o.extras, func(key []byte) error {
		switch string(key) {
		case "content":
			return d.strField(&o.extras, descContent, key, &o.content)
		case "type":
			return d.strField(&o.extras, descType, key, &o.mime)
		case "version":
			return d.valueField(&o.extras, descVersion, &o.version)
		}
		return d.keep(&o.extras, 0, key)
	})
}

// descField decodes a description member, keeping any other type raw.
func (d *decoder) descField(x *extras, id uint8, key []byte, dst *Description) error {
	*dst = Description{}
	switch d.peek() {
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		*dst = Description{text: s, form: formString}
	case 'n':
		if err := d.literal("null"); err != nil {
			return err
		}
		*dst = Description{form: formNull}
	case '{':
		o := new(descObject)
		if err := o.decode(d); err != nil {
			return err
		}
		*dst = Description{obj: o, form: formObject}
	default:
		return d.keep(x, id, key)
	}
	d.took(x, id)
	return nil
}

func (o *descObject) has(id uint8) bool {
	switch id {
	case descContent:
		return o.isSeen(id) || o.content != ""
	case descType:
		return o.isSeen(id) || o.mime != ""
	case descVersion:
		return !o.version.IsZero()
	}
	return false
}

func (o *descObject) put(e *encoder, id uint8) {
	switch id {
	case descContent:
		e.str(o.content)
	case descType:
		e.str(o.mime)
	case descVersion:
		e.value(o.version)
	}
}

func (e *encoder) description(d Description) {
	switch d.form {
	case formString:
		e.str(d.text)
	case formObject:
		e.object(&d.obj.extras, descKeys, d.obj)
	default:
		e.null()
	}
}
