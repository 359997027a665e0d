package collection

// Request is the HTTP request of an item or the original request of a saved
// response. A request given as a bare URL string is read into URL and written
// back as a string while nothing else is set.
type Request struct {
	URL URL
	// Auth is nil to inherit the parent's auth; see [Auth].
	Auth        *Auth
	Proxy       *Proxy
	Certificate *Certificate
	// Method is the HTTP method; empty means GET (see EffectiveMethod).
	Method      string
	Description Description
	// Header holds the headers. A header list given as a string of
	// "Key: value" lines is parsed, and written back as that string while
	// it still says the same.
	Header HeaderList
	Body   *Body

	headerText string
	extras
}

const (
	reqAuth uint8 = iota + 1
	reqMethod
	reqHeader
	reqBody
	reqURL
	reqDescription
	reqProxy
	reqCertificate
)

var requestKeys = []string{"", "auth", "method", "header", "body", "url", "description", "proxy", "certificate"}

// NewRequest returns a request for method and the Postman URL rawURL, which
// may hold {{variables}}; the URL is broken down as the Postman app does.
func NewRequest(method, rawURL string) *Request {
	return &Request{Method: method, URL: ParseURL(rawURL), Header: HeaderList{}}
}

// EffectiveMethod returns Method, or GET when it is empty.
func (r *Request) EffectiveMethod() string {
	if r.Method == "" {
		return "GET"
	}
	return r.Method
}

// isBareURL reports whether the request can be written as a URL string.
func (r *Request) isBareURL() bool {
	return r.Method == "" && r.Auth == nil && r.Proxy == nil && r.Certificate == nil &&
		r.Description.IsZero() && r.Header == nil && r.Body == nil && !r.hasUnknown() &&
		r.URL.isString() && r.URL.onlyRaw()
}

func (r *Request) decode(d *decoder) error {
	*r = Request{}
	return d.fields(&r.extras, func(key []byte) error {
		switch string(key) {
		case "url":
			return d.urlField(&r.extras, reqURL, key, &r.URL)
		case "auth":
			return nullableField(d, &r.extras, reqAuth, key, &r.Auth, NullAuth)
		case "proxy":
			return objectField(d, &r.extras, reqProxy, key, &r.Proxy)
		case "certificate":
			return objectField(d, &r.extras, reqCertificate, key, &r.Certificate)
		case "method":
			return d.strField(&r.extras, reqMethod, key, &r.Method)
		case "description":
			return d.descField(&r.extras, reqDescription, key, &r.Description)
		case "header":
			return d.headerField(&r.extras, reqHeader, key, &r.Header, &r.headerText, false)
		case "body":
			return nullableField(d, &r.extras, reqBody, key, &r.Body, NullBody)
		}
		return d.keep(&r.extras, 0, key)
	})
}

// decodeAny reads a request object or a bare URL string.
func (r *Request) decodeAny(d *decoder) (bool, error) {
	switch d.peek() {
	case '{':
		return true, r.decode(d)
	case '"':
		*r = Request{}
		if err := r.URL.decodeString(d); err != nil {
			return true, err
		}
		r.forms |= formBitString
		return true, nil
	}
	return false, nil
}

// requestField reads a request member: an object or a URL string.
func (d *decoder) requestField(x *extras, id uint8, key []byte, dst **Request) error {
	*dst = nil
	if c := d.peek(); c != '{' && c != '"' {
		return d.keep(x, id, key)
	}
	r := new(Request)
	if _, err := r.decodeAny(d); err != nil {
		return err
	}
	*dst = r
	d.took(x, id)
	return nil
}

func (r *Request) has(id uint8) bool {
	switch id {
	case reqURL:
		return r.isSeen(id) || !r.URL.IsZero()
	case reqAuth:
		return r.Auth != nil
	case reqProxy:
		return r.Proxy != nil
	case reqCertificate:
		return r.Certificate != nil
	case reqMethod:
		return r.isSeen(id) || r.Method != ""
	case reqDescription:
		return !r.Description.IsZero()
	case reqHeader:
		return r.Header != nil
	case reqBody:
		return r.Body != nil
	}
	return false
}

func (r *Request) put(e *encoder, id uint8) {
	switch id {
	case reqURL:
		r.URL.encode(e)
	case reqAuth:
		r.Auth.encode(e)
	case reqProxy:
		r.Proxy.encode(e)
	case reqCertificate:
		r.Certificate.encode(e)
	case reqMethod:
		e.str(r.Method)
	case reqDescription:
		e.description(r.Description)
	case reqHeader:
		e.headersUnion(r.Header, r.forms&formBitHeader != 0, r.headerText)
	case reqBody:
		r.Body.encode(e)
	}
}

func (r *Request) encode(e *encoder) {
	if r.forms&formBitString != 0 && r.isBareURL() {
		e.str(r.URL.Raw)
		return
	}
	e.object(&r.extras, requestKeys, r)
}

// MarshalJSON writes the request in the form it was read in.
func (r Request) MarshalJSON() ([]byte, error) { return marshalWith(&r) }

// UnmarshalJSON reads a request object or URL string.
func (r *Request) UnmarshalJSON(data []byte) error { return unmarshalWith(data, r.decodeAny) }

// Proxy is the proxy configuration of a request.
type Proxy struct {
	Match    string // URL match pattern, default "http+https://*/*"
	Host     string
	Port     int
	Tunnel   bool
	Disabled bool
	extras
}

