package postman

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRateLimitsForNamesTheBucketsTheDefaultLimiterUses(t *testing.T) {
	t.Parallel()
	gen := RateLimit{Name: "general", Requests: 300, Window: time.Minute}
	for _, tt := range []struct {
		method, path string
		want         []RateLimit
	}{
		{"GET", "/me", []RateLimit{gen}},
		{"GET", "/collections", []RateLimit{{Name: "GET /collections", Requests: 10, Window: 10 * time.Second}, gen}},
		{"POST", "/collections", []RateLimit{gen}},
		{"GET", "/workspaces/ws-1", []RateLimit{{Name: "GET /workspaces/{id}", Requests: 10, Window: 10 * time.Second}, gen}},
		{"GET", "/workspaces/ws-1/global-variables", []RateLimit{gen}},
		{"PATCH", "/workspaces/ws-1/updates/7", []RateLimit{{Name: "workspace updates", Requests: 20, Window: time.Minute}, gen}},
		{"POST", "/monitors/m-1/run", []RateLimit{{Name: "monitors", Requests: 10, Window: 10 * time.Second}, gen}},
		{"POST", "/postbot/generations/tool", []RateLimit{{Name: "POST /postbot/generations/tool", Requests: 300, Window: 3 * time.Hour}, gen}},
		{"GET", "/scim/v2/Users", []RateLimit{{Name: "SCIM reads", Requests: 300, Window: time.Minute, SCIM: true}}},
		{"PATCH", "/scim/v2/Users/u-1", []RateLimit{{Name: "SCIM writes", Requests: 180, Window: time.Minute, SCIM: true}}},
	} {
		assert.Equal(t, tt.want, RateLimitsFor(tt.method, tt.path), "%s %s", tt.method, tt.path)
	}
}

// TestTokenBucketIsTheDefaultLimitersBucket: a limiter elsewhere that
// paces by TokenBucket enforces exactly what the in-process one does.
func TestTokenBucketIsTheDefaultLimitersBucket(t *testing.T) {
	t.Parallel()
	for _, scale := range []float64{1, 0.5, 1.0 / 30, 4} {
		for _, b := range append([]bucket{general, scimReads, scimWrites}, postmanLimits...) {
			burst, interval := b.public(false).TokenBucket(scale)
			want := newRateLimiter(b, scale)
			assert.Equal(t, want.Burst(), burst, "%s at %v", b.name, scale)
			assert.InEpsilon(t, float64(want.Limit()), float64(time.Second)/float64(interval), 1e-6, "%s at %v", b.name, scale)
		}
	}
	burst, interval := RateLimit{Name: "general", Requests: 300, Window: time.Minute}.TokenBucket(1)
	assert.Equal(t, 3, burst)
	assert.InDelta(t, 61.2/297, interval.Seconds(), 1e-6, "297 requests over the minute and its 1.2 s slack")
	zero, _ := RateLimit{Requests: 300, Window: time.Minute}.TokenBucket(0)
	assert.Equal(t, burst, zero, "a scale that is not positive counts as 1")
}

func TestFingerprintHidesTheKey(t *testing.T) {
	t.Parallel()
	fp := Fingerprint(canaryKey)
	assert.Len(t, fp, 32)
	assert.Equal(t, fp, Fingerprint(canaryKey), "stable")
	assert.NotEqual(t, fp, Fingerprint(scimCanaryKey))
	assert.NotContains(t, string(fp), canaryKey[:8])
	plain := sha256.Sum256([]byte(canaryKey))
	assert.False(t, strings.HasPrefix(hex.EncodeToString(plain[:]), string(fp)), "not the key's plain SHA-256")
	assert.Empty(t, Fingerprint(""))
}

// keyedLimiter records how a client binds it and what its bound limiter waits for.
type keyedLimiter struct {
	mu        sync.Mutex
	bound     [][2]KeyFingerprint
	waits     []string
	unbound   int
	returnNil bool
}

func (k *keyedLimiter) Wait(context.Context, string, string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.unbound++
	return nil
}
func (k *keyedLimiter) PauseUntil(time.Time) {}

func (k *keyedLimiter) ForKeys(api, scim KeyFingerprint) Limiter {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.bound = append(k.bound, [2]KeyFingerprint{api, scim})
	if k.returnNil {
		return nil
	}
	return boundLimiter{k, api}
}

type boundLimiter struct {
	k   *keyedLimiter
	api KeyFingerprint
}

func (b boundLimiter) Wait(_ context.Context, method, path string) error {
	b.k.mu.Lock()
	defer b.k.mu.Unlock()
	b.k.waits = append(b.k.waits, string(b.api)+" "+method+" "+path)
	return nil
}
func (boundLimiter) PauseUntil(time.Time) {}

func TestNewClientBindsAKeyedLimiterToFingerprints(t *testing.T) {
	t.Parallel()
	base, _ := always(200, nil, okBody)(t, &faultEnv{})
	k := &keyedLimiter{}
	c, err := NewClient(canaryKey, WithBaseURL(base), WithLimiter(k), WithSCIMKey(scimCanaryKey))
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	_, err = c.Do(t.Context(), http.MethodGet, "/me", nil, nil)
	require.NoError(t, err)

	assert.Equal(t, [][2]KeyFingerprint{{Fingerprint(canaryKey), Fingerprint(scimCanaryKey)}}, k.bound)
	assert.Equal(t, []string{string(Fingerprint(canaryKey)) + " GET /me"}, k.waits, "the client waits on the bound limiter")
	assert.Zero(t, k.unbound, "never on the unbound one")

	noSCIM := &keyedLimiter{}
	_, err = NewClient(canaryKey, WithBaseURL(base), WithLimiter(noSCIM))
	require.NoError(t, err)
	assert.Equal(t, [][2]KeyFingerprint{{Fingerprint(canaryKey), ""}}, noSCIM.bound)

	_, err = NewClient(canaryKey, WithLimiter(&keyedLimiter{returnNil: true}))
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
