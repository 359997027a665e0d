package postman

import (
	"bytes"
	"fmt"
	"log/slog"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// suiteLog receives the Debug-level log of every client newTestClient
// makes, so that the canary check covers the whole suite — every
// service's calls, errors, retries and task polls — not only the fault
// suite. It keeps no records, only a count and any leak.
var suiteLog = &canaryLog{}

// suiteLogger writes JSON records, attributes included, into suiteLog.
var suiteLogger = slog.New(slog.NewJSONHandler(suiteLog, &slog.HandlerOptions{Level: slog.LevelDebug}))

// canaryLog is a log sink that looks for the test keys in every record.
type canaryLog struct {
	mu      sync.Mutex
	records int
	leaks   []string
}

// suiteSecrets are the keys the tests' clients use; a piece of one is a
// leak as well as the whole.
var suiteSecrets = []string{canaryKey, canaryKey[:16], scimCanaryKey, scimCanaryKey[:16], conformanceSCIMKey}

func (l *canaryLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records++
	for _, s := range suiteSecrets {
		if bytes.Contains(p, []byte(s)) {
			l.leaks = append(l.leaks, fmt.Sprintf("%.500s", p))
		}
	}
	return len(p), nil
}

// check reports the leaks, and a log that recorded nothing (the check
// would then prove nothing).
func (l *canaryLog) check() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.leaks) > 0 {
		return fmt.Errorf("canary: a key reached the log %d times, first: %s", len(l.leaks), l.leaks[0])
	}
	if l.records < 1000 {
		return fmt.Errorf("canary: the suite's clients logged only %d records", l.records)
	}
	return nil
}

// TestCanaryLogCatchesALeak shows the whole-suite check can fail: a record
// with a piece of a key is a leak.
func TestCanaryLogCatchesALeak(t *testing.T) {
	t.Parallel()
	l := &canaryLog{records: 1000}
	slog.New(slog.NewJSONHandler(l, nil)).Info("postman: call", "error", "bad key "+canaryKey[:16]+"…")
	err := l.check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reached the log 1 times")
	assert.ErrorContains(t, (&canaryLog{}).check(), "logged only 0 records")
}
