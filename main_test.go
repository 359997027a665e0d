package postman

import (
	"fmt"
	"os"
	"testing"

	"go.uber.org/goleak"

	"github.com/postman-go/postman/internal/conformance"
)

// TestMain runs the tests, then three whole-suite checks: no goroutine
// outlives the tests, every operation a //postman:operation marker claims
// was exercised through the conformance harness, and no key reached the
// log of any test client (suiteLog).
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goleak:", err)
			code = 1
		}
	}
	if code == 0 && conformance.WholeSuite() {
		if err := conformance.CheckCoverage("."); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
		if err := suiteLog.check(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}
