package collection

// Auth types. The set is open: Postman adds types (jwt, asap, …) beyond the
// schema's enum, and any other type is kept as read.
const (
	AuthAPIKey   = "apikey"
	AuthAWSv4    = "awsv4"
	AuthBasic    = "basic"
	AuthBearer   = "bearer"
	AuthDigest   = "digest"
	AuthEdgeGrid = "edgegrid"
	AuthHawk     = "hawk"
	AuthNoAuth   = "noauth"
	AuthOAuth1   = "oauth1"
	AuthOAuth2   = "oauth2"
	AuthNTLM     = "ntlm"
	AuthJWT      = "jwt"
	AuthASAP     = "asap"
)

// Auth is the authentication of a collection, folder or request.
//
// Where it sits, a nil *Auth means the key is absent: the request inherits
// its parent's auth. An Auth for which IsNull reports true is JSON null,
// which newman (postman-collection's Item#getAuth) reads the same way: the
// request inherits. Only type "noauth" means "send no auth"; see
// [Collection.EffectiveAuth].
//
// The parameters of the type are the member named after it: an array of
// {key, value, type} in v2.1 ("bearer": [{"key": "token", …}]) or an object
// in v2.0 ("bearer": {"token": …}). Both are read whatever the declared
// version and written back in the form read; [Collection.Convert] changes it.
type Auth struct {
	Type   string
	Params []AuthParam

	null bool
	extras
}

const (
	authType uint8 = iota + 1
	authParams
)

// AuthParam is one parameter of an auth type.
type AuthParam struct {
	Key   string
	Value Value
	Type  string // "string", "boolean", "number", "any"; empty in the v2.0 object form
	extras
}

const (
	apKey uint8 = iota + 1
	apValue
	apType
)

var authParamKeys = []string{"", "key", "value", "type"}

// NewAuth returns an auth of type typ with params in the v2.1 array form.
func NewAuth(typ string, params ...AuthParam) *Auth {
	return &Auth{Type: typ, Params: append([]AuthParam{}, params...)}
}

// StringParam returns a string auth parameter.
func StringParam(key, value string) AuthParam {
	return AuthParam{Key: key, Value: StringValue(value), Type: "string"}
}

// BearerAuth returns bearer token auth.
func BearerAuth(token string) *Auth {
	return NewAuth(AuthBearer, StringParam("token", token))
}

// BasicAuth returns HTTP basic auth.
func BasicAuth(username, password string) *Auth {
	return NewAuth(AuthBasic, StringParam("username", username), StringParam("password", password))
}

// APIKeyAuth returns API key auth sending key: value in the header or, with
// in "query", in the query string.
func APIKeyAuth(key, value, in string) *Auth {
	return NewAuth(AuthAPIKey, StringParam("key", key), StringParam("value", value), StringParam("in", in))
}

// NoAuth returns auth of type "noauth".
func NoAuth() *Auth { return &Auth{Type: AuthNoAuth} }

// NullAuth returns an auth written as JSON null. Like an absent auth, newman
// reads it as "inherit the parent's auth", not as "no auth": use [NoAuth]
// for that.
func NullAuth() *Auth { return &Auth{null: true} }

// IsNull reports whether the auth is JSON null.
func (a *Auth) IsNull() bool { return a != nil && a.null }

// ParamValue returns the value of the parameter key.
func (a *Auth) ParamValue(key string) (Value, bool) {
	if a == nil {
		return Value{}, false
	}
	for i := len(a.Params) - 1; i >= 0; i-- {
		if a.Params[i].Key == key {
			return a.Params[i].Value, true
		}
	}
	return Value{}, false
}

// Param returns the parameter key as text (see Value.String), or "".
func (a *Auth) Param(key string) string {
	v, _ := a.ParamValue(key)
	return v.String()
}

// SetParam sets the parameter key, in place if present, else at the end.
func (a *Auth) SetParam(key string, v Value) {
	for i := len(a.Params) - 1; i >= 0; i-- {
		if a.Params[i].Key == key {
			a.Params[i].Value = v
			return
		}
	}
	p := AuthParam{Key: key, Value: v}
	if a.forms&formBitParams == 0 {
		p.Type = paramType(v)
	}
	a.Params = append(a.Params, p)
}

// DeleteParam removes the parameter key.
func (a *Auth) DeleteParam(key string) {
	out := a.Params[:0:0]
	for _, p := range a.Params {
		if p.Key != key {
			out = append(out, p)
		}
	}
	if a.Params != nil && out == nil {
		out = []AuthParam{}
	}
	a.Params = out
}

// paramType names the v2.1 parameter type Postman uses for a value.
func paramType(v Value) string {
	switch {
	case v.IsString():
		return "string"
	case v.raw == "true" || v.raw == "false":
		return "boolean"
	case len(v.raw) > 0 && (v.raw[0] == '-' || '0' <= v.raw[0] && v.raw[0] <= '9'):
		return "number"
	}
	return "any"
}

// authMember is one member of an auth object, noted before the type is known.
type authMember struct {
	key        []byte
	start      int
	isType     bool
	typeString bool
}

