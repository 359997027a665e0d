package collection

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// testdataDir holds copies of the official schemas and samples (see its
// README); tests never read outside the module.
const testdataDir = "../testdata/collection"

// fixtures returns the sample and synthetic collections by name.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, dir := range []string{"samples", "synthetic"} {
		files, err := filepath.Glob(filepath.Join(testdataDir, dir, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no fixtures in %s: %v", dir, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[dir+"/"+filepath.Base(f)] = data
		}
	}
	return out
}

// semantic decodes JSON the way the comparison is defined: encoding/json
// into any, numbers as json.Number so that every digit counts.
func semantic(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the top-level value")
	}
	return v, nil
}

// expected is what the output must equal: the input, or the content of the
// API's envelope when Parse unwraps one.
func expected(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	_, hasInfo := m["info"]
	_, hasItem := m["item"]
	if inner, ok := m["collection"].(map[string]any); ok && !hasInfo && !hasItem {
		return inner
	}
	return v
}

// keyEvent is one key of one object, with the path of the object, for
// comparing key order.
type keyEvent struct{ path, key string }

// keyOrder lists the keys of every object in document order. dup reports
// whether some object repeats a key, where order cannot be compared.
func keyOrder(data []byte) (events []keyEvent, dup bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	dec.UseNumber()
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				key := k.(string)
				if seen[key] {
					dup = true
				}
				seen[key] = true
				events = append(events, keyEvent{path, key})
				if err := walk(path + "." + key); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(path + "[]"); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	err = walk("$")
	return events, dup, err
}

// roundTrip decodes data, encodes it with json.Marshal and with Write, and
// checks both outputs are semantically equal to the input, that the key
// order is kept when keys are unique, and that a second trip is stable.
func roundTrip(t testing.TB, data []byte) *Collection {
	t.Helper()
	c, err := Parse(data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	in, err := semantic(data)
	if err != nil {
		t.Fatalf("encoding/json rejects input that Parse accepted: %v", err)
	}
	want := expected(in)

	compact, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	var indented bytes.Buffer
	if err := c.Write(&indented); err != nil {
		t.Fatalf("Write: %v", err)
	}
	for name, out := range map[string][]byte{"json.Marshal": compact, "Write": indented.Bytes()} {
		got, err := semantic(out)
		if err != nil {
			t.Fatalf("%s wrote invalid JSON: %v\n%s", name, err, out)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%s output differs from input\ninput:  %s\noutput: %s", name, mustCompact(data), out)
		}
	}

	// Key order: compare against the input (or its envelope content).
	// An unwrapped envelope has no input order left to compare against.
	if reflect.DeepEqual(want, in) {
		inOrder, dup, err := keyOrder(data)
		if err != nil {
			t.Fatal(err)
		}
		outOrder, _, err := keyOrder(compact)
		if err != nil {
			t.Fatal(err)
		}
		if !dup && !reflect.DeepEqual(inOrder, outOrder) {
			t.Fatalf("key order changed\ninput:  %v\noutput: %v", inOrder, outOrder)
		}
	}

	// A second trip must give the very same bytes.
	c2, err := Parse(compact)
	if err != nil {
		t.Fatalf("Parse of own output: %v", err)
	}
	again, _ := json.Marshal(c2)
	if !bytes.Equal(again, compact) {
		t.Fatalf("second round trip not stable\nfirst:  %s\nsecond: %s", compact, again)
	}
	return c
}

func mustCompact(data []byte) string {
	var b bytes.Buffer
	if err := json.Compact(&b, bytes.TrimPrefix(data, bom)); err != nil {
		return string(data)
	}
	s := b.String()
	if len(s) > 4000 {
		s = s[:4000] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}
