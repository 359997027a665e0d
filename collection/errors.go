package collection

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// DecodeError reports input that is not a JSON document a collection can be
// read from: a syntax error, a root that is not an object, or a failed read.
// Values of an unexpected type inside a well-formed document are not errors:
// they are kept as they are and reported by [Collection.Validate].
type DecodeError struct {
	// Offset is the byte offset of the problem in the input, counting a BOM.
	Offset int64
	// Line and Column locate Offset, both starting at 1; Column counts bytes.
	Line, Column int
	// Path is the JSON path of the value being read, e.g. $.item[3].request.url.
	Path string
	// Msg describes the problem.
	Msg string
	// Err is the underlying error of a failed read, if any.
	Err error

	segs []string // path segments, innermost first, gathered while unwinding
}

// Error describes the problem with its position and path.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("collection: ")
	b.WriteString(e.Msg)
	if e.Line > 0 {
		fmt.Fprintf(&b, " at line %d, column %d (offset %d)", e.Line, e.Column, e.Offset)
	}
	if e.Path != "" && e.Path != "$" {
		b.WriteString(" in ")
		b.WriteString(e.Path)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying read error, if any.
func (e *DecodeError) Unwrap() error { return e.Err }

func (d *decoder) errorf(format string, args ...any) error {
	return &DecodeError{Offset: int64(d.pos), Msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the byte at d.pos, or the end of the input.
func (d *decoder) unexpected(context string) error {
	if d.pos >= len(d.data) {
		return d.errorf("unexpected end of input")
	}
	return d.errorf("invalid character %s %s", quoteChar(d.data[d.pos]), context)
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// wrapKey and wrapIndex add a path segment to an error on its way up, so the
// successful path pays nothing for error context.
func wrapKey(err error, key []byte) error {
	if de, ok := err.(*DecodeError); ok {
		de.segs = append(de.segs, keySegment(string(key)))
	}
	return err
}

func wrapIndex(err error, i int) error {
	if de, ok := err.(*DecodeError); ok {
		de.segs = append(de.segs, "["+strconv.Itoa(i)+"]")
	}
	return err
}

// keySegment renders a key as a JSON path segment: .name, or ["odd key"].
func keySegment(key string) string {
	plain := key != ""
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return "." + key
	}
	return "[" + strconv.Quote(key) + "]"
}

// finishError fills in the position and path of a decode error.
func finishError(err error, data []byte) error {
	de, ok := err.(*DecodeError)
	if !ok {
		return err
	}
	var b strings.Builder
	b.WriteString("$")
	for i := len(de.segs) - 1; i >= 0; i-- {
		b.WriteString(de.segs[i])
	}
	de.segs = nil
	de.Path = b.String()
	off := int(de.Offset)
	if off > len(data) {
		off = len(data)
	}
	de.Line = 1 + bytes.Count(data[:off], []byte{'\n'})
	de.Column = off - bytes.LastIndexByte(data[:off], '\n')
	return de
}
