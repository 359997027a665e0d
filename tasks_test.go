package postman

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPollBacksOffUntilDone(t *testing.T) {
	t.Parallel()
	c, err := NewClient(canaryKey, WithoutRateLimit(), WithTaskPolling(time.Second, 5*time.Second))
	require.NoError(t, err)
	var waits []time.Duration
	c.waits.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	checks := 0
	err = c.poll(t.Context(), func(context.Context) (bool, error) {
		checks++
		return checks == 6, nil
	})
	require.NoError(t, err)
	assert.Equal(t, 6, checks)
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}, waits)

	failed := &TaskFailedError{Task: "collection duplication 4e3", Status: "failed", Details: "source not found"}
	err = c.poll(t.Context(), func(context.Context) (bool, error) { return false, failed })
	assert.Same(t, failed, err)
	assert.Equal(t, `postman: task collection duplication 4e3 ended with status "failed": source not found`, err.Error())
	assert.Equal(t, `postman: task t ended with status "x"`, (&TaskFailedError{Task: "t", Status: "x"}).Error())

	// The real sleep ends with the context.
	c.waits.sleep = defaultWaits().sleep
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(10*time.Millisecond, cancel)
	start := time.Now()
	err = c.poll(ctx, func(context.Context) (bool, error) { return false, nil })
	assert.True(t, errors.Is(err, context.Canceled))
	assert.Less(t, time.Since(start), 900*time.Millisecond)
	assert.NoError(t, defaultWaits().sleep(t.Context(), time.Millisecond))

	_, err = NewClient(canaryKey, WithTaskPolling(0, time.Second))
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = NewClient(canaryKey, WithTaskPolling(2*time.Second, time.Second))
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
