package redislimit

import (
	"strings"
	"sync"
)

// scope is the Redis keys of one key's budgets.
type scope struct {
	bucketPrefix string // "rate:<prefix>{<fingerprint>}:"
	pauseKey     string
	mu           sync.Mutex
	polling      map[string]chan struct{} // by limit name: one reservation at a time per process
}

func newScope(prefix, id string) *scope {
	base := prefix + "{" + id + "}:"
	return &scope{bucketPrefix: "rate:" + base, pauseKey: base + "pause", polling: map[string]chan struct{}{}}
}

// turn is the semaphore of limit name: the goroutines of a process take
// turns asking Redis for a reservation, so that they never queue for the
// Redis client's connections.
func (s *scope) turn(name string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.polling[name]
	if !ok {
		ch = make(chan struct{}, 1)
		s.polling[name] = ch
	}
	return ch
}

// bucketKey is the name of limit name's bucket in s, without the braces
// and spaces a Redis key is better without.
func (s *scope) bucketKey(name string) string {
	return s.bucketPrefix + keySafe.Replace(name)
}

var keySafe = strings.NewReplacer(" ", "_", "{", "", "}", "")
