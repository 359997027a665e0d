package collection

import "strings"

// Event names Postman runs scripts on.
const (
	ListenPrerequest = "prerequest"
	ListenTest       = "test"
)

// Event attaches a script to an event of a collection, folder or request.
type Event struct {
	ID       string
	Listen   string // ListenPrerequest, ListenTest, …
	Script   *Script
	Disabled bool
	extras
}

const (
	evID uint8 = iota + 1
	evListen
	evScript
	evDisabled
)

var eventKeys = []string{"", "id", "listen", "script", "disabled"}

// Script is the code of an event. Unknown members such as "packages" are kept.
type Script struct {
	ID string
	// Exec holds the source lines. A script given as one string is split on
	// newlines and joined back on write, so it round-trips byte for byte.
	Exec []string
	Type string // "text/javascript"
	Src  *URL
	Name string
	extras
}

const (
	scID uint8 = iota + 1
	scExec
	scType
	scSrc
	scName
)

var scriptKeys = []string{"", "id", "exec", "type", "src", "name"}

// NewEvent returns an event running the JavaScript source on listen.
func NewEvent(listen, source string) Event {
	return Event{Listen: listen, Script: NewScript(source)}
}

// NewScript returns a JavaScript script whose exec lines are the lines of source.
func NewScript(source string) *Script {
	return &Script{Exec: strings.Split(source, "\n"), Type: "text/javascript"}
}

// Source returns the script's lines joined with newlines.
func (s *Script) Source() string {
	if s == nil {
		return ""
	}
	return strings.Join(s.Exec, "\n")
}

func (ev *Event) decode(d *decoder) error {
	*ev = Event{}
	return d.fields(&ev.extras, func(key []byte) error {
		switch string(key) {
		case "id":
			return d.strField(&ev.extras, evID, key, &ev.ID)
		case "listen":
			return d.strField(&ev.extras, evListen, key, &ev.Listen)
		case "script":
			return objectField(d, &ev.extras, evScript, key, &ev.Script)
		case "disabled":
			return d.boolField(&ev.extras, evDisabled, key, &ev.Disabled)
		}
		return d.keep(&ev.extras, 0, key)
	})
}

func (ev *Event) has(id uint8) bool {
	switch id {
	case evID:
		return ev.isSeen(id) || ev.ID != ""
	case evListen:
		return ev.isSeen(id) || ev.Listen != ""
	case evScript:
		return ev.Script != nil
	case evDisabled:
		return ev.isSeen(id) || ev.Disabled
	}
	return false
}

func (ev *Event) put(e *encoder, id uint8) {
	switch id {
	case evID:
		e.str(ev.ID)
	case evListen:
		e.str(ev.Listen)
	case evScript:
		ev.Script.encode(e)
	case evDisabled:
		e.boolean(ev.Disabled)
	}
}

func (ev *Event) encode(e *encoder) { e.object(&ev.extras, eventKeys, ev) }

// MarshalJSON writes the event with its keys in their original order.
func (ev Event) MarshalJSON() ([]byte, error) { return marshalWith(&ev) }

// UnmarshalJSON reads an event object.
func (ev *Event) UnmarshalJSON(data []byte) error { return unmarshalObject(data, ev) }

func (s *Script) decode(d *decoder) error {
	*s = Script{}
	return d.fields(&s.extras, func(key []byte) error {
		switch string(key) {
		case "id":
			return d.strField(&s.extras, scID, key, &s.ID)
		case "exec":
			return d.stringsField(&s.extras, scExec, key, &s.Exec, "\n", formBitExec)
		case "type":
			return d.strField(&s.extras, scType, key, &s.Type)
		case "src":
			return d.urlPtrField(&s.extras, scSrc, key, &s.Src)
		case "name":
			return d.strField(&s.extras, scName, key, &s.Name)
		}
		return d.keep(&s.extras, 0, key)
	})
}

func (s *Script) has(id uint8) bool {
	switch id {
	case scID:
		return s.isSeen(id) || s.ID != ""
	case scExec:
		return s.Exec != nil
	case scType:
		return s.isSeen(id) || s.Type != ""
	case scSrc:
		return s.Src != nil
	case scName:
		return s.isSeen(id) || s.Name != ""
	}
	return false
}

func (s *Script) put(e *encoder, id uint8) {
	switch id {
	case scID:
		e.str(s.ID)
	case scExec:
		e.stringsUnion(s.Exec, s.forms&formBitExec != 0, "\n")
	case scType:
		e.str(s.Type)
	case scSrc:
		s.Src.encode(e)
	case scName:
		e.str(s.Name)
	}
}

func (s *Script) encode(e *encoder) { e.object(&s.extras, scriptKeys, s) }

// MarshalJSON writes the script with its keys in their original order.
func (s Script) MarshalJSON() ([]byte, error) { return marshalWith(&s) }

// UnmarshalJSON reads a script object.
func (s *Script) UnmarshalJSON(data []byte) error { return unmarshalObject(data, s) }

func (d *decoder) eventsField(x *extras, id uint8, key []byte, dst *[]Event) error {
	return listField(d, x, id, key, dst, objectElem[Event])
}

func (e *encoder) events(list []Event) { writeList(e, list, (*Event).encode) }
