package redislimit

import (
	"strings"
	"sync"
)

// scope is the Redis keys of one key's budgets.
type scope struct {
	bucketPrefix string // "<prefix>{<fingerprint>}:"; redis_rate adds "rate:"
	pauseKey     string
	mu           sync.Mutex
	polling      map[string]chan struct{} // by limit name: one poller per process
}

func newScope(prefix, id string) *scope {
	base := prefix + "{" + id + "}:"
	return &scope{bucketPrefix: base, pauseKey: base + "pause", polling: map[string]chan struct{}{}}
}

// turn is the semaphore of limit name: the goroutines of a process take
// turns asking Redis for a token, rather than all asking at every token.
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
