package collection

import "errors"

// Convert rewrites the collection in format f: info.schema becomes f's
// schema URL, and the parameters of every auth (collection, folders,
// requests, saved responses' original requests) take f's form — arrays of
// {key, value, type} for v2.1, objects for v2.0. Going to v2.0 drops the
// parameters' types and any extra members they carry, which that form cannot
// hold. Everything else is the same in both formats.
func (c *Collection) Convert(f Format) error {
	if f != FormatV20 && f != FormatV21 {
		return errors.New("collection: cannot convert to an unknown format")
	}
	c.Info.Schema = f.SchemaURL()
	conv := func(a *Auth) {
		if a != nil && !a.null {
			a.convert(f)
		}
	}
	conv(c.Auth)
	for _, it := range c.All() {
		conv(it.Auth)
		if it.Request != nil {
			conv(it.Request.Auth)
		}
		for _, r := range it.Responses {
			if r != nil && r.OriginalRequest != nil {
				conv(r.OriginalRequest.Auth)
			}
		}
	}
	return nil
}

func (a *Auth) convert(f Format) {
	a.convertParams(f)
	a.convertKept(f)
}

func (a *Auth) convertParams(f Format) {
	objectForm := a.forms&formBitParams != 0
	switch {
	case f == FormatV21 && objectForm:
		a.forms &^= formBitParams
		for i := range a.Params {
			p := &a.Params[i]
			if p.Type == "" {
				p.Type = paramType(p.Value)
			}
		}
	case f == FormatV20 && !objectForm:
		a.forms |= formBitParams
		for i := range a.Params {
			a.Params[i] = AuthParam{Key: a.Params[i].Key, Value: a.Params[i].Value}
		}
	}
}

// convertKept converts the parameters Postman sometimes leaves behind for
// auth types other than the current one ("type": "basic" beside an old
// "bearer" member), which are kept raw, so the whole object fits the format.
func (a *Auth) convertKept(f Format) {
	if !a.hasUnknown() {
		return
	}
	m := a.cloneMore()
	for i, u := range m.unknown {
		if !knownAuthType(u.key) || u.key == a.Type {
			continue
		}
		other := Auth{Type: u.key}
		d := decoder{data: []byte(u.raw)}
		if ok, err := other.decodeParams(&d); !ok || err != nil {
			continue
		}
		other.convertParams(f)
		var e encoder
		other.put(&e, authParams)
		m.unknown[i].raw = string(e.buf)
	}
	a.more = m
}

func knownAuthType(s string) bool {
	switch s {
	case AuthAPIKey, AuthAWSv4, AuthBasic, AuthBearer, AuthDigest, AuthEdgeGrid, AuthHawk,
		AuthNoAuth, AuthOAuth1, AuthOAuth2, AuthNTLM, AuthJWT, AuthASAP:
		return true
	}
	return false
}