const (
	pxMatch uint8 = iota + 1
	pxHost
	pxPort
	pxTunnel
	pxDisabled
)

var proxyKeys = []string{"", "match", "host", "port", "tunnel", "disabled"}

func (p *Proxy) decode(d *decoder) error {
	*p = Proxy{}
	return d.fields(&p.extras, func(key []byte) error {
		switch string(key) {
		case "match":
			return d.strField(&p.extras, pxMatch, key, &p.Match)
		case "host":
			return d.strField(&p.extras, pxHost, key, &p.Host)
		case "port":
			return d.intField(&p.extras, pxPort, key, &p.Port)
		case "tunnel":
			return d.boolField(&p.extras, pxTunnel, key, &p.Tunnel)
		case "disabled":
			return d.boolField(&p.extras, pxDisabled, key, &p.Disabled)
		}
		return d.keep(&p.extras, 0, key)
	})
}

func (p *Proxy) has(id uint8) bool {
	switch id {
	case pxMatch:
		return p.isSeen(id) || p.Match != ""
	case pxHost:
		return p.isSeen(id) || p.Host != ""
	case pxPort:
		return p.isSeen(id) || p.Port != 0
	case pxTunnel:
		return p.isSeen(id) || p.Tunnel
	case pxDisabled:
		return p.isSeen(id) || p.Disabled
	}
	return false
}

func (p *Proxy) put(e *encoder, id uint8) {
	switch id {
	case pxMatch:
		e.str(p.Match)
	case pxHost:
		e.str(p.Host)
	case pxPort:
		e.int(p.Port)
	case pxTunnel:
		e.boolean(p.Tunnel)
	case pxDisabled:
		e.boolean(p.Disabled)
	}
}

func (p *Proxy) encode(e *encoder) { e.object(&p.extras, proxyKeys, p) }

// Certificate is the client certificate configuration of a request.
type Certificate struct {
	Name       string
	Matches    []string
	Key        *CertificateFile
	Cert       *CertificateFile
	Passphrase string
	extras
}

const (
	certName uint8 = iota + 1
	certMatches
	certKey
	certCert
	certPassphrase
)

var certificateKeys = []string{"", "name", "matches", "key", "cert", "passphrase"}

// CertificateFile points at a key or certificate file on disk.
type CertificateFile struct {
	Src Value
	extras
}

var certFileKeys = []string{"", "src"}

func (c *Certificate) decode(d *decoder) error {
	*c = Certificate{}
	return d.fields(&c.extras, func(key []byte) error {
		switch string(key) {
		case "name":
			return d.strField(&c.extras, certName, key, &c.Name)
		case "matches":
			if d.peek() == '[' {
				return d.stringsField(&c.extras, certMatches, key, &c.Matches, "", 0)
			}
			c.Matches = nil
			return d.keep(&c.extras, certMatches, key)
		case "key":
			return objectField(d, &c.extras, certKey, key, &c.Key)
		case "cert":
			return objectField(d, &c.extras, certCert, key, &c.Cert)
		case "passphrase":
			return d.strField(&c.extras, certPassphrase, key, &c.Passphrase)
		}
		return d.keep(&c.extras, 0, key)
	})
}

func (c *Certificate) has(id uint8) bool {
	switch id {
	case certName:
		return c.isSeen(id) || c.Name != ""
	case certMatches:
		return c.Matches != nil
	case certKey:
		return c.Key != nil
	case certCert:
		return c.Cert != nil
	case certPassphrase:
		return c.isSeen(id) || c.Passphrase != ""
	}
	return false
}

func (c *Certificate) put(e *encoder, id uint8) {
	switch id {
	case certName:
		e.str(c.Name)
	case certMatches:
		e.strings(c.Matches)
	case certKey:
		c.Key.encode(e)
	case certCert:
		c.Cert.encode(e)
	case certPassphrase:
		e.str(c.Passphrase)
	}
}

func (c *Certificate) encode(e *encoder) { e.object(&c.extras, certificateKeys, c) }

func (f *CertificateFile) decode(d *decoder) error {
	*f = CertificateFile{}
	return d.fields(&f.extras, func(key []byte) error {
		if string(key) == "src" {
			return d.valueField(&f.extras, 1, &f.Src)
		}
		return d.keep(&f.extras, 0, key)
	})
}

func (f *CertificateFile) has(id uint8) bool { return id == 1 && !f.Src.IsZero() }

func (f *CertificateFile) put(e *encoder, id uint8) { e.value(f.Src) }

func (f *CertificateFile) encode(e *encoder) { e.object(&f.extras, certFileKeys, f) }

// MarshalJSON writes the proxy with its keys in their original order.
func (p Proxy) MarshalJSON() ([]byte, error) { return marshalWith(&p) }

// UnmarshalJSON reads a proxy object.
func (p *Proxy) UnmarshalJSON(data []byte) error { return unmarshalObject(data, p) }

// MarshalJSON writes the certificate with its keys in their original order.
func (c Certificate) MarshalJSON() ([]byte, error) { return marshalWith(&c) }

// UnmarshalJSON reads a certificate object.
func (c *Certificate) UnmarshalJSON(data []byte) error { return unmarshalObject(data, c) }

// MarshalJSON writes the certificate file with its keys in their original order.
func (f CertificateFile) MarshalJSON() ([]byte, error) { return marshalWith(&f) }

// UnmarshalJSON reads a certificate file object.
func (f *CertificateFile) UnmarshalJSON(data []byte) error { return unmarshalObject(data, f) }
