package collection

// BodyMode says which member of a Body holds the request body.
type BodyMode string

// The body modes of the format.
const (
	ModeRaw        BodyMode = "raw"
	ModeURLEncoded BodyMode = "urlencoded"
	ModeFormData   BodyMode = "formdata"
	ModeFile       BodyMode = "file"
	ModeGraphQL    BodyMode = "graphql"
)

// Body is the body of a request. A body read as null is kept as such: see
// [NullBody].
type Body struct {
	Mode BodyMode
	// RawText is the "raw" member: the body text in raw mode.
	RawText    string
	URLEncoded []FormParam
	FormData   []FormParam
	File       *BodyFile
	GraphQL    *GraphQL
	// Options holds per-mode settings, e.g. {"raw": {"language": "json"}}.
	Options  Object
	Disabled bool

	null bool
	extras
}

const (
	bodyMode uint8 = iota + 1
	bodyRaw
	bodyURLEncoded
	bodyFormData
	bodyFile
	bodyGraphQL
	bodyOptions
	bodyDisabled
)

var bodyKeys = []string{"", "mode", "raw", "urlencoded", "formdata", "file", "graphql", "options", "disabled"}

// FormParam is one parameter of a urlencoded or formdata body. In formdata, a
// parameter of Type "file" names its files in Src instead of having a Value.
type FormParam struct {
	Key   string
	Value string
	// Src lists the files of a file parameter. A single file given as a
	// string is written back as a string; null is kept too.
	Src         []string
	Type        string // "text" or "file"
	ContentType string
	Description Description
	Disabled    bool
	extras
}

const (
	fpKey uint8 = iota + 1
	fpValue
	fpSrc
	fpType
	fpContentType
	fpDescription
	fpDisabled
)

var formParamKeys = []string{"", "key", "value", "src", "type", "contentType", "description", "disabled"}

// BodyFile is the file of a body in file mode.
type BodyFile struct {
	Src     string // file name; may have been null (no file chosen)
	Content string
	extras
}

const (
	bfSrc uint8 = iota + 1
	bfContent
)

var bodyFileKeys = []string{"", "src", "content"}

// GraphQL is the body of a request in graphql mode.
type GraphQL struct {
	Query string
	// Variables is the JSON text of the variables, as Postman stores it.
	Variables string
	extras
}

const (
	gqQuery uint8 = iota + 1
	gqVariables
)

var graphQLKeys = []string{"", "query", "variables"}

// NewRawBody returns a raw body. A non-empty language ("json", "xml", "text",
// "javascript", "html") is recorded in options.raw.language, which is how
// Postman picks the editor and the Content-Type.
func NewRawBody(text, language string) *Body {
	b := &Body{Mode: ModeRaw, RawText: text}
	if language != "" {
		b.Options = NewObject()
		b.Options.Set("raw", Value{raw: `{"language":` + StringValue(language).raw + `}`})
	}
	return b
}

// NewURLEncodedBody returns an x-www-form-urlencoded body.
func NewURLEncodedBody(params ...FormParam) *Body {
	return &Body{Mode: ModeURLEncoded, URLEncoded: append([]FormParam{}, params...)}
}

// NewFormDataBody returns a multipart/form-data body.
func NewFormDataBody(params ...FormParam) *Body {
	return &Body{Mode: ModeFormData, FormData: append([]FormParam{}, params...)}
}

// NewGraphQLBody returns a GraphQL body; variables is JSON text or "".
func NewGraphQLBody(query, variables string) *Body {
	return &Body{Mode: ModeGraphQL, GraphQL: &GraphQL{Query: query, Variables: variables}}
}

// NewFileBody returns a body sending the file named src.
func NewFileBody(src string) *Body {
	return &Body{Mode: ModeFile, File: &BodyFile{Src: src}}
}

// NullBody returns a body written as JSON null.
func NullBody() *Body { return &Body{null: true} }

// TextParam returns a text parameter for urlencoded and formdata bodies.
func TextParam(key, value string) FormParam {
	return FormParam{Key: key, Value: value, Type: "text"}
}

// FileParam returns a formdata file parameter; one file is written as a
// string, several as an array.
func FileParam(key string, src ...string) FormParam {
	p := FormParam{Key: key, Type: "file", Src: append([]string{}, src...)}
	if len(src) == 1 {
		p.forms |= formBitSrc
	}
	return p
}

