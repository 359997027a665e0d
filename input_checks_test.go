package postman

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewClientRefusesKeysNoRequestCanCarry: a key with a line break, a
// NUL or surrounding spaces, or a blank one, is refused at once, without
// repeating it; before, every call failed locally after the retries.
func TestNewClientRefusesKeysNoRequestCanCarry(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"PMAK-secret-value\n", "PMAK-secret\r\nX-Evil: 1", "PMAK-secret\x00", "   ", "\t", " PMAK-secret-value", "PMAK-secret\x7f"} {
		_, err := NewClient(key)
		require.ErrorIs(t, err, ErrInvalidArgument, "%q", key)
		assert.NotContains(t, err.Error(), "secret", "the message never repeats the key")
		_, err = NewClient(canaryKey, WithSCIMKey(key))
		require.ErrorIs(t, err, ErrInvalidArgument, "SCIM key %q", key)
	}
	_, err := NewClient("k")
	require.NoError(t, err, "a short key is fine (tests use them)")
}

// TestUnsendableRequestIsNotRetried: a request net/http refuses to write
// (here an invalid method) fails at once, with no retry wait and no
// retry budget spent.
func TestUnsendableRequestIsNotRetried(t *testing.T) {
	t.Parallel()
	c, mock := newMockClient(t)
	waits := recordWaits(c)
	_, err := c.Do(t.Context(), "GE(T", "/me", nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "invalid method")
	assert.Empty(t, *waits, "not retried")
	assert.Zero(t, mock.GetTotalCallCount())
}

// TestRequestBuildErrorCarriesNoQuery: a URL net/url cannot parse fails
// without its query, where access keys travel.
func TestRequestBuildErrorCarriesNoQuery(t *testing.T) {
	t.Parallel()
	c, _ := newMockClient(t)
	_, err := c.Do(t.Context(), "GET", "/collections/x\x7f?access_key=PMAT-0123456789abcdef", nil, nil)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "access_key")
	assert.NotContains(t, err.Error(), "PMAT-")
	assert.Contains(t, err.Error(), "invalid control character")
}

// TestShortKeyLeavesMessagesWhole: a key too short to be a credential
// (a test's "k") is not blanked out of the server's message.
func TestShortKeyLeavesMessagesWhole(t *testing.T) {
	t.Parallel()
	mock := httpmock.NewMockTransport()
	const message = "We could not find the collection you are looking for"
	mock.RegisterResponder("GET", postmanURL+"/collections/c1",
		httpmock.NewStringResponder(404, `{"error":{"name":"instanceNotFoundError","message":"`+message+`"}}`))
	c, err := NewClient("k", WithHTTPClient(&http.Client{Transport: mock}), WithoutRateLimit(), WithMaxRetries(0))
	require.NoError(t, err)
	_, _, err = c.Collections.Get(t.Context(), "c1", nil)
	require.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, err.Error(), message)
	assert.NotContains(t, err.Error(), "[REDACTED]")
}

// TestInvalidArgumentMessagesHaveOnePrefix: "postman: " once, and the
// argument named as the caller passed it.
func TestInvalidArgumentMessagesHaveOnePrefix(t *testing.T) {
	t.Parallel()
	c, _ := newMockClient(t)
	_, _, err := c.Workspaces.Get(t.Context(), "", nil)
	require.ErrorIs(t, err, ErrInvalidArgument)
	assert.Equal(t, "postman: invalid argument: workspaceID is empty", err.Error())
	_, _, err = c.Collections.GetFolder(t.Context(), "c1", "..", nil)
	assert.Equal(t, `postman: invalid argument: folderID is ".."`, err.Error())
	assert.Equal(t, 1, strings.Count(err.Error(), "postman:"), err.Error())
	_, err = NewClient(canaryKey, WithBaseURL("ftp://x"))
	assert.Equal(t, 1, strings.Count(err.Error(), "postman:"), err.Error())
}

// TestPathFormatsNameTheirParameters: every pathf format of the package
// names its parameters ({workspaceID}), so that a refused argument is
// named; a %s verb would fail at run time.
func TestPathFormatsNameTheirParameters(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	verb := regexp.MustCompile(`pathf\("[^"]*%`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.False(t, verb.Match(data), "%s: a pathf format with a %% verb", f)
	}
}
