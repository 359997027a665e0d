package collection

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inheritanceWant is, for each request of synthetic/inheritance-mistyped.json, what
// postman-collection 5.3.1 says: Item#getAuth()'s type (with its "token"
// parameter when it has one, "<none>" when it returns nothing) and the exec
// text of item.events.listeners("prerequest") and ("test"), in order.
var inheritanceWant = []string{
	`{"name":"absent","auth":"bearer:collection-token","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"null","auth":"bearer:collection-token","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"own basic","auth":"basic","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"noauth","auth":"noauth","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"no type","auth":"bearer:collection-token","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"empty type","auth":"","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"type type","auth":"bearer:collection-token","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"numeric type","auth":"bearer:collection-token","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
	`{"name":"inherits folder","auth":"bearer:folder-token","prerequest":["collection pre 1","collection pre 2","folder pre","item pre"],"test":["collection test","folder test","item test"]}`,
	`{"name":"inherits through null folder","auth":"bearer:folder-token","prerequest":["collection pre 1","collection pre 2","folder pre","inner pre"],"test":["collection test","folder test"]}`,
	`{"name":"apikey in deep folder","auth":"apikey","prerequest":["collection pre 1","collection pre 2","folder pre","inner pre"],"test":["collection test","folder test"]}`,
	`{"name":"stops at noauth folder","auth":"noauth","prerequest":["collection pre 1","collection pre 2","folder pre"],"test":["collection test","folder test"]}`,
	`{"name":"null under noauth folder","auth":"noauth","prerequest":["collection pre 1","collection pre 2","folder pre"],"test":["collection test","folder test"]}`,
	`{"name":"inherits collection","auth":"bearer:collection-token","prerequest":["collection pre 1","collection pre 2"],"test":["collection test"]}`,
}

func TestEffectiveAuthAndEventsAgreeWithPostmanCollection(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "synthetic", "inheritance-mistyped.json"))
	require.NoError(t, err)
	c, err := Parse(data)
	require.NoError(t, err)
	var got []string
	for it := range c.Requests() {
		desc := "<none>"
		if a := c.EffectiveAuth(it); a != nil {
			desc = a.Type
			if v, ok := a.ParamValue("token"); ok {
				desc += ":" + v.String()
			}
		}
		execs := func(listen string) []string {
			out := []string{}
			for _, ev := range c.EffectiveEvents(it, listen) {
				out = append(out, ev.Script.Source())
			}
			return out
		}
		line, err := json.Marshal(map[string]any{"name": it.Name, "auth": desc,
			"prerequest": execs(ListenPrerequest), "test": execs(ListenTest)})
		require.NoError(t, err)
		got = append(got, string(line))
	}
	require.Len(t, got, len(inheritanceWant))
	for i := range got {
		assert.JSONEq(t, inheritanceWant[i], got[i])
	}
}

func TestEffectiveAuthOutsideTheCollection(t *testing.T) {
	c := New("c")
	c.Auth = BearerAuth("t")
	stray := &Item{Name: "stray", Request: NewRequest("GET", "http://x")}
	assert.Same(t, c.Auth, c.EffectiveAuth(stray))
	stray.Request.Auth = NullAuth()
	assert.Same(t, c.Auth, c.EffectiveAuth(stray), "null inherits")
	stray.Request.Auth = NoAuth()
	assert.Equal(t, AuthNoAuth, c.EffectiveAuth(stray).Type)
	assert.Nil(t, c.EffectiveAuth(nil))
	assert.Nil(t, New("empty").EffectiveAuth(&Item{Request: NewRequest("GET", "x")}))
}
