package postman

import (
	"errors"
	"fmt"
	"go/token"
	"reflect"
	"strings"
	"sync"
)

// ErrMissingResult is wrapped by the *DecodeError of a 2xx answer that
// lacks what the method returns (an empty body, null, {}, or an envelope
// without its member): a method never returns a nil result with a nil
// error.
var ErrMissingResult = errors.New("the answer holds no result")

// resultFields returns, for an envelope type (a struct the SDK declares
// unexported to unwrap Postman's answer, anonymous or named), the path and
// JSON name of each pointer member the answer must carry: every pointer
// field whose JSON tag does not say omitempty, in the envelope or in an
// anonymous struct member of it ({"workspace":{"transfer":…}}). Exported
// types are results in their own right, whose members may all be absent.
func resultFields(t reflect.Type) []resultField {
	if cached, ok := resultFieldCache.Load(t); ok {
		return cached.([]resultField)
	}
	var fields []resultField
	if t.Kind() == reflect.Struct && (t.Name() == "" || !token.IsExported(t.Name())) {
		fields = appendResultFields(fields, t, nil, "")
	}
	resultFieldCache.Store(t, fields)
	return fields
}

func appendResultFields(fields []resultField, t reflect.Type, index []int, prefix string) []resultField {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || strings.Contains(opts, "omitempty") {
			continue
		}
		if name == "" {
			name = f.Name
		}
		at := append(index[:len(index):len(index)], i)
		switch {
		case f.Type.Kind() == reflect.Pointer:
			fields = append(fields, resultField{index: at, name: prefix + name})
		case f.Type.Kind() == reflect.Struct && f.Type.Name() == "":
			fields = appendResultFields(fields, f.Type, at, prefix+name+".")
		}
	}
	return fields
}

type resultField struct {
	index []int
	name  string
}

var resultFieldCache sync.Map // reflect.Type → []resultField

// decodeResult decodes a success body into out, an SDK envelope or
// result, and fails with ErrMissingResult when the envelope lacks a
// member it must carry.
func decodeResult(body []byte, out any) error {
	if err := decodeInto(body, out); err != nil {
		return err
	}
	return checkResult(out)
}

// checkResult returns an error wrapping ErrMissingResult when out, an
// envelope the answer was decoded into, lacks a member it must carry.
func checkResult(out any) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	v = v.Elem()
	for _, f := range resultFields(v.Type()) {
		if v.FieldByIndex(f.index).IsNil() {
			return fmt.Errorf("%w: no %q member", ErrMissingResult, f.name)
		}
	}
	return nil
}

// missingResult is the error of a 2xx answer that decoded but lacks
// member, for the envelopes whose result is the first element of a list
// (which the envelope check cannot tell from an empty list).
func missingResult(resp *Response, member string) error {
	e := &DecodeError{Err: fmt.Errorf("%w: no %q member", ErrMissingResult, member)}
	if resp != nil {
		e.StatusCode, e.RequestID = resp.StatusCode, resp.RequestID
		if resp.Request != nil {
			e.Method, e.Path = resp.Request.Method, resp.Request.URL.Path
		}
	}
	return e
}
