package collection

// URL is the URL of a request, either a plain string or broken down into
// parts. A URL read as a string keeps it in Raw and is written back as a
// string while no part is set; ParseURL breaks a string down as Postman does.
//
// Where both are set, newman goes by the parts and ignores Raw; so do
// [URL.Concrete] and [Collection.HTTPRequest].
type URL struct {
	// Raw is the whole URL as the user typed it, {{variables}} included.
	Raw      string
	Protocol string
	// UserInfo is the "user:password@" before the host, written under the
	// key "auth" as postman-collection does; nil when there is none.
	UserInfo *UserInfo
	// Host holds the host's labels ("api", "example", "com"). A host read as
	// a string is split on dots and joined back on write.
	Host []string
	Port string
	// Path holds the path segments. A path read as a string is split on "/"
	// and joined back on write, so "/a/b" gives "", "a", "b".
	Path      []string
	Query     []QueryParam
	Hash      string
	Variables []Variable // path variables, for segments like ":id"
	extras
}

const (
	urlRaw uint8 = iota + 1
	urlProtocol
	urlHost
	urlPort
	urlPath
	urlQuery
	urlHash
	urlVariable
	urlUserInfo
)

var urlKeys = []string{"", "raw", "protocol", "host", "port", "path", "query", "hash", "variable", "auth"}

// QueryParam is one query parameter. Key and Value may have been null in the
// input (a parameter without "="); an empty one read as null is written back
// as null.
type QueryParam struct {
	Key         string
	Value       string
	Disabled    bool
	Description Description
	extras
}

const (
	qpKey uint8 = iota + 1
	qpValue
	qpDescription
	qpDisabled
)

var queryKeys = []string{"", "key", "value", "description", "disabled"}

// ValueIsNull reports whether the value was null in the input and is still empty.
func (q *QueryParam) ValueIsNull() bool { return q.Value == "" && q.isNull(qpValue) }

// KeyIsNull reports whether the key was null in the input and is still empty,
// as ParseURL gives an empty parameter between two "&".
func (q *QueryParam) KeyIsNull() bool { return q.Key == "" && q.isNull(qpKey) }

// QueryParams returns the query parameters: the Query field when the URL is
// broken down, else those parsed from Raw.
func (u URL) QueryParams() []QueryParam {
	if u.Query != nil {
		return u.Query
	}
	return ParseURL(u.Raw).Query
}

// QueryValue returns the value of the first enabled query parameter named key.
func (u URL) QueryValue(key string) (string, bool) {
	for _, q := range u.QueryParams() {
		if !q.Disabled && q.Key == key {
			return q.Value, true
		}
	}
	return "", false
}

// IsZero reports whether the URL is absent.
func (u URL) IsZero() bool {
	return u.onlyRaw() && u.Raw == "" && u.forms == 0 && u.seen == 0
}

// onlyRaw reports whether nothing but Raw is set, so the string form fits.
func (u *URL) onlyRaw() bool {
	return u.Protocol == "" && u.UserInfo == nil && u.Host == nil && u.Port == "" && u.Path == nil &&
		u.Query == nil && u.Hash == "" && u.Variables == nil && !u.hasUnknown()
}

// isString reports whether the URL was read as a string.
func (u *URL) isString() bool { return u.forms&formBitString != 0 }

func (u *URL) decode(d *decoder) error {
	*u = URL{}
	return d.fields(&u.extras, func(key []byte) error {
		switch string(key) {
		case "raw":
			return d.strField(&u.extras, urlRaw, key, &u.Raw)
		case "protocol":
			return d.strField(&u.extras, urlProtocol, key, &u.Protocol)
		case "host":
			return d.stringsField(&u.extras, urlHost, key, &u.Host, ".", formBitHost)
		case "port":
			return d.strField(&u.extras, urlPort, key, &u.Port)
		case "path":
			return d.stringsField(&u.extras, urlPath, key, &u.Path, "/", formBitPath)
		case "query":
			return listField(d, &u.extras, urlQuery, key, &u.Query, objectElem[QueryParam])
		case "hash":
			return d.strField(&u.extras, urlHash, key, &u.Hash)
		case "variable":
			return d.variablesField(&u.extras, urlVariable, key, &u.Variables)
		case "auth":
			return objectField(d, &u.extras, urlUserInfo, key, &u.UserInfo)
		}
		return d.keep(&u.extras, 0, key)
	})
}

// decodeString reads the string form of a URL.
func (u *URL) decodeString(d *decoder) error {
	s, err := d.str()
	if err != nil {
		return err
	}
	*u = URL{Raw: s}
	u.forms = formBitString
	return nil
}