// decode reads an auth object. The member holding the parameters is named
// after the type, which may come after it, so members are noted first and
// sorted out once the type is known; auth objects are tiny.
func (a *Auth) decode(d *decoder) error {
	*a = Auth{}
	var buf [8]authMember
	members := buf[:0]
	typeSeen := false
	// The first pass records no key order (endObject sees none); the
	// second, below, does.
	err := d.fields(&a.extras, func(key []byte) error {
		d.ws()
		m := authMember{key: key, start: d.pos, isType: string(key) == "type"}
		var err error
		if m.isType && d.peek() == '"' {
			a.Type, err = d.str()
			m.typeString, typeSeen = true, true
		} else {
			if m.isType {
				a.Type, typeSeen = "", false
			}
			_, err = d.skip()
		}
		members = append(members, m)
		return err
	})
	if err != nil {
		return err
	}
	params := -1
	if typeSeen && a.Type != "type" && a.Type != "" {
		for i := len(members) - 1; i >= 0; i-- {
			if !members[i].isType && string(members[i].key) == a.Type {
				params = i
				break
			}
		}
	}
	end, mark := d.pos, len(d.ord)
	for i, m := range members {
		if m.typeString {
			d.took(&a.extras, authType)
			if !typeSeen {
				a.seen &^= 1 << authType
			}
			continue
		}
		d.pos = m.start
		if i == params {
			ok, err := a.decodeParams(d)
			if err != nil {
				return wrapKey(err, m.key)
			}
			if ok {
				d.took(&a.extras, authParams)
				continue
			}
			d.pos = m.start
		}
		if err := d.keep(&a.extras, 0, m.key); err != nil {
			return err
		}
	}
	d.pos = end
	d.endObject(&a.extras, mark)
	return nil
}

// decodeParams reads the parameters in either form; false if neither fits.
func (a *Auth) decodeParams(d *decoder) (bool, error) {
	switch d.peek() {
	case '[':
		list, ok, err := decodeList(d, objectElem[AuthParam])
		if err != nil || !ok {
			return false, err
		}
		a.Params = list
		return true, nil
	case '{':
		if err := d.open(); err != nil {
			return false, err
		}
		a.Params = []AuthParam{}
		a.forms |= formBitParams
		first := true
		for {
			key, ok, err := d.member(&first)
			if err != nil {
				return false, err
			}
			if !ok {
				return true, nil
			}
			raw, err := d.skip()
			if err != nil {
				return false, wrapKey(err, key)
			}
			a.Params = append(a.Params, AuthParam{Key: intern(key), Value: Value{raw: internRaw(raw)}})
		}
	}
	return false, nil
}

func (a *Auth) has(id uint8) bool {
	switch id {
	case authType:
		return a.isSeen(id) || a.Type != ""
	case authParams:
		return a.Params != nil && a.Type != "" && a.Type != "type"
	}
	return false
}

func (a *Auth) put(e *encoder, id uint8) {
	switch id {
	case authType:
		e.str(a.Type)
	case authParams:
		if a.forms&formBitParams != 0 && objectFormFits(a.Params) {
			e.open('{')
			for i := range a.Params {
				e.key(a.Params[i].Key)
				e.value(a.Params[i].Value)
			}
			e.close('}')
			return
		}
		writeList(e, a.Params, (*AuthParam).encode)
	}
}

// objectFormFits reports whether parameters can be written in the v2.0
// object form, which has nowhere to put a parameter type or extra members.
func objectFormFits(params []AuthParam) bool {
	for i := range params {
		if params[i].Type != "" || params[i].hasUnknown() || params[i].isSeen(apType) {
			return false
		}
	}
	return true
}

func (a *Auth) encode(e *encoder) {
	if a.null {
		e.null()
		return
	}
	keys := [3]string{"", "type", a.Type}
	e.object(&a.extras, keys[:], a)
}

// MarshalJSON writes the auth with its keys in their original order.
func (a Auth) MarshalJSON() ([]byte, error) { return marshalWith(&a) }

// UnmarshalJSON reads an auth object, or null as a null auth.
func (a *Auth) UnmarshalJSON(data []byte) error { return unmarshalNullable(data, a, NullAuth) }

func (p *AuthParam) decode(d *decoder) error {
	*p = AuthParam{}
	return d.fields(&p.extras, func(key []byte) error {
		switch string(key) {
		case "key":
			return d.strField(&p.extras, apKey, key, &p.Key)
		case "value":
			return d.valueField(&p.extras, apValue, &p.Value)
		case "type":
			return d.strField(&p.extras, apType, key, &p.Type)
		}
		return d.keep(&p.extras, 0, key)
	})
}

func (p *AuthParam) has(id uint8) bool {
	switch id {
	case apKey:
		return p.isSeen(id) || p.Key != ""
	case apValue:
		return !p.Value.IsZero()
	case apType:
		return p.isSeen(id) || p.Type != ""
	}
	return false
}

func (p *AuthParam) put(e *encoder, id uint8) {
	switch id {
	case apKey:
		e.str(p.Key)
	case apValue:
		e.value(p.Value)
	case apType:
		e.str(p.Type)
	}
}

func (p *AuthParam) encode(e *encoder) { e.object(&p.extras, authParamKeys, p) }

// MarshalJSON writes the auth parameter with its keys in their original order.
func (p AuthParam) MarshalJSON() ([]byte, error) { return marshalWith(&p) }

// UnmarshalJSON reads a auth parameter object.
func (p *AuthParam) UnmarshalJSON(data []byte) error { return unmarshalObject(data, p) }
