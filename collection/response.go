package collection

// Response is a response saved with a request, as an example.
type Response struct {
	ID   string
	Name string // not in the schema, but always written by Postman
	// OriginalRequest is the request that produced the response.
	OriginalRequest *Request
	Status          string // "200 OK"
	Code            int
	// Header may be an array (of objects, or of "Key: value" strings), a
	// string of lines, or null; each is written back in its form.
	Header  HeaderList
	Cookies []Cookie
	// Body is the response body text; a null body stays null while empty.
	Body string
	// ResponseTime is a number of milliseconds, a string, or null.
	ResponseTime Value
	// Timings is an object of timing figures, or null.
	Timings Value

	headerText string
	extras
}

const (
	respID uint8 = iota + 1
	respName
	respOriginalRequest
	respStatus
	respCode
	respHeader
	respCookie
	respBody
	respResponseTime
	respTimings
)

var responseKeys = []string{"", "id", "name", "originalRequest", "status", "code", "header", "cookie", "body", "responseTime", "timings"}

// BodyIsNull reports whether the body was null in the input and is still empty.
func (r *Response) BodyIsNull() bool { return r.Body == "" && r.isNull(respBody) }

func (r *Response) decode(d *decoder) error {
	*r = Response{}
	return d.fields(&r.extras, func(key []byte) error {
		switch string(key) {
		case "id":
			return d.strField(&r.extras, respID, key, &r.ID)
		case "name":
			return d.strField(&r.extras, respName, key, &r.Name)
		case "originalRequest":
			return d.requestField(&r.extras, respOriginalRequest, key, &r.OriginalRequest)
		case "status":
			return d.strField(&r.extras, respStatus, key, &r.Status)
		case "code":
			return d.intField(&r.extras, respCode, key, &r.Code)
		case "header":
			return d.headerField(&r.extras, respHeader, key, &r.Header, &r.headerText, true)
		case "cookie":
			return listField(d, &r.extras, respCookie, key, &r.Cookies, objectElem[Cookie])
		case "body":
			return d.nullStrField(&r.extras, respBody, key, &r.Body)
		case "responseTime":
			return d.valueField(&r.extras, respResponseTime, &r.ResponseTime)
		case "timings":
			return d.valueField(&r.extras, respTimings, &r.Timings)
		}
		return d.keep(&r.extras, 0, key)
	})
}

func (r *Response) has(id uint8) bool {
	switch id {
	case respID:
		return r.isSeen(id) || r.ID != ""
	case respName:
		return r.isSeen(id) || r.Name != ""
	case respOriginalRequest:
		return r.OriginalRequest != nil
	case respStatus:
		return r.isSeen(id) || r.Status != ""
	case respCode:
		return r.isSeen(id) || r.Code != 0
	case respHeader:
		return r.Header != nil || r.isNull(id)
	case respCookie:
		return r.Cookies != nil
	case respBody:
		return r.isSeen(id) || r.isNull(id) || r.Body != ""
	case respResponseTime:
		return !r.ResponseTime.IsZero()
	case respTimings:
		return !r.Timings.IsZero()
	}
	return false
}

func (r *Response) put(e *encoder, id uint8) {
	switch id {
	case respID:
		e.str(r.ID)
	case respName:
		e.str(r.Name)
	case respOriginalRequest:
		r.OriginalRequest.encode(e)
	case respStatus:
		e.str(r.Status)
	case respCode:
		e.int(r.Code)
	case respHeader:
		if r.Header == nil {
			e.null()
			return
		}
		e.headersUnion(r.Header, r.forms&formBitHeader != 0, r.headerText)
	case respCookie:
		writeList(e, r.Cookies, (*Cookie).encode)
	case respBody:
		e.nullableStr(&r.extras, id, r.Body)
	case respResponseTime:
		e.value(r.ResponseTime)
	case respTimings:
		e.value(r.Timings)
	}
}

func (r *Response) encode(e *encoder) { e.object(&r.extras, responseKeys, r) }

// MarshalJSON writes the response with its keys in their original order.
func (r Response) MarshalJSON() ([]byte, error) { return marshalWith(&r) }

