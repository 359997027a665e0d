package collection

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds nesting like encoding/json does, so hostile input cannot
// exhaust the stack through recursion.
const maxDepth = 10000

// decoder reads one JSON document held in memory in a single pass, straight
// into the typed model. encoding/json would rescan the bytes of every value
// that has its own UnmarshalJSON, once per nesting level; this reader never
// looks at a byte twice except to keep a mistyped value raw.
type decoder struct {
	data  []byte
	pos   int
	depth int
	buf   []byte // unescaped string being built
	// unescaped reports whether the last string read was built in buf
	// rather than aliasing the input.
	unescaped bool
	ord       []byte // key-order stack shared by the objects being decoded
}

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the next significant byte without consuming it, or 0 at the end.
func (d *decoder) peek() byte {
	d.ws()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

func (d *decoder) open() error {
	d.depth++
	if d.depth > maxDepth {
		return d.errorf("exceeded maximum nesting depth %d", maxDepth)
	}
	d.pos++
	return nil
}

// member moves to the next member of the object being read and returns its
// key. first is true until the first call after '{' returns. ok is false once
// the closing brace is consumed. The key aliases the input unless it had
// escapes, in which case it is a fresh copy, so it stays valid while the value
// is decoded.
func (d *decoder) member(first *bool) (key []byte, ok bool, err error) {
	c := d.peek()
	if c == '}' {
		d.pos++
		d.depth--
		return nil, false, nil
	}
	if *first {
		*first = false
	} else {
		if c != ',' {
			return nil, false, d.unexpected("after object member")
		}
		d.pos++
		c = d.peek()
	}
	if c != '"' {
		return nil, false, d.unexpected("looking for the beginning of an object key")
	}
	key, err = d.strBytes()
	if err != nil {
		return nil, false, err
	}
	if d.unescaped {
		key = bytes.Clone(key)
	}
	if d.peek() != ':' {
		return nil, false, d.unexpected("after object key")
	}
	d.pos++
	return key, true, nil
}

// elem moves to the next element of the array being read; more is false once
// the closing bracket is consumed.
func (d *decoder) elem(first *bool) (more bool, err error) {
	c := d.peek()
	if c == ']' {
		d.pos++
		d.depth--
		return false, nil
	}
	if *first {
		*first = false
		return true, nil
	}
	if c != ',' {
		return false, d.unexpected("after array element")
	}
	d.pos++
	return true, nil
}

// str reads a JSON string into a Go string.
func (d *decoder) str() (string, error) {
	b, err := d.strBytes()
	if err != nil {
		return "", err
	}
	return intern(b), nil
}

// strBytes reads a JSON string at d.pos and returns its decoded bytes. The
// result aliases either the input or d.buf and is only valid until the next
// read. Invalid UTF-8 and unpaired surrogates become U+FFFD, as encoding/json
// does, so both decoders agree on every string.
func (d *decoder) strBytes() ([]byte, error) {
	data := d.data
	i := d.pos + 1
	for i < len(data) {
		c := data[i]
		if c == '"' {
			s := data[d.pos+1 : i]
			d.pos = i + 1
			d.unescaped = false
			return s, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	return d.strSlow(i)
}

func (d *decoder) strSlow(i int) ([]byte, error) {
	d.unescaped = true
	data := d.data
	buf := append(d.buf[:0], data[d.pos+1:i]...)
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.buf = buf
			return buf, nil
		case c == '\\':
			if i+1 >= len(data) {
				d.pos = len(data)
				return nil, d.errorf("unexpected end of input in string")
			}
			switch e := data[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r := hex4(data[i+2:])
				if r < 0 {
					d.pos = i
					return nil, d.errorf("invalid \\u escape in string")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if len(data)-i >= 6 && data[i] == '\\' && data[i+1] == 'u' {
						if r2 := hex4(data[i+2:]); r2 >= 0 {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								buf = utf8.AppendRune(buf, dec)
								i += 6
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				buf = utf8.AppendRune(buf, r)
				continue
			default:
				d.pos = i
				return nil, d.errorf("invalid escape character %q in string", e)
			}
			i += 2
		case c < 0x20:
			d.pos = i
			return nil, d.errorf("invalid control character %#x in string", c)
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				buf = utf8.AppendRune(buf, utf8.RuneError)
			} else {
				buf = append(buf, data[i:i+size]...)
			}
			i += size
		}
	}
	d.pos = len(data)
	d.buf = buf
	return nil, d.errorf("unexpected end of input in string")
}

// hex4 decodes the four hex digits of a \u escape, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// skip consumes one value of any kind and returns its bytes, validated.
func (d *decoder) skip() ([]byte, error) {
	d.ws()
	start := d.pos
	if err := d.skipValue(); err != nil {
		return nil, err
	}
	return d.data[start:d.pos], nil
}

func (d *decoder) skipValue() error {
	switch d.peek() {
	case '{':
		if err := d.open(); err != nil {
			return err
		}
		first := true
		for {
			ok, err := d.memberNoKey(&first)
			if err != nil || !ok {
				return err
			}
			if err := d.skipValue(); err != nil {
				return err
			}
		}
	case '[':
		if err := d.open(); err != nil {
			return err
		}
		first := true
		for {
			more, err := d.elem(&first)
			if err != nil || !more {
				return err
			}
			if err := d.skipValue(); err != nil {
				return err
			}
		}
	case '"':
		return d.skipString()
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	case 0:
		if d.pos >= len(d.data) {
			return d.errorf("unexpected end of input")
		}
		return d.unexpected("looking for the beginning of a value")
	default:
		_, err := d.number()
		return err
	}
}

// memberNoKey is member without decoding the key, for values being skipped.
func (d *decoder) memberNoKey(first *bool) (bool, error) {
	c := d.peek()
	if c == '}' {
		d.pos++
		d.depth--
		return false, nil
	}
	if *first {
		*first = false
	} else {
		if c != ',' {
			return false, d.unexpected("after object member")
		}
		d.pos++
		c = d.peek()
	}
	if c != '"' {
		return false, d.unexpected("looking for the beginning of an object key")
	}
	if err := d.skipString(); err != nil {
		return false, err
	}
	if d.peek() != ':' {
		return false, d.unexpected("after object key")
	}
	d.pos++
	return true, nil
}

// skipString validates a string without building its value.
func (d *decoder) skipString() error {
	data := d.data
	for i := d.pos + 1; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(data) {
				d.pos = len(data)
				return d.errorf("unexpected end of input in string")
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				if hex4(data[i+2:]) < 0 {
					d.pos = i
					return d.errorf("invalid \\u escape in string")
				}
				i += 5
			default:
				d.pos = i
				return d.errorf("invalid escape character %q in string", data[i+1])
			}
		case c < 0x20:
			d.pos = i
			return d.errorf("invalid control character %#x in string", c)
		}
	}
	d.pos = len(data)
	return d.errorf("unexpected end of input in string")
}

func (d *decoder) literal(word string) error {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(word)) {
		return d.unexpected("in literal " + word)
	}
	d.pos += len(word)
	return nil
}

