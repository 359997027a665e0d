// Package transport holds the HTTP plumbing of the postman client: the
// credential type that never prints, the retry policy handed to
// go-retryablehttp, the retry budget, the round trippers that add
// credentials and wait on rate limiters, and the redirect policy.
package transport

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"strings"
)

// Redacted is what every formatting path prints instead of a secret.
const Redacted = "[REDACTED]"

// Secret holds a credential (an API key, a SCIM key). Its value can only be
// read with Reveal; every way Go prints or encodes a value (fmt verbs
// including %#v and %+v, slog, encoding/json) shows [REDACTED], so a secret
// that ends up inside a struct dump, a log record or an error stays hidden.
//
// fmt cannot call those methods on an unexported field (a Secret inside
// the postman.Client, printed with %+v or reached through fmt's %!s(…)
// fallback), and reflective dumpers (spew, go-cmp, debuggers' pretty
// printers) ignore them altogether. So the value is also kept sealed: the
// bytes are XORed with a random pad of the same length, behind a pointer,
// and only Reveal puts them back together.
type Secret struct {
	p *sealed
}

type sealed struct {
	pad, masked []byte
}

// NewSecret wraps s.
func NewSecret(s string) Secret {
	if s == "" {
		return Secret{}
	}
	pad := make([]byte, len(s))
	_, _ = rand.Read(pad)
	masked := make([]byte, len(s))
	for i := range masked {
		masked[i] = s[i] ^ pad[i]
	}
	return Secret{p: &sealed{pad: pad, masked: masked}}
}

// Reveal returns the credential. Call it only where the value goes on the wire.
func (s Secret) Reveal() string {
	if s.p == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s.p.masked))
	for i, m := range s.p.masked {
		b.WriteByte(m ^ s.p.pad[i])
	}
	return b.String()
}

// IsZero reports whether no credential is set.
func (s Secret) IsZero() bool { return s.p == nil }

// MinRedactedLen is the length from which a credential is blanked out of
// text. Postman's keys are dozens of characters long; blanking a shorter
// one (a test's "k") would garble every message where its letters occur
// and protect nothing.
const MinRedactedLen = 8

// Redactable reports whether the credential is long enough to be blanked
// out of text (MinRedactedLen).
func (s Secret) Redactable() bool { return s.p != nil && len(s.p.masked) >= MinRedactedLen }

// In reports whether the credential occurs in text, without building the
// credential as a string (it runs on every response's request ID). A
// credential shorter than MinRedactedLen is never reported.
func (s Secret) In(text string) bool {
	if !s.Redactable() {
		return false
	}
	n := len(s.p.masked)
	first := s.p.masked[0] ^ s.p.pad[0]
	for i := 0; i+n <= len(text); i++ {
		if text[i] != first {
			continue
		}
		j := 1
		for j < n && text[i+j] == s.p.masked[j]^s.p.pad[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// String implements fmt.Stringer.
func (s Secret) String() string { return Redacted }

// GoString implements fmt.GoStringer (%#v).
func (s Secret) GoString() string { return Redacted }

// Format implements fmt.Formatter so that every verb, %x and %q included,
// prints the placeholder rather than the bytes of the key.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(Redacted)) }

// LogValue implements slog.LogValuer.
func (s Secret) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MarshalJSON implements json.Marshaler.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + Redacted + `"`), nil }

// MarshalText implements encoding.TextMarshaler (used by some loggers and encoders).
func (s Secret) MarshalText() ([]byte, error) { return []byte(Redacted), nil }
