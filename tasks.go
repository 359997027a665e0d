package postman

import (
	"context"
	"fmt"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// waitConfig paces the polling of asynchronous tasks.
type waitConfig struct {
	initial time.Duration
	max     time.Duration
	// sleep waits d or until ctx ends; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

func defaultWaits() waitConfig {
	return waitConfig{initial: time.Second, max: 15 * time.Second, sleep: transport.Sleep}
}

// WithTaskPolling sets how often Wait… helpers poll an asynchronous task:
// first after initial, then doubling up to maxWait (defaults 1s and 15s).
func WithTaskPolling(initial, maxWait time.Duration) Option {
	return func(c *config) error {
		if initial <= 0 || maxWait < initial {
			return fmt.Errorf("%w: task polling bounds %v, %v", ErrInvalidArgument, initial, maxWait)
		}
		c.waits.initial, c.waits.max = initial, maxWait
		return nil
	}
}

// TaskFailedError is returned by Wait… helpers when an asynchronous task
// ends in failure; Details holds what the server said about it.
type TaskFailedError struct {
	// Task names the task ("collection duplication 4e3…").
	Task string
	// Status is the task's final status as the server wrote it.
	Status string
	// Details is the server's explanation, when given.
	Details string
}

// Error describes the failed task.
func (e *TaskFailedError) Error() string {
	msg := fmt.Sprintf("postman: task %s ended with status %q", e.Task, e.Status)
	if e.Details != "" {
		msg += ": " + e.Details
	}
	return msg
}

// waitFor polls get with the client's backoff until judge says the task
// ended, and returns the last state read and the answer that carried it.
// An answer without a status (status returns "") fails with
// ErrMissingResult: polling it again would never end. judge returns done,
// or the error of a failed task; anything else keeps polling.
func waitFor[T any](ctx context.Context, c *Client, first *T, get func(context.Context) (*T, *Response, error),
	status func(*T) string, judge func(*T) (done bool, err error)) (*T, *Response, error) {
	last := first
	var lastResp *Response
	err := c.poll(ctx, func(ctx context.Context) (bool, error) {
		t, resp, err := get(ctx)
		lastResp = resp
		if err != nil {
			return false, err
		}
		if t == nil || status(t) == "" {
			return false, missingResult(resp, "status")
		}
		last = t
		return judge(t)
	})
	if err != nil {
		return nil, lastResp, err
	}
	return last, lastResp, nil
}

// poll calls check until it reports done or fails, waiting between calls
// with exponential backoff, and returns check's error or the context's.
func (c *Client) poll(ctx context.Context, check func(ctx context.Context) (done bool, err error)) error {
	for attempt := 0; ; attempt++ {
		done, err := check(ctx)
		if err != nil || done {
			return err
		}
		wait := transport.ExponentialCeiling(c.waits.initial, c.waits.max, attempt)
		if err := c.waits.sleep(ctx, wait); err != nil {
			return err
		}
	}
}
