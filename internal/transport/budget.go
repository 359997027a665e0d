package transport

import "sync"

// Costs of the retry budget, after the AWS SDK's standard retryer: a retry
// after a throttle is cheap because the server told us when to come back; a
// retry after a fault is dear because a failing server is likely to keep
// failing; a success puts a little back.
const (
	DefaultBudget   = 500
	retryCost       = 14
	throttleCost    = 5
	firstTrySuccess = 1
)

// Budget is a client-wide token bucket that every retry draws from. When
// an outage makes many goroutines retry at once, the bucket empties and
// calls fail fast with the server's answer instead of multiplying the load.
type Budget struct {
	mu       sync.Mutex
	tokens   int
	capacity int
}

// NewBudget returns a full budget of capacity tokens; capacity <= 0 gives
// a budget that never refuses.
func NewBudget(capacity int) *Budget {
	return &Budget{tokens: capacity, capacity: capacity}
}

// take charges cost for one retry and reports whether it was granted.
func (b *Budget) take(cost int) bool {
	if b == nil || b.capacity <= 0 {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < cost {
		return false
	}
	b.tokens -= cost
	return true
}

// succeeded puts back the cost of the retry that succeeded, or one token
// for a success at the first attempt (spent == 0).
func (b *Budget) succeeded(spent int) {
	if b == nil || b.capacity <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if spent == 0 {
		spent = firstTrySuccess
	}
	b.tokens = min(b.capacity, b.tokens+spent)
}

// Available returns the tokens left.
func (b *Budget) Available() int {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}