// urlField reads a URL member held by value.
func (d *decoder) urlField(x *extras, id uint8, key []byte, dst *URL) error {
	*dst = URL{}
	var err error
	switch d.peek() {
	case '"':
		err = dst.decodeString(d)
	case '{':
		err = dst.decode(d)
	default:
		return d.keep(x, id, key)
	}
	if err != nil {
		return err
	}
	d.took(x, id)
	return nil
}

// urlPtrField reads a URL member held by pointer.
func (d *decoder) urlPtrField(x *extras, id uint8, key []byte, dst **URL) error {
	*dst = nil
	if c := d.peek(); c != '"' && c != '{' {
		return d.keep(x, id, key)
	}
	u := new(URL)
	if err := d.urlField(x, id, key, u); err != nil {
		return err
	}
	*dst = u
	return nil
}

func (u *URL) has(id uint8) bool {
	switch id {
	case urlRaw:
		return u.isSeen(id) || u.Raw != ""
	case urlProtocol:
		return u.isSeen(id) || u.Protocol != ""
	case urlHost:
		return u.Host != nil
	case urlPort:
		return u.isSeen(id) || u.Port != ""
	case urlPath:
		return u.Path != nil
	case urlQuery:
		return u.Query != nil
	case urlHash:
		return u.isSeen(id) || u.Hash != ""
	case urlVariable:
		return u.Variables != nil
	case urlUserInfo:
		return u.UserInfo != nil
	}
	return false
}

func (u *URL) put(e *encoder, id uint8) {
	switch id {
	case urlRaw:
		e.str(u.Raw)
	case urlProtocol:
		e.str(u.Protocol)
	case urlHost:
		e.stringsUnion(u.Host, u.forms&formBitHost != 0, ".")
	case urlPort:
		e.str(u.Port)
	case urlPath:
		e.stringsUnion(u.Path, u.forms&formBitPath != 0, "/")
	case urlQuery:
		writeList(e, u.Query, (*QueryParam).encode)
	case urlHash:
		e.str(u.Hash)
	case urlVariable:
		e.variables(u.Variables)
	case urlUserInfo:
		u.UserInfo.encode(e)
	}
}

func (u *URL) encode(e *encoder) {
	if u.isString() && u.onlyRaw() {
		e.str(u.Raw)
		return
	}
	e.object(&u.extras, urlKeys, u)
}

// MarshalJSON writes the URL in the form it was read in.
func (u URL) MarshalJSON() ([]byte, error) { return marshalWith(&u) }

// UnmarshalJSON reads a URL string or object.
func (u *URL) UnmarshalJSON(data []byte) error {
	return unmarshalWith(data, func(d *decoder) (bool, error) {
		switch d.peek() {
		case '"':
			return true, u.decodeString(d)
		case '{':
			return true, u.decode(d)
		}
		return false, nil
	})
}

func (q *QueryParam) decode(d *decoder) error {
	*q = QueryParam{}
	return d.fields(&q.extras, func(key []byte) error {
		switch string(key) {
		case "key":
			return d.nullStrField(&q.extras, qpKey, key, &q.Key)
		case "value":
			return d.nullStrField(&q.extras, qpValue, key, &q.Value)
		case "description":
			return d.descField(&q.extras, qpDescription, key, &q.Description)
		case "disabled":
			return d.boolField(&q.extras, qpDisabled, key, &q.Disabled)
		}
		return d.keep(&q.extras, 0, key)
	})
}

func (q *QueryParam) has(id uint8) bool {
	switch id {
	case qpKey:
		return q.isSeen(id) || q.isNull(id) || q.Key != ""
	case qpValue:
		return q.isSeen(id) || q.isNull(id) || q.Value != ""
	case qpDescription:
		return !q.Description.IsZero()
	case qpDisabled:
		return q.isSeen(id) || q.Disabled
	}
	return false
}

func (q *QueryParam) put(e *encoder, id uint8) {
	switch id {
	case qpKey:
		e.nullableStr(&q.extras, id, q.Key)
	case qpValue:
		e.nullableStr(&q.extras, id, q.Value)
	case qpDescription:
		e.description(q.Description)
	case qpDisabled:
		e.boolean(q.Disabled)
	}
}

func (q *QueryParam) encode(e *encoder) { e.object(&q.extras, queryKeys, q) }

// MarshalJSON writes the parameter with its keys in their original order.
func (q QueryParam) MarshalJSON() ([]byte, error) { return marshalWith(&q) }

// UnmarshalJSON reads a query parameter object.
func (q *QueryParam) UnmarshalJSON(data []byte) error { return unmarshalObject(data, q) }
