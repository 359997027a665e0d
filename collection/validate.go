package collection

import (
	"math"
	"strconv"
	"strings"
)

// ValidationError is one problem that would make Postman reject a collection.
type ValidationError struct {
	// Path is the JSON path of the offending value, e.g. $.item[2].request.body.mode.
	Path    string
	Problem string
}

// Error returns "path: problem".
func (e *ValidationError) Error() string { return e.Path + ": " + e.Problem }

// ValidationErrors lists every problem Validate found, in document order.
type ValidationErrors []*ValidationError

// Error lists the problems on one line.
func (es ValidationErrors) Error() string {
	switch len(es) {
	case 0:
		return "collection: valid"
	case 1:
		return "collection: invalid: " + es[0].Error()
	}
	var b strings.Builder
	b.WriteString("collection: ")
	b.WriteString(strconv.Itoa(len(es)))
	b.WriteString(" problems: ")
	for i, e := range es {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find each *ValidationError.
func (es ValidationErrors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// Validate reports what would make Postman reject the collection: a missing
// info block, name or schema, an item that is neither request nor folder, an
// unknown body mode, an auth without a type or with parameters of the wrong
// shape, a required key missing, or a value of the wrong JSON type (which
// Parse keeps as it is). It returns nil or a ValidationErrors. Members the
// format does not define are not problems: Postman keeps them too.
func (c *Collection) Validate() error {
	var v validator
	v.collection(c)
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

type validator struct {
	errs ValidationErrors
}

func (v *validator) add(path, problem string) {
	v.errs = append(v.errs, &ValidationError{Path: path, Problem: problem})
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// JSON kinds, for checking values kept raw.
type kinds uint8

const (
	kString kinds = 1 << iota
	kNumber
	kInteger
	kBool
	kNull
	kObject
	kArray
)

// spec says which kinds a member may be, and for arrays which kinds its
// elements may be.
type spec struct {
	k, elem        kinds
	what, elemWhat string
}

var (
	sString      = spec{k: kString, what: "a string"}
	sBool        = spec{k: kBool, what: "true or false"}
	sObject      = spec{k: kObject, what: "an object"}
	sInteger     = spec{k: kInteger, what: "an integer"}
	sStringNull  = spec{k: kString | kNull, what: "a string or null"}
	sObjects     = spec{k: kArray, elem: kObject, what: "an array of objects", elemWhat: "an object"}
	sItems       = spec{k: kArray, what: "an array of items"} // elements: see keptItems
	sDescription = spec{k: kString | kObject | kNull, what: "a string, an object or null"}
	sAuth        = spec{k: kObject | kNull, what: "an object or null"}
	sStrOrObj    = spec{k: kString | kObject, what: "a string or an object"}
	sStrings     = spec{k: kArray, elem: kString, what: "an array of strings", elemWhat: "a string"}
	sStrOrList   = spec{k: kString | kArray, elem: kString, what: "a string or an array of strings", elemWhat: "a string"}
)

var (
	collectionSpecs = map[string]spec{"info": sObject, "item": sItems, "auth": sAuth, "event": sObjects,
		"variable": sObjects, "protocolProfileBehavior": sObject}
	infoSpecs = map[string]spec{"_postman_id": sString, "name": sString, "description": sDescription,
		"version": sStrOrObj, "schema": sString}
	itemSpecs = map[string]spec{"id": sString, "name": sString, "item": sItems, "description": sDescription,
		"variable": sObjects, "auth": sAuth, "event": sObjects, "protocolProfileBehavior": sObject,
		"request": sStrOrObj, "response": sObjects}
	requestSpecs = map[string]spec{"url": sStrOrObj, "auth": sAuth, "proxy": sObject, "certificate": sObject,
		"method": sString, "description": sDescription, "body": {k: kObject | kNull, what: "an object or null"},
		"header": {k: kArray | kString, elem: kObject, what: "an array of headers or a string", elemWhat: "an object"}}
	urlSpecs = map[string]spec{"raw": sString, "protocol": sString, "port": sString, "hash": sString,
		"host": sStrOrList, "query": sObjects, "variable": sObjects,
		"path": {k: kString | kArray, elem: kString | kObject, what: "a string or an array of segments",
			elemWhat: "a string or an object"}}
	querySpecs  = map[string]spec{"key": sStringNull, "value": sStringNull, "disabled": sBool, "description": sDescription}
	headerSpecs = map[string]spec{"key": sString, "value": sString, "disabled": sBool, "description": sDescription}
	bodySpecs   = map[string]spec{"mode": sString, "raw": sString, "urlencoded": sObjects, "formdata": sObjects,
		"file": sObject, "graphql": sObject, "options": sObject, "disabled": sBool}
	formSpecs = map[string]spec{"key": sString, "value": sString, "type": sString, "contentType": sString,
		"description": sDescription, "disabled": sBool,
		"src": {k: kString | kArray | kNull, what: "a string, an array or null"}}
	bodyFileSpecs = map[string]spec{"src": sStringNull, "content": sString}
	eventSpecs    = map[string]spec{"id": sString, "listen": sString, "script": sObject, "disabled": sBool}
	scriptSpecs   = map[string]spec{"id": sString, "type": sString, "name": sString, "src": sStrOrObj,
		"exec": sStrOrList}
	variableSpecs = map[string]spec{"id": sString, "key": sString, "type": sString, "name": sString,
		"description": sDescription, "system": sBool, "disabled": sBool}
	authParamSpecs = map[string]spec{"key": sString, "type": sString}
	responseSpecs  = map[string]spec{"id": sString, "originalRequest": sStrOrObj, "status": sString,
		"code": sInteger, "cookie": sObjects, "body": sStringNull,
		"header": {k: kArray | kString | kNull, elem: kObject | kString, what: "an array, a string or null",
			elemWhat: "an object or a string"}}
	cookieSpecs = map[string]spec{"domain": sString, "maxAge": sString, "hostOnly": sBool, "httpOnly": sBool,
		"name": sString, "path": sString, "secure": sBool, "session": sBool, "value": sString,
		"extensions": {k: kArray, what: "an array"}}
	proxySpecs = map[string]spec{"match": sString, "host": sString, "port": sInteger, "tunnel": sBool,
		"disabled": sBool}
	certificateSpecs = map[string]spec{"name": sString, "matches": sStrings, "key": sObject, "cert": sObject,
		"passphrase": sString}
	versionSpecs = map[string]spec{"major": sInteger, "minor": sInteger, "patch": sInteger, "identifier": sString}
	descSpecs    = map[string]spec{"content": sString, "type": sString}
)

// kept checks the members an object kept raw whose keys the format defines,
// unless a later member of the same key gave the typed field a value, which
// supersedes the kept one as in encoding/json.
func (v *validator) kept(path string, x *extras, specs map[string]spec, f fielder, keys []string) {
	if x.more == nil {
		return
	}
	for _, m := range x.more.unknown {
		s, ok := specs[m.key]
		if !ok {
			continue
		}
		if id := keyID(keys, m.key); id != 0 && f.has(id) {
			continue
		}
		if p := checkKind(m.raw, s); p != "" {
			v.add(path+keySegment(m.key), p)
		}
	}
}

// checkKind returns the problem with raw under s, or "".
func checkKind(raw string, s spec) string {
	k := kindOf(raw)
	if k&s.k == 0 {
		return "must be " + s.what
	}
	if k&kArray != 0 && s.elem != 0 {
		d := decoder{data: []byte(raw)}
		_ = d.open()
		first := true
		for i := 0; ; i++ {
			more, err := d.elem(&first)
			if err != nil || !more {
				break
			}
			d.ws()
			start := d.pos
			if d.skipValue() != nil {
				break
			}
			if kindOf(raw[start:d.pos])&s.elem == 0 {
				return "element " + strconv.Itoa(i) + " must be " + s.elemWhat
			}
		}
	}
	return ""
}

func keyID(keys []string, key string) uint8 {
	for id := 1; id < len(keys); id++ {
		if keys[id] == key {
			return uint8(id)
		}
	}
	return 0
}

func kindOf(raw string) kinds {
	if raw == "" {
		return 0
	}
	switch raw[0] {
	case '"':
		return kString
	case '{':
		return kObject
	case '[':
		return kArray
	case 't', 'f':
		return kBool
	case 'n':
		return kNull
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err == nil && f == math.Trunc(f) {
		return kNumber | kInteger
	}
	return kNumber
}

func (v *validator) collection(c *Collection) {
	v.kept("$", &c.extras, collectionSpecs, c, collectionKeys)
	_, infoKept := c.Extra("info")
	switch {
	case c.Info.isZero() && !c.isSeen(colInfo) && !infoKept:
		v.add("$.info", "missing: a collection needs an info block")
	case !infoKept:
		v.info("$.info", &c.Info)
	}
	if raw, kept := c.Extra("item"); kept {
		v.keptItems("$.item", string(raw))
	} else if c.Items == nil {
		v.add("$.item", "missing: a collection needs an item list (it may be empty)")
	}
	v.auth("$.auth", c.Auth)
	v.events("$.event", c.Events)
	v.variables("$.variable", c.Variables)
	v.items("$.item", c.Items)
}

func (v *validator) info(path string, in *Info) {
	v.kept(path, &in.extras, infoSpecs, in, infoKeys)
	if _, kept := in.Extra("name"); !kept && in.Name == "" && !in.isSeen(infoName) {
		v.add(path+".name", "missing: a collection needs a name")
	}
	if _, kept := in.Extra("schema"); !kept {
		switch {
		case in.Schema == "" && !in.isSeen(infoSchema):
			v.add(path+".schema", "missing: a collection needs a schema URL")
		case FormatOf(in.Schema) == FormatUnknown:
			v.add(path+".schema", "not a Postman v2.0.0 or v2.1.0 schema URL: "+strconv.Quote(in.Schema))
		}
	}
	v.description(path+".description", in.Description)
	if ver := &in.Version; ver.form == formObject {
		p := path + ".version"
		v.kept(p, &ver.extras, versionSpecs, ver, versionKeys)
		for _, f := range []struct {
			id   uint8
			name string
			n    int
		}{{verMajor, "major", ver.Major}, {verMinor, "minor", ver.Minor}, {verPatch, "patch", ver.Patch}} {
			_, kept := ver.Extra(f.name)
			if !kept && !ver.has(f.id) {
				v.add(p+"."+f.name, "missing: an object version needs major, minor and patch")
			}
			if f.n < 0 {
				v.add(p+"."+f.name, "must not be negative")
			}
		}
		if len(ver.Identifier) > 10 {
			v.add(p+".identifier", "longer than 10 characters")
		}
	}
}

func (v *validator) description(path string, d Description) {
	if d.form == formObject {
		v.kept(path, &d.obj.extras, descSpecs, d.obj, descKeys)
	}
}

func (v *validator) items(path string, items []*Item) {
	for i, it := range items {
		p := index(path, i)
		if it == nil {
			v.add(p, "must be an object")
			continue
		}
		v.item(p, it)
	}
}

func (v *validator) item(path string, it *Item) {
	v.kept(path, &it.extras, itemSpecs, it, itemKeys)
	_, reqKept := it.Extra("request")
	_, itemsKept := it.Extra("item")
	hasReq, hasItems := it.Request != nil || reqKept, it.Items != nil || itemsKept
	switch {
	case !hasReq && !hasItems:
		v.add(path, "neither a request nor a folder: an item needs \"request\" or \"item\"")
	case hasReq && hasItems:
		v.add(path, "both a request and a folder: an item has \"request\" or \"item\", not both")
	}
	v.description(path+".description", it.Description)
	v.variables(path+".variable", it.Variables)
	v.events(path+".event", it.Events)
	v.auth(path+".auth", it.Auth)
	if it.Request != nil {
		v.request(path+".request", it.Request)
	}
	for i, r := range it.Responses {
		p := index(path+".response", i)
		if r == nil {
			v.add(p, "must be an object")
			continue
		}
		v.response(p, r)
	}
	v.items(path+".item", it.Items)
	if raw, kept := it.Extra("item"); kept {
		v.keptItems(path+".item", string(raw))
	}
}

// keptItems looks inside an item list that Parse kept raw because some
// element is not an object, so that the problems of the other items are
// reported too.
func (v *validator) keptItems(path, raw string) {
	d := decoder{data: []byte(raw)}
	if d.peek() != '[' || d.open() != nil {
		return
	}
	first := true
	for i := 0; ; i++ {
		more, err := d.elem(&first)
		if err != nil || !more {
			return
		}
		if d.peek() != '{' {
			v.add(index(path, i), "must be an object")
			if d.skipValue() != nil {
				return
			}
			continue
		}
		it := new(Item)
		if it.decode(&d) != nil {
			return
		}
		v.item(index(path, i), it)
	}
}

func (v *validator) request(path string, r *Request) {
	v.kept(path, &r.extras, requestSpecs, r, requestKeys)
	v.kept(path+".url", &r.URL.extras, urlSpecs, &r.URL, urlKeys)
	for i := range r.URL.Query {
		q := &r.URL.Query[i]
		p := index(path+".url.query", i)
		v.kept(p, &q.extras, querySpecs, q, queryKeys)
		v.description(p+".description", q.Description)
	}
	v.variables(path+".url.variable", r.URL.Variables)
	v.auth(path+".auth", r.Auth)
	v.description(path+".description", r.Description)
	if r.forms&formBitHeader == 0 {
		v.headers(path+".header", r.Header, false)
	}
	if b := r.Body; b != nil && !b.null {
		v.body(path+".body", b)
	}
	if px := r.Proxy; px != nil {
		v.kept(path+".proxy", &px.extras, proxySpecs, px, proxyKeys)
		if px.Port < 0 {
			v.add(path+".proxy.port", "must not be negative")
		}
	}
	if c := r.Certificate; c != nil {
		p := path + ".certificate"
		v.kept(p, &c.extras, certificateSpecs, c, certificateKeys)
	}
}

func (v *validator) headers(path string, list HeaderList, stringsAllowed bool) {
	for i := range list {
		h := &list[i]
		p := index(path, i)
		if h.forms&formBitString != 0 {
			if !stringsAllowed {
				v.add(p, "must be an object")
			}
			continue
		}
		v.kept(p, &h.extras, headerSpecs, h, headerKeys)
		if _, kept := h.Extra("key"); !kept && !h.has(hdrKey) {
			v.add(p+".key", "missing: a header needs a key")
		}
		if _, kept := h.Extra("value"); !kept && !h.has(hdrValue) {
			v.add(p+".value", "missing: a header needs a value")
		}
		v.description(p+".description", h.Description)
	}
}

func (v *validator) body(path string, b *Body) {
	v.kept(path, &b.extras, bodySpecs, b, bodyKeys)
	switch b.Mode {
	case ModeRaw, ModeURLEncoded, ModeFormData, ModeFile, ModeGraphQL:
	default:
		if b.has(bodyMode) {
			v.add(path+".mode", "unknown body mode "+strconv.Quote(string(b.Mode))+
				": must be raw, urlencoded, formdata, file or graphql")
		}
	}
	v.formParams(path+".urlencoded", b.URLEncoded, false)
	v.formParams(path+".formdata", b.FormData, true)
	if b.File != nil {
		v.kept(path+".file", &b.File.extras, bodyFileSpecs, b.File, bodyFileKeys)
	}
}

func (v *validator) formParams(path string, list []FormParam, formdata bool) {
	for i := range list {
		fp := &list[i]
		p := index(path, i)
		v.kept(p, &fp.extras, formSpecs, fp, formParamKeys)
		if _, kept := fp.Extra("key"); !kept && !fp.has(fpKey) {
			v.add(p+".key", "missing: a parameter needs a key")
		}
		if formdata && fp.Type != "" && fp.Type != "text" && fp.Type != "file" {
			v.add(p+".type", "unknown form parameter type "+strconv.Quote(fp.Type)+": must be text or file")
		}
		v.description(p+".description", fp.Description)
	}
}

func (v *validator) auth(path string, a *Auth) {
	if a == nil || a.null {
		return
	}
	if _, kept := a.Extra("type"); kept {
		v.add(path+".type", "must be a string")
	} else if a.Type == "" {
		v.add(path+".type", "missing: an auth needs a type")
	}
	if a.Type != "" {
		if _, kept := a.Extra(a.Type); kept && a.Params == nil {
			v.add(path+keySegment(a.Type), "parameters must be an array of {key, value} (v2.1) or an object (v2.0)")
		}
	}
	for i := range a.Params {
		ap := &a.Params[i]
		p := index(path+keySegment(a.Type), i)
		v.kept(p, &ap.extras, authParamSpecs, ap, authParamKeys)
		if _, kept := ap.Extra("key"); a.forms&formBitParams == 0 && !kept && !ap.has(apKey) {
			v.add(p+".key", "missing: an auth parameter needs a key")
		}
	}
}

func (v *validator) events(path string, list []Event) {
	for i := range list {
		ev := &list[i]
		p := index(path, i)
		v.kept(p, &ev.extras, eventSpecs, ev, eventKeys)
		if _, kept := ev.Extra("listen"); !kept && !ev.has(evListen) {
			v.add(p+".listen", "missing: an event needs a listen name")
		}
		if ev.Script != nil {
			v.kept(p+".script", &ev.Script.extras, scriptSpecs, ev.Script, scriptKeys)
			if ev.Script.Src != nil {
				v.kept(p+".script.src", &ev.Script.Src.extras, urlSpecs, ev.Script.Src, urlKeys)
			}
		}
	}
}

func (v *validator) variables(path string, list []Variable) {
	for i := range list {
		vr := &list[i]
		p := index(path, i)
		v.kept(p, &vr.extras, variableSpecs, vr, variableKeys)
		_, idKept := vr.Extra("id")
		_, keyKept := vr.Extra("key")
		if !idKept && !keyKept && !vr.has(varID) && !vr.has(varKey) {
			v.add(p, "missing: a variable needs an id or a key")
		}
		v.description(p+".description", vr.Description)
	}
}

func (v *validator) response(path string, r *Response) {
	v.kept(path, &r.extras, responseSpecs, r, responseKeys)
	if r.OriginalRequest != nil {
		v.request(path+".originalRequest", r.OriginalRequest)
	}
	if r.forms&formBitHeader == 0 {
		v.headers(path+".header", r.Header, true)
	}
	for i := range r.Cookies {
		ck := &r.Cookies[i]
		p := index(path+".cookie", i)
		v.kept(p, &ck.extras, cookieSpecs, ck, cookieKeys)
		if _, kept := ck.Extra("domain"); !kept && !ck.has(ckDomain) {
			v.add(p+".domain", "missing: a cookie needs a domain")
		}
		if _, kept := ck.Extra("path"); !kept && !ck.has(ckPath) {
			v.add(p+".path", "missing: a cookie needs a path")
		}
	}
}
