package redislimit

import (
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/postman-go/postman"
)

// Default settings of New.
const (
	DefaultPrefix  = "postman:"
	DefaultTimeout = 250 * time.Millisecond
	DefaultRecheck = 10 * time.Second
)

// config is what the options set.
type config struct {
	prefix        string
	scale         float64
	timeout       time.Duration
	recheck       time.Duration
	fallbackScale float64
	logger        *slog.Logger
	// speedup divides every window (tests span many of Postman's
	// minutes in seconds); now is the clock of the outage bookkeeping.
	speedup float64
	now     func() time.Time
}

func defaultConfig() config {
	return config{
		prefix:        DefaultPrefix,
		scale:         1,
		timeout:       DefaultTimeout,
		recheck:       DefaultRecheck,
		fallbackScale: 1,
		speedup:       1,
		now:           time.Now,
	}
}

// newLocal is the in-process limiter used while Redis is unavailable.
func (c *config) newLocal() postman.Limiter { return postman.NewLimiter(c.fallbackScale) }

// Option configures New.
type Option func(*config) error

// WithPrefix sets the prefix of the Limiter's Redis keys (DefaultPrefix),
// e.g. to keep two environments apart in one Redis.
func WithPrefix(prefix string) Option {
	return func(c *config) error {
		if prefix == "" {
			return fmt.Errorf("redislimit: empty key prefix")
		}
		c.prefix = prefix
		return nil
	}
}

// WithScale makes the fleet use scale times Postman's limits (1 by
// default): 0.8 leaves a fifth of the budget to tools that do not share
// this Redis.
func WithScale(scale float64) Option {
	return func(c *config) error {
		if !positive(scale) {
			return fmt.Errorf("redislimit: scale %v is not a positive number", scale)
		}
		c.scale = scale
		return nil
	}
}

// WithTimeout bounds each Redis command (DefaultTimeout). A command that
// fails or takes longer counts as Redis being unavailable.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("redislimit: timeout %v is not positive", d)
		}
		c.timeout = d
		return nil
	}
}

// WithRecheck sets how long the Limiter paces locally after Redis failed
// before it asks Redis again (DefaultRecheck).
func WithRecheck(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("redislimit: recheck interval %v is not positive", d)
		}
		c.recheck = d
		return nil
	}
}

// WithFallbackScale sets the share of Postman's limits the in-process
// limiter allows while Redis is unavailable (1 by default): 1/n for a
// fleet of about n processes keeps it under the limits during an outage.
func WithFallbackScale(scale float64) Option {
	return func(c *config) error {
		if !positive(scale) {
			return fmt.Errorf("redislimit: fallback scale %v is not a positive number", scale)
		}
		c.fallbackScale = scale
		return nil
	}
}

// WithLogger sets where the Limiter reports that Redis became unavailable
// and available again (slog.Default() by default).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return fmt.Errorf("redislimit: nil logger")
		}
		c.logger = l
		return nil
	}
}

func positive(f float64) bool { return f > 0 && !math.IsInf(f, 0) && !math.IsNaN(f) }
