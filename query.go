package postman

import (
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/google/go-querystring/query"
)

// encodeQuery encodes an options struct as go-querystring does (`url`
// tags), from a plan cached per type: go-querystring parses every field's
// tag again on each call, a dozen allocations per list call. Types the
// plan does not cover (custom encoders, Stringers, times, nested structs,
// embedded pointers, unknown tag options) go to go-querystring itself.
func encodeQuery(v any) (url.Values, error) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return url.Values{}, nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return query.Values(v)
	}
	plan := queryPlanFor(rv.Type())
	if plan == nil {
		return query.Values(v)
	}
	values := make(url.Values, len(plan.fields))
	for i := range plan.fields {
		plan.fields[i].encode(values, rv)
	}
	return values, nil
}

// queryPlan is how to encode one options type: its fields in
// go-querystring's order (own fields first, then embedded structs').
type queryPlan struct {
	fields []queryField
}

type queryField struct {
	index     []int // path through embedded structs
	name      string
	omitEmpty bool
	ptr       bool         // *T: nil encodes as "" (unless omitempty)
	slice     bool         // []T
	del       string       // joins a slice's elements into one value
	numbered  bool         // name0, name1, … for a slice's elements
	kind      reflect.Kind // of T
	boolInt   bool         // a bool as 1 or 0
}

var queryPlans sync.Map // reflect.Type → *queryPlan (nil: use go-querystring)

func queryPlanFor(t reflect.Type) *queryPlan {
	if p, ok := queryPlans.Load(t); ok {
		return p.(*queryPlan)
	}
	p := &queryPlan{}
	if !p.add(t, nil) {
		p = nil
	}
	queryPlans.Store(t, p)
	return p
}

var (
	stringerType    = reflect.TypeFor[fmt.Stringer]()
	errorType       = reflect.TypeFor[error]()
	queryEncoderTyp = reflect.TypeFor[query.Encoder]()
)

// scalarKind reports whether go-querystring writes values of t with a
// plain fmt.Sprint that strconv can reproduce.
func scalarKind(t reflect.Type) bool {
	if t.Implements(stringerType) || t.Implements(errorType) || t.Implements(queryEncoderTyp) ||
		reflect.PointerTo(t).Implements(queryEncoderTyp) || reflect.PointerTo(t).Implements(stringerType) {
		return false
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// add plans the fields of struct type t reached through index; it
// returns false for anything the plan does not cover.
func (p *queryPlan) add(t reflect.Type, index []int) bool {
	type embed struct {
		t    reflect.Type
		path []int
	}
	var embedded []embed
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.PkgPath != "" && !sf.Anonymous {
			continue
		}
		tag := sf.Tag.Get("url")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		path := append(slices.Clone(index), i)
		if name == "" && sf.Anonymous {
			if sf.Type.Kind() == reflect.Struct && !sf.Type.Implements(queryEncoderTyp) {
				embedded = append(embedded, embed{sf.Type, path})
				continue
			}
			return false
		}
		if name == "" {
			name = sf.Name
		}
		f := queryField{index: path, name: name}
		ft := sf.Type
		if ft.Implements(queryEncoderTyp) {
			return false
		}
		if ft.Kind() == reflect.Pointer {
			f.ptr, ft = true, ft.Elem()
		}
		if ft.Kind() == reflect.Slice {
			if f.ptr {
				return false
			}
			f.slice, ft = true, ft.Elem()
		}
		if !scalarKind(ft) {
			return false
		}
		f.kind = ft.Kind()
		for opt := range strings.SplitSeq(opts, ",") {
			switch opt {
			case "omitempty":
				f.omitEmpty = true
			case "int":
				f.boolInt = f.kind == reflect.Bool
			case "comma", "space", "semicolon", "brackets", "numbered", "":
			default:
				return false // unix, layout…: for times, which are not planned
			}
		}
		if f.slice {
			// go-querystring's precedence: comma, space, semicolon,
			// brackets, then the del tag; numbered when nothing joins.
			has := func(o string) bool { return slices.Contains(strings.Split(opts, ","), o) }
			switch {
			case has("comma"):
				f.del = ","
			case has("space"):
				f.del = " "
			case has("semicolon"):
				f.del = ";"
			case has("brackets"):
				f.name += "[]"
			default:
				f.del = sf.Tag.Get("del")
			}
			f.numbered = f.del == "" && has("numbered")
		}
		p.fields = append(p.fields, f)
	}
	for _, e := range embedded {
		if !p.add(e.t, e.path) {
			return false
		}
	}
	return true
}

func (f *queryField) encode(values url.Values, root reflect.Value) {
	v := root.FieldByIndex(f.index)
	if f.ptr {
		if v.IsNil() {
			if !f.omitEmpty {
				values.Add(f.name, "")
			}
			return
		}
		v = v.Elem()
	}
	if f.slice {
		n := v.Len()
		if n == 0 {
			return
		}
		if f.del != "" {
			var b strings.Builder
			for i := range n {
				if i > 0 {
					b.WriteString(f.del)
				}
				b.WriteString(f.scalar(v.Index(i)))
			}
			values.Add(f.name, b.String())
			return
		}
		for i := range n {
			k := f.name
			if f.numbered {
				k += strconv.Itoa(i)
			}
			values.Add(k, f.scalar(v.Index(i)))
		}
		return
	}
	if f.omitEmpty && !f.ptr && v.IsZero() {
		return
	}
	values.Add(f.name, f.scalar(v))
}

func (f *queryField) scalar(v reflect.Value) string {
	switch f.kind {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		if f.boolInt {
			if v.Bool() {
				return "1"
			}
			return "0"
		}
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	default:
		return strconv.FormatUint(v.Uint(), 10)
	}
}
