package conformance_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/conformance"
	ic "github.com/postman-go/postman/internal/conformance"
	"github.com/postman-go/postman/internal/record"
)

// recordedPackages are the SDK's packages whose tests reach a fake
// Postman: the client's scenarios and behaviour tests (the harness),
// postmantest's own tests (the recording Transport), and everything else
// that talks to postmantest (its server records every answer it gives):
// the godoc examples and the example programs.
var recordedPackages = []string{".", "./postmantest/", "./examples/..."}

// minExchanges is a floor under the number of exchanges the run records
// (2,129 when the tests moved here): a run that records far fewer has
// lost tests or its recording, and proves little.
const minExchanges = 2000

// TestSDKSuiteConforms runs the SDK's tests of recordedPackages in a
// child `go test` with every exchange recorded (the harness and the
// Transport write them down; this module cannot link into the SDK's own
// test binaries), then validates each request and answer against the
// description. A failure names the test that made the request.
func TestSDKSuiteConforms(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the SDK's test suite")
	}
	goBin, err := exec.LookPath("go")
	require.NoError(t, err)
	dir := t.TempDir()
	// -short: the recorded re-run needs every exchange's shape, not the
	// 500 cases of the Sync property test (50 there).
	args := append([]string{"test", "-count=1", "-short"}, recordedPackages...)
	cmd := exec.CommandContext(t.Context(), goBin, args...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), ic.RecordEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "the SDK's tests fail on their own:\n%s", out)

	spec := loadSpec(t)
	exchanges, answers, operations := 0, 0, map[string]bool{}
	var failures []string
	files, err := filepath.Glob(filepath.Join(dir, "exchanges-*.jsonl"))
	require.NoError(t, err)
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 256<<20)
		for sc.Scan() {
			var ex ic.Exchange
			require.NoError(t, json.Unmarshal(sc.Bytes(), &ex))
			v := spec.Validate(ex)
			if ex.Source == record.SourceServer {
				// postmantest's own record of an answer, whatever client
				// asked: tests send requests Postman refuses on purpose,
				// so only the answers of requests that reach an operation
				// are held to the description.
				if v.Operation == "" {
					continue
				}
				answers++
				v.Request = nil
			} else {
				exchanges++
			}
			operations[v.Operation] = true
			failures = append(failures, describe(ex, v)...)
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	t.Logf("%d exchanges and %d answers of postmantest, of %d operations, validated", exchanges, answers, len(operations))
	slices.Sort(failures)
	if len(failures) > 0 {
		t.Errorf("%d exchanges do not conform to the description:\n%s", len(failures), strings.Join(failures, "\n"))
	}
	require.GreaterOrEqual(t, exchanges, minExchanges, "exchanges recorded")
}

func describe(ex ic.Exchange, v conformance.Validation) []string {
	var out []string
	who := ex.Test
	if ex.Source == record.SourceServer {
		who = "postmantest's answer"
	}
	where := fmt.Sprintf("%s: %s %s", who, ex.Method, ex.URI)
	if v.Operation != "" {
		where += " (" + v.Operation + ")"
	}
	for _, err := range []error{v.Request, v.Answer} {
		if err != nil {
			out = append(out, where+": "+err.Error())
		}
	}
	return out
}