// number consumes a number and returns its text, checked against the JSON grammar.
func (d *decoder) number() ([]byte, error) {
	data := d.data
	start := d.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		return nil, d.unexpected("looking for the beginning of a value")
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			return nil, d.unexpected("after decimal point in number")
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			return nil, d.unexpected("in exponent of number")
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	return data[start:i], nil
}

// canonicalInt parses a number that re-encodes to the same text as an int.
// Anything else (fractions, exponents, -0, overflow) is left to the raw path so
// that it survives byte for byte.
func canonicalInt(b []byte) (int, bool) {
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg = true
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 || (b[0] == '0' && (len(b) > 1 || neg)) {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// boolean reads true or false; ok is false for any other value, left unread.
func (d *decoder) boolean() (v, ok bool, err error) {
	switch d.peek() {
	case 't':
		return true, true, d.literal("true")
	case 'f':
		return false, true, d.literal("false")
	}
	return false, false, nil
}

// intern returns constant strings for values that repeat throughout real
// collections, so they cost no allocation.
func intern(b []byte) string {
	switch string(b) {
	case "":
		return ""
	case "text":
		return "text"
	case "string":
		return "string"
	case "GET":
		return "GET"
	case "POST":
		return "POST"
	case "PUT":
		return "PUT"
	case "PATCH":
		return "PATCH"
	case "DELETE":
		return "DELETE"
	case "text/javascript":
		return "text/javascript"
	case "prerequest":
		return "prerequest"
	case "test":
		return "test"
	case "raw":
		return "raw"
	case "json":
		return "json"
	case "Content-Type":
		return "Content-Type"
	case "application/json":
		return "application/json"
	case "Accept":
		return "Accept"
	case "Authorization":
		return "Authorization"
	case "{{baseUrl}}":
		return "{{baseUrl}}"
	case "https":
		return "https"
	case "http":
		return "http"
	case "default":
		return "default"
	case "any":
		return "any"
	case "boolean":
		return "boolean"
	case "_postman_id":
		return "_postman_id"
	case "_exporter_id":
		return "_exporter_id"
	case "_postman_previewlanguage":
		return "_postman_previewlanguage"
	case "_postman_isSubFolder":
		return "_postman_isSubFolder"
	case "uid":
		return "uid"
	case "packages":
		return "packages"
	case "enabled":
		return "enabled"
	case "OK":
		return "OK"
	case "200 OK":
		return "200 OK"
	}
	return string(b)
}
