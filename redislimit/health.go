package redislimit

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// health tracks whether Redis answers, so that an outage costs one
// command's timeout per recheck interval instead of one per call, and is
// logged once.
type health struct {
	logger  *slog.Logger
	now     func() time.Time
	recheck time.Duration

	down    atomic.Bool
	mu      sync.Mutex
	probeAt time.Time // during an outage: when one call may ask Redis again
}

// useRedis reports whether a call should ask Redis: always while it
// answers; during an outage, one call per recheck interval.
func (h *health) useRedis() bool {
	if !h.down.Load() {
		return true
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.down.Load() {
		return true
	}
	now := h.now()
	if now.Before(h.probeAt) {
		return false
	}
	h.probeAt = now.Add(h.recheck) // the others keep to the local limiter meanwhile
	return true
}

// failed records a failed command; the first of an outage is logged.
func (h *health) failed(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.probeAt = h.now().Add(h.recheck)
	if h.down.Swap(true) {
		return
	}
	h.logger.Warn("redislimit: Redis is unavailable; pacing with the in-process limiter until it answers again",
		"err", err, "recheck", h.recheck)
}

// succeeded records an answer; the first after an outage is logged.
func (h *health) succeeded() {
	if !h.down.Load() {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.down.Swap(false) {
		h.logger.Info("redislimit: Redis answers again; the budget is shared through it")
	}
}