// UnmarshalJSON reads a response object.
func (r *Response) UnmarshalJSON(data []byte) error { return unmarshalObject(data, r) }

// Cookie is a cookie of a saved response, in the Chrome extension format.
type Cookie struct {
	Domain string
	// Expires is a date string, a number, or null.
	Expires  Value
	MaxAge   string
	HostOnly bool
	HTTPOnly bool
	Name     string
	Path     string
	Secure   bool
	Session  bool
	Value    string
	// Extensions holds custom attributes (an array).
	Extensions Value
	extras
}

const (
	ckDomain uint8 = iota + 1
	ckExpires
	ckMaxAge
	ckHostOnly
	ckHTTPOnly
	ckName
	ckPath
	ckSecure
	ckSession
	ckValue
	ckExtensions
)

var cookieKeys = []string{"", "domain", "expires", "maxAge", "hostOnly", "httpOnly", "name", "path", "secure", "session", "value", "extensions"}

func (c *Cookie) decode(d *decoder) error {
	*c = Cookie{}
	return d.fields(&c.extras, func(key []byte) error {
		switch string(key) {
		case "domain":
			return d.strField(&c.extras, ckDomain, key, &c.Domain)
		case "expires":
			return d.valueField(&c.extras, ckExpires, &c.Expires)
		case "maxAge":
			return d.strField(&c.extras, ckMaxAge, key, &c.MaxAge)
		case "hostOnly":
			return d.boolField(&c.extras, ckHostOnly, key, &c.HostOnly)
		case "httpOnly":
			return d.boolField(&c.extras, ckHTTPOnly, key, &c.HTTPOnly)
		case "name":
			return d.strField(&c.extras, ckName, key, &c.Name)
		case "path":
			return d.strField(&c.extras, ckPath, key, &c.Path)
		case "secure":
			return d.boolField(&c.extras, ckSecure, key, &c.Secure)
		case "session":
			return d.boolField(&c.extras, ckSession, key, &c.Session)
		case "value":
			return d.strField(&c.extras, ckValue, key, &c.Value)
		case "extensions":
			return d.valueField(&c.extras, ckExtensions, &c.Extensions)
		}
		return d.keep(&c.extras, 0, key)
	})
}

func (c *Cookie) has(id uint8) bool {
	switch id {
	case ckDomain:
		return c.isSeen(id) || c.Domain != ""
	case ckExpires:
		return !c.Expires.IsZero()
	case ckMaxAge:
		return c.isSeen(id) || c.MaxAge != ""
	case ckHostOnly:
		return c.isSeen(id) || c.HostOnly
	case ckHTTPOnly:
		return c.isSeen(id) || c.HTTPOnly
	case ckName:
		return c.isSeen(id) || c.Name != ""
	case ckPath:
		return c.isSeen(id) || c.Path != ""
	case ckSecure:
		return c.isSeen(id) || c.Secure
	case ckSession:
		return c.isSeen(id) || c.Session
	case ckValue:
		return c.isSeen(id) || c.Value != ""
	case ckExtensions:
		return !c.Extensions.IsZero()
	}
	return false
}

func (c *Cookie) put(e *encoder, id uint8) {
	switch id {
	case ckDomain:
		e.str(c.Domain)
	case ckExpires:
		e.value(c.Expires)
	case ckMaxAge:
		e.str(c.MaxAge)
	case ckHostOnly:
		e.boolean(c.HostOnly)
	case ckHTTPOnly:
		e.boolean(c.HTTPOnly)
	case ckName:
		e.str(c.Name)
	case ckPath:
		e.str(c.Path)
	case ckSecure:
		e.boolean(c.Secure)
	case ckSession:
		e.boolean(c.Session)
	case ckValue:
		e.str(c.Value)
	case ckExtensions:
		e.value(c.Extensions)
	}
}

func (c *Cookie) encode(e *encoder) { e.object(&c.extras, cookieKeys, c) }

// MarshalJSON writes the cookie with its keys in their original order.
func (c Cookie) MarshalJSON() ([]byte, error) { return marshalWith(&c) }

// UnmarshalJSON reads a cookie object.
func (c *Cookie) UnmarshalJSON(data []byte) error { return unmarshalObject(data, c) }
