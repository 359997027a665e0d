// Package transport holds the HTTP plumbing of the postman client: the
// credential type that never prints, the retry policy handed to
// go-retryablehttp, the retry budget, the round trippers that add
// credentials and wait on rate limiters, and the redirect policy.
package transport

import (
	"fmt"
	"log/slog"
)

// Redacted is what every formatting path prints instead of a secret.
const Redacted = "[REDACTED]"

// Secret holds a credential (an API key, a SCIM key). Its value can only be
// read with Reveal; every way Go prints or encodes a value (fmt verbs
// including %#v and %+v, slog, encoding/json) shows [REDACTED], so a secret
// that ends up inside a struct dump, a log record or an error stays hidden.
type Secret struct {
	value string
}

// NewSecret wraps s.
func NewSecret(s string) Secret { return Secret{value: s} }

// Reveal returns the credential. Call it only where the value goes on the wire.
func (s Secret) Reveal() string { return s.value }

// IsZero reports whether no credential is set.
func (s Secret) IsZero() bool { return s.value == "" }

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
