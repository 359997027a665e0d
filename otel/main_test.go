package postmanotel_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run when a goroutine outlives the tests: a server,
// a connection or a span processor left running.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
