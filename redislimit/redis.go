package redislimit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// unavailableError is a Redis command that failed or missed its deadline.
type unavailableError struct{ err error }

func (e *unavailableError) Error() string { return "redislimit: Redis unavailable: " + e.err.Error() }
func (e *unavailableError) Unwrap() error { return e.err }

// redis runs one command, fn, with the configured deadline. It returns
// ctx's error when the caller gave up, and an *unavailableError when
// Redis failed or was too slow.
//
// fn runs in a goroutine of its own because go-redis leaves the
// context's deadline to the socket only when the client was built with
// ContextTimeoutEnabled: otherwise a stalled Redis would hold the call for
// the client's read timeout and retries (seconds). The call returns at
// the deadline; the command ends in the background on the client's own
// timeouts.
func (l *Limiter) redis(ctx context.Context, fn func(context.Context) error) error {
	cmdCtx, cancel := context.WithTimeout(ctx, l.cfg.timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fn(cmdCtx) }()
	var err error
	select {
	case err = <-done:
	case <-cmdCtx.Done():
		err = fmt.Errorf("no answer within %v", l.cfg.timeout)
	}
	switch {
	case err == nil || errors.Is(err, redis.Nil):
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		return &unavailableError{err}
	}
}

// sleep waits d, what being what it waits for. A wait that would outlast
// ctx's deadline fails at once, matching context.DeadlineExceeded.
func sleep(ctx context.Context, d time.Duration, what string) error {
	if d <= 0 {
		return ctx.Err()
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		return fmt.Errorf("redislimit: %s (%v) would outlast the context deadline: %w", what, d.Round(time.Millisecond), context.DeadlineExceeded)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
