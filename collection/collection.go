package collection

import (
	"bytes"
	"io"
	"os"
)

// Collection is a Postman collection: its info block, its items, and the
// auth, scripts, variables and settings they inherit.
type Collection struct {
	Info  Info
	Items []*Item
	// Auth is the default auth of every request; nil when absent.
	Auth                    *Auth
	Events                  []Event
	Variables               []Variable
	ProtocolProfileBehavior ProtocolProfileBehavior

	size int // length of the JSON it was decoded from, to size output buffers
	extras
}

const (
	colInfo uint8 = iota + 1
	colItems
	colAuth
	colEvent
	colVariable
	colProtocolProfileBehavior
)

var collectionKeys = []string{"", "info", "item", "auth", "event", "variable", "protocolProfileBehavior"}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Parse decodes a collection of format v2.0 or v2.1 from JSON. A leading UTF-8
// BOM is skipped, and the Postman API's envelope {"collection": {…}} is
// unwrapped. Errors are *DecodeError. Parse does not validate: see Validate.
func Parse(data []byte) (*Collection, error) {
	c := new(Collection)
	if err := c.parse(data); err != nil {
		return nil, err
	}
	return c, nil
}

// Read reads all of r and decodes it as Parse does. The input is read into
// one buffer sized from r when r tells its size: decoding a whole document
// from a json.Decoder costs about 2.5 times the memory.
func Read(r io.Reader) (*Collection, error) {
	var buf bytes.Buffer
	if n := sizeHint(r); n > 0 {
		// ReadFrom grows the buffer whenever less than MinRead bytes are
		// free, which would double it just before reading EOF.
		buf.Grow(n + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, &DecodeError{Msg: "reading the collection failed", Err: err}
	}
	return Parse(buf.Bytes())
}

func sizeHint(r io.Reader) int {
	switch r := r.(type) {
	case interface{ Len() int }:
		return r.Len()
	case *os.File:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			if off, err := r.Seek(0, io.SeekCurrent); err == nil && fi.Size() > off {
				return int(fi.Size() - off)
			}
		}
	}
	return 0
}

// Write writes the collection as JSON indented with tabs, the layout of a
// Postman export, keeping the key order and forms it was read with.
// The output is streamed to w in small chunks rather than built whole.
func (c *Collection) Write(w io.Writer) error {
	e := encoder{indent: "\t", w: w, buf: make([]byte, 0, flushSize+flushSize/4)}
	c.encode(&e)
	e.flush()
	return e.err
}

// MarshalJSON writes the collection as compact JSON.
func (c Collection) MarshalJSON() ([]byte, error) {
	// Sizing the buffer from the input spares the copies of a growing
	// append, which come to several times the document for large ones.
	e := encoder{buf: make([]byte, 0, c.size+c.size/8)}
	c.encode(&e)
	return e.buf, nil
}

// UnmarshalJSON decodes as Parse does (BOM excepted, which encoding/json
// rejects before getting here). A JSON null leaves c unchanged.
func (c *Collection) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	return c.parse(data)
}

func (c *Collection) parse(data []byte) error {
	d := decoder{data: data}
	if bytes.HasPrefix(data, bom) {
		d.pos = len(bom)
	}
	var err error
	switch d.peek() {
	case '{':
		err = c.decode(&d, true)
		if err == nil {
			err = d.end()
		}
	case 0:
		err = d.errorf("empty input: a collection is a JSON object")
	default:
		err = d.skipValue()
		if err == nil {
			err = &DecodeError{Offset: int64(d.pos), Msg: "a collection must be a JSON object"}
			d.pos = 0
		}
	}
	if err != nil {
		*c = Collection{}
		return finishError(err, data)
	}
	c.size = len(data)
	return nil
}

// envelopeSpan is a "collection" member that is either the API's envelope or
// an unknown member; which one is only known at the end of the object.
type envelopeSpan struct {
	index      int // in the unknown members
	start, end int
}

func (c *Collection) decode(d *decoder, unwrap bool) error {
	*c = Collection{}
	var inner *Collection
	var spans []envelopeSpan
	sawInfoOrItem := false
	err := d.fields(&c.extras, func(key []byte) error {
		switch string(key) {
		case "info":
			sawInfoOrItem = true
			if d.peek() != '{' {
				c.Info = Info{}
				return d.keep(&c.extras, colInfo, key)
			}
			if err := c.Info.decode(d); err != nil {
				return err
			}
			d.took(&c.extras, colInfo)
			return nil
		case "item":
			sawInfoOrItem = true
			return listField(d, &c.extras, colItems, key, &c.Items, pointerElem[Item])
		case "auth":
			return nullableField(d, &c.extras, colAuth, key, &c.Auth, NullAuth)
		case "event":
			return d.eventsField(&c.extras, colEvent, key, &c.Events)
		case "variable":
			return d.variablesField(&c.extras, colVariable, key, &c.Variables)
		case "protocolProfileBehavior":
			return d.objectValueField(&c.extras, colProtocolProfileBehavior, key, &c.ProtocolProfileBehavior.Object)
		case "collection":
			if !unwrap || d.peek() != '{' {
				// The last of duplicate keys wins, so an earlier object
				// member is no longer the envelope.
				inner = nil
				return d.keep(&c.extras, 0, key)
			}
			// Decode the envelope's content right away rather than keeping
			// its bytes and decoding them again, which would double the
			// memory of a large API response.
			start := d.pos
			in := new(Collection)
			if err := in.decode(d, false); err != nil {
				return err
			}
			inner = in
			if c.more == nil {
				c.more = &extraMembers{}
			}
			spans = append(spans, envelopeSpan{index: len(c.more.unknown), start: start, end: d.pos})
			c.more.unknown = append(c.more.unknown, member{key: "collection"})
			d.ord = append(d.ord, 0)
			return nil
		}
		return d.keep(&c.extras, 0, key)
	})
	if err != nil {
		return err
	}
	if inner != nil && !sawInfoOrItem {
		*c = *inner
		return nil
	}
	for _, s := range spans {
		c.more.unknown[s.index].raw = string(d.data[s.start:s.end])
	}
	return nil
}

func (c *Collection) has(id uint8) bool {
	switch id {
	case colInfo:
		return c.isSeen(id) || !c.Info.isZero()
	case colItems:
		return c.Items != nil
	case colAuth:
		return c.Auth != nil
	case colEvent:
		return c.Events != nil
	case colVariable:
		return c.Variables != nil
	case colProtocolProfileBehavior:
		return !c.ProtocolProfileBehavior.IsZero()
	}
	return false
}

func (c *Collection) put(e *encoder, id uint8) {
	switch id {
	case colInfo:
		c.Info.encode(e)
	case colItems:
		e.items(c.Items)
	case colAuth:
		c.Auth.encode(e)
	case colEvent:
		e.events(c.Events)
	case colVariable:
		e.variables(c.Variables)
	case colProtocolProfileBehavior:
		e.rawObject(c.ProtocolProfileBehavior.Object)
	}
}

func (c *Collection) encode(e *encoder) { e.object(&c.extras, collectionKeys, c) }
