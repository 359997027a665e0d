package postman

import (
	"crypto/sha256"
	"encoding/hex"
)

// KeyFingerprint identifies an API or SCIM key without revealing it.
type KeyFingerprint string

// fingerprintDomain separates the fingerprint from a plain SHA-256 of the
// key, which other tools may compute and store.
const fingerprintDomain = "postman-go key fingerprint v1\x00"

// Fingerprint returns the fingerprint of key: 32 hex digits of a
// domain-separated SHA-256 digest, "" for an empty key. The key cannot be
// recovered from it (Postman's keys carry well over 128 random bits).
func Fingerprint(key string) KeyFingerprint {
	if key == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(fingerprintDomain + key))
	return KeyFingerprint(hex.EncodeToString(sum[:16]))
}

// KeyedLimiter is a Limiter that keeps a budget per key, as Postman does.
// A client given one with WithLimiter calls ForKeys once, with the
// fingerprints of its API key and of its SCIM key ("" without one), and
// waits on the Limiter it returns: the limiter never sees a key, and one
// KeyedLimiter serves clients of different keys.
type KeyedLimiter interface {
	Limiter
	ForKeys(apiKey, scimKey KeyFingerprint) Limiter
}
