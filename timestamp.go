package postman

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// Timestamp is a point in time as Postman writes it. Postman uses several
// layouts ("2022-07-06T16:18:32.000Z", "2022-07-06 16:18:32+00:00",
// "2022-07-06 16:18:32", Unix seconds or milliseconds); Timestamp reads
// them all and writes back the text it read, so a value passed through the
// SDK is unchanged. An unrecognised text keeps Time zero but is preserved
// rather than failing the whole decode.
type Timestamp struct {
	time.Time
	raw json.RawMessage
}

var timestampLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	t.raw = bytes.Clone(data)
	t.Time = time.Time{}
	if string(data) == "null" {
		return nil
	}
	var s string
	if data[0] == '"' {
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
	} else {
		s = string(data)
	}
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n > 1e12 {
			t.Time = time.UnixMilli(n).UTC()
		} else {
			t.Time = time.Unix(n, 0).UTC()
		}
		return nil
	}
	for _, layout := range timestampLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v
			return nil
		}
	}
	return nil
}

// MarshalJSON implements json.Marshaler: the text that was read, or
// RFC 3339 for a Timestamp built in Go (null for the zero value).
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.raw != nil {
		return t.raw, nil
	}
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Format(time.RFC3339Nano))
}

// NewTimestamp returns t as a Timestamp.
func NewTimestamp(t time.Time) Timestamp { return Timestamp{Time: t} }
