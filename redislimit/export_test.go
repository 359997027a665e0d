package redislimit

import "time"

// WithSpeedup makes time run speedup times faster for the buckets: every
// window is divided by it, as postman's own rate tests do, so a run spans
// several of Postman's minutes in seconds. Tests only.
func WithSpeedup(speedup float64) Option {
	return func(c *config) error {
		c.speedup = speedup
		return nil
	}
}

// WithClock sets the clock of the outage bookkeeping. Tests only.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		c.now = now
		return nil
	}
}
