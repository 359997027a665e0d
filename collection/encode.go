package collection

import (
	"io"
	"strings"
	"unicode/utf8"
)

// encoder appends JSON to a buffer, compact or indented. Objects are written
// by hand rather than through encoding/json so that key order, union forms
// and raw members come out exactly as they were read.
type encoder struct {
	buf    []byte
	indent string // "" for compact output
	depth  int
	first  bool // nothing written yet in the innermost open container

	// w, when set, receives the output in chunks as it is produced, so that
	// Write needs no buffer the size of the document.
	w   io.Writer
	err error
	// lines caches "\n" followed by indents, sliced for each line break.
	lines string
}

// flushSize is the chunk size of a streaming encoder.
const flushSize = 32 << 10

func (e *encoder) maybeFlush() {
	if e.w != nil && len(e.buf) >= flushSize {
		e.flush()
	}
}

func (e *encoder) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

func (e *encoder) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.first = true
}

func (e *encoder) close(c byte) {
	e.depth--
	if !e.first && e.indent != "" {
		e.newline()
	}
	e.buf = append(e.buf, c)
	e.first = false
}

// next starts an element or member: a comma unless it is the first one, and
// the line break of indented output.
func (e *encoder) next() {
	e.maybeFlush()
	if !e.first {
		e.buf = append(e.buf, ',')
	}
	e.first = false
	if e.indent != "" {
		e.newline()
	}
}

func (e *encoder) newline() {
	n := 1 + e.depth*len(e.indent)
	if n > len(e.lines) {
		e.lines = "\n" + strings.Repeat(e.indent, 2*e.depth+8)
	}
	e.buf = append(e.buf, e.lines[:n]...)
}

func (e *encoder) key(k string) {
	e.next()
	e.str(k)
	e.buf = append(e.buf, ':')
	if e.indent != "" {
		e.buf = append(e.buf, ' ')
	}
}

func (e *encoder) null() { e.buf = append(e.buf, "null"...) }

func (e *encoder) boolean(v bool) {
	if v {
		e.buf = append(e.buf, "true"...)
	} else {
		e.buf = append(e.buf, "false"...)
	}
}

func (e *encoder) int(n int) {
	if n < 0 {
		e.buf = append(e.buf, '-')
		n = -n
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	e.buf = append(e.buf, tmp[i:]...)
}

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string. Unlike encoding/json it leaves <, > and &
// alone, as Postman does; invalid UTF-8 becomes \ufffd, as encoding/json does.
func (e *encoder) str(s string) {
	buf := append(e.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	e.buf = append(buf, '"')
}

// raw re-emits a raw JSON value kept from the input (already validated) in the
// encoder's layout, so kept members indent like the rest of the output.
func (e *encoder) raw(r string) {
	for i := 0; i < len(r); {
		switch c := r[i]; c {
		case ' ', '\t', '\n', '\r':
			i++
		case '{', '[':
			e.open(c)
			i++
			j := skipSpace(r, i)
			if j < len(r) && (r[j] == '}' || r[j] == ']') {
				e.close(r[j])
				i = j + 1
			} else {
				e.next()
			}
		case '}', ']':
			e.close(c)
			i++
		case ',':
			e.next()
			i++
		case ':':
			e.buf = append(e.buf, ':')
			if e.indent != "" {
				e.buf = append(e.buf, ' ')
			}
			i++
		case '"':
			j := i + 1
			for j < len(r) && r[j] != '"' {
				if r[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(r)) // raw values are validated; never slice past the end anyway
			e.buf = append(e.buf, r[i:j]...)
			i = j
		default:
			j := i
			for j < len(r) && !isDelim(r[j]) {
				j++
			}
			e.buf = append(e.buf, r[i:j]...)
			i = j
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func isDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

// fielder is implemented by each object type: has reports whether field id is
// to be written, put writes its value.
type fielder interface {
	has(id uint8) bool
	put(e *encoder, id uint8)
}

// object writes an object whose known keys are keys[1:], indexed by field id:
// first in the order they were read, interleaved with the raw members, then
// the fields set since in canonical order, then raw members added since.
func (e *encoder) object(x *extras, keys []string, f fielder) {
	e.open('{')
	var done uint32
	var order []byte
	var unknown []member
	if x.more != nil {
		order, unknown = x.more.order, x.more.unknown
	}
	u := 0
	for _, id := range order {
		if id == 0 {
			if u < len(unknown) {
				e.unknownMember(keys, f, unknown[u])
				u++
			}
			continue
		}
		if done&(1<<id) != 0 {
			continue
		}
		done |= 1 << id
		if f.has(id) {
			e.key(keys[id])
			f.put(e, id)
		}
	}
	for id := 1; id < len(keys); id++ {
		if done&(1<<id) == 0 && f.has(uint8(id)) {
			e.key(keys[id])
			f.put(e, uint8(id))
		}
	}
	for ; u < len(unknown); u++ {
		e.unknownMember(keys, f, unknown[u])
	}
	e.close('}')
}

// unknownMember writes a raw member unless a typed field of the same key is
// written, which supersedes it (a mistyped value the user has since replaced).
func (e *encoder) unknownMember(keys []string, f fielder, m member) {
	if id := keyID(keys, m.key); id != 0 && f.has(id) {
		return
	}
	e.key(m.key)
	e.raw(m.raw)
}

// Helpers shared by the put methods.

func (e *encoder) strings(list []string) {
	e.open('[')
	for _, s := range list {
		e.next()
		e.str(s)
	}
	e.close(']')
}

// nullableStr writes a string field that the input may have had as null.
func (e *encoder) nullableStr(x *extras, id uint8, s string) {
	if s == "" && x.isNull(id) {
		e.null()
		return
	}
	e.str(s)
}

// writeList writes a slice of values with their own encoders.
func writeList[T any](e *encoder, list []T, put func(*T, *encoder)) {
	e.open('[')
	for i := range list {
		e.next()
		put(&list[i], e)
	}
	e.close(']')
}