// IsNull reports whether the body is JSON null.
func (b *Body) IsNull() bool { return b != nil && b.null }

// Raw returns the text of a raw body, or "" in other modes.
func (b *Body) Raw() string {
	if b == nil || (b.Mode != ModeRaw && b.Mode != "") {
		return ""
	}
	return b.RawText
}

// Language returns options.raw.language ("json", "xml", …), or "".
func (b *Body) Language() string {
	if b == nil {
		return ""
	}
	raw, ok := b.Options.Get("raw")
	if !ok {
		return ""
	}
	var opts struct {
		Language string `json:"language"`
	}
	if raw.Decode(&opts) != nil {
		return ""
	}
	return opts.Language
}

func (b *Body) decode(d *decoder) error {
	*b = Body{}
	return d.fields(&b.extras, func(key []byte) error {
		switch string(key) {
		case "mode":
			return d.strField(&b.extras, bodyMode, key, (*string)(&b.Mode))
		case "raw":
			return d.strField(&b.extras, bodyRaw, key, &b.RawText)
		case "urlencoded":
			return listField(d, &b.extras, bodyURLEncoded, key, &b.URLEncoded, objectElem[FormParam])
		case "formdata":
			return listField(d, &b.extras, bodyFormData, key, &b.FormData, objectElem[FormParam])
		case "file":
			return objectField(d, &b.extras, bodyFile, key, &b.File)
		case "graphql":
			return objectField(d, &b.extras, bodyGraphQL, key, &b.GraphQL)
		case "options":
			return d.objectValueField(&b.extras, bodyOptions, key, &b.Options)
		case "disabled":
			return d.boolField(&b.extras, bodyDisabled, key, &b.Disabled)
		}
		return d.keep(&b.extras, 0, key)
	})
}

func (b *Body) has(id uint8) bool {
	switch id {
	case bodyMode:
		return b.isSeen(id) || b.Mode != ""
	case bodyRaw:
		return b.isSeen(id) || b.RawText != ""
	case bodyURLEncoded:
		return b.URLEncoded != nil
	case bodyFormData:
		return b.FormData != nil
	case bodyFile:
		return b.File != nil
	case bodyGraphQL:
		return b.GraphQL != nil
	case bodyOptions:
		return !b.Options.IsZero()
	case bodyDisabled:
		return b.isSeen(id) || b.Disabled
	}
	return false
}

func (b *Body) put(e *encoder, id uint8) {
	switch id {
	case bodyMode:
		e.str(string(b.Mode))
	case bodyRaw:
		e.str(b.RawText)
	case bodyURLEncoded:
		writeList(e, b.URLEncoded, (*FormParam).encode)
	case bodyFormData:
		writeList(e, b.FormData, (*FormParam).encode)
	case bodyFile:
		b.File.encode(e)
	case bodyGraphQL:
		b.GraphQL.encode(e)
	case bodyOptions:
		e.rawObject(b.Options)
	case bodyDisabled:
		e.boolean(b.Disabled)
	}
}

func (b *Body) encode(e *encoder) {
	if b.null {
		e.null()
		return
	}
	e.object(&b.extras, bodyKeys, b)
}

// MarshalJSON writes the body with its keys in their original order.
func (b Body) MarshalJSON() ([]byte, error) { return marshalWith(&b) }

// UnmarshalJSON reads a body object. Unlike other types, a body reads JSON
// null as a null body rather than leaving it untouched.
func (b *Body) UnmarshalJSON(data []byte) error { return unmarshalNullable(data, b, NullBody) }

func (p *FormParam) decode(d *decoder) error {
	*p = FormParam{}
	return d.fields(&p.extras, func(key []byte) error {
		switch string(key) {
		case "key":
			return d.strField(&p.extras, fpKey, key, &p.Key)
		case "value":
			return d.nullStrField(&p.extras, fpValue, key, &p.Value)
		case "src":
			if d.peek() != 'n' {
				return d.stringsField(&p.extras, fpSrc, key, &p.Src, "", formBitSrc)
			}
			p.Src = nil
			p.forms &^= formBitSrc
			if err := d.literal("null"); err != nil {
				return err
			}
			d.tookNull(&p.extras, fpSrc)
			return nil
		case "type":
			return d.strField(&p.extras, fpType, key, &p.Type)
		case "contentType":
			return d.strField(&p.extras, fpContentType, key, &p.ContentType)
		case "description":
			return d.descField(&p.extras, fpDescription, key, &p.Description)
		case "disabled":
			return d.boolField(&p.extras, fpDisabled, key, &p.Disabled)
		}
		return d.keep(&p.extras, 0, key)
	})
}

