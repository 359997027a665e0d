package collection

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCurl(t *testing.T) {
	c := readFixture(t, "synthetic/requests.json")
	s := NewScope([]Variable{NewVariable("host", "localhost:8080")}, c.Variables)
	want := map[string]string{
		"path and query": `curl --url 'http://localhost:8080/api/users/42/items?q=Zo%C3%AB%20&%20co&flag&empty=' --header 'Accept: application/json' --header 'X-Name: Zoë & co' --header 'Authorization: Bearer collection-token'`,
		"raw json":       `curl --request POST --url http://localhost:8080/api/raw --header 'Authorization: Basic YW5uOnMzY3JldDo0Mg==' --header 'Content-Type: application/json' --data-raw '{"id": 42}'`,
		"urlencoded":     `curl --request POST --url http://localhost:8080/api/form --header 'X-Api-Key: k-42' --header 'Content-Type: application/x-www-form-urlencoded' --data 'a=1&a=2%203&name=Zo%C3%AB%20%26%20co'`,
		"formdata":       `curl --request POST --url 'http://localhost:8080/api/multipart?api_key=q-key' --form 'text=Zoë & co' --form doc=@one.txt`,
		"file":           `curl --request POST --url http://localhost:8080/api/file --header 'Authorization: Bearer collection-token' --data-binary @body.json`,
	}
	for name, cmd := range want {
		got, err := c.Curl(c.FindByName(name), s)
		require.NoError(t, err, name)
		assert.Equal(t, cmd, got, name)
	}
	assert.Equal(t, `'it'\''s'`, shellQuote("it's"))
	assert.Equal(t, `''`, shellQuote(""))
}