func (p *FormParam) has(id uint8) bool {
	switch id {
	case fpKey:
		return p.isSeen(id) || p.Key != ""
	case fpValue:
		return p.isSeen(id) || p.isNull(id) || p.Value != ""
	case fpSrc:
		return p.Src != nil || p.isNull(id)
	case fpType:
		return p.isSeen(id) || p.Type != ""
	case fpContentType:
		return p.isSeen(id) || p.ContentType != ""
	case fpDescription:
		return !p.Description.IsZero()
	case fpDisabled:
		return p.isSeen(id) || p.Disabled
	}
	return false
}

func (p *FormParam) put(e *encoder, id uint8) {
	switch id {
	case fpKey:
		e.str(p.Key)
	case fpValue:
		e.nullableStr(&p.extras, id, p.Value)
	case fpSrc:
		if p.Src == nil {
			e.null()
			return
		}
		e.stringsUnion(p.Src, p.forms&formBitSrc != 0, "")
	case fpType:
		e.str(p.Type)
	case fpContentType:
		e.str(p.ContentType)
	case fpDescription:
		e.description(p.Description)
	case fpDisabled:
		e.boolean(p.Disabled)
	}
}

func (p *FormParam) encode(e *encoder) { e.object(&p.extras, formParamKeys, p) }

// MarshalJSON writes the parameter with its keys in their original order.
func (p FormParam) MarshalJSON() ([]byte, error) { return marshalWith(&p) }

// UnmarshalJSON reads a parameter object.
func (p *FormParam) UnmarshalJSON(data []byte) error { return unmarshalObject(data, p) }

func (f *BodyFile) decode(d *decoder) error {
	*f = BodyFile{}
	return d.fields(&f.extras, func(key []byte) error {
		switch string(key) {
		case "src":
			return d.nullStrField(&f.extras, bfSrc, key, &f.Src)
		case "content":
			return d.strField(&f.extras, bfContent, key, &f.Content)
		}
		return d.keep(&f.extras, 0, key)
	})
}

func (f *BodyFile) has(id uint8) bool {
	switch id {
	case bfSrc:
		return f.isSeen(id) || f.isNull(id) || f.Src != ""
	case bfContent:
		return f.isSeen(id) || f.Content != ""
	}
	return false
}

func (f *BodyFile) put(e *encoder, id uint8) {
	switch id {
	case bfSrc:
		e.nullableStr(&f.extras, id, f.Src)
	case bfContent:
		e.str(f.Content)
	}
}

func (f *BodyFile) encode(e *encoder) { e.object(&f.extras, bodyFileKeys, f) }

func (g *GraphQL) decode(d *decoder) error {
	*g = GraphQL{}
	return d.fields(&g.extras, func(key []byte) error {
		switch string(key) {
		case "query":
			return d.strField(&g.extras, gqQuery, key, &g.Query)
		case "variables":
			return d.strField(&g.extras, gqVariables, key, &g.Variables)
		}
		return d.keep(&g.extras, 0, key)
	})
}

func (g *GraphQL) has(id uint8) bool {
	switch id {
	case gqQuery:
		return g.isSeen(id) || g.Query != ""
	case gqVariables:
		return g.isSeen(id) || g.Variables != ""
	}
	return false
}

func (g *GraphQL) put(e *encoder, id uint8) {
	switch id {
	case gqQuery:
		e.str(g.Query)
	case gqVariables:
		e.str(g.Variables)
	}
}

func (g *GraphQL) encode(e *encoder) { e.object(&g.extras, graphQLKeys, g) }

// MarshalJSON writes the file body with its keys in their original order.
func (f BodyFile) MarshalJSON() ([]byte, error) { return marshalWith(&f) }

// UnmarshalJSON reads a file body object.
func (f *BodyFile) UnmarshalJSON(data []byte) error { return unmarshalObject(data, f) }

// MarshalJSON writes the GraphQL body with its keys in their original order.
func (g GraphQL) MarshalJSON() ([]byte, error) { return marshalWith(&g) }

// UnmarshalJSON reads a GraphQL body object.
func (g *GraphQL) UnmarshalJSON(data []byte) error { return unmarshalObject(data, g) }
