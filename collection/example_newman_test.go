package collection_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/postman-go/postman/collection"
)

// Break a URL down as newman does: userinfo apart from the host, the port of
// an IPv6 literal, {{variables}} whole, path variables once.
func ExampleParseURL() {
	u := collection.ParseURL("https://{{user}}:{{pass}}@[::1]:{{port}}/items/:id/sub/:id?q={{a#b}}&flag#top")
	fmt.Println(u.Protocol, u.UserInfo.User, u.UserInfo.Password, u.Host, u.Port, u.Path, u.Hash)
	fmt.Println(u.Query[0].Key, u.Query[0].Value, u.Query[1].Key, u.Query[1].ValueIsNull())
	fmt.Println(len(u.Variables), u.Variables[0].Key)

	u.Variables[0].Value = collection.StringValue("7")
	u.Query[1].Disabled = true
	fmt.Println(u.Concrete())
	// Output:
	// https {{user}} {{pass}} [[::1]] {{port}} [items :id sub :id] top
	// q {{a#b}} flag true
	// 1 id
	// https://{{user}}:{{pass}}@[::1]:{{port}}/items/7/sub/7?q={{a#b}}#top
}

// Resolve variables: the environment before the collection's variables, as
// newman layers them; unknown names stay for a lint to report.
func ExampleScope_Replace() {
	env := []collection.Variable{collection.NewVariable("host", "api.example.com")}
	vars := []collection.Variable{
		collection.NewVariable("host", "localhost"),
		collection.NewVariable("baseUrl", "https://{{host}}/v1"),
	}
	s := collection.NewScope(env, vars)
	text := "{{baseUrl}}/users?trace={{traceId}}"
	fmt.Println(s.Replace(text))
	for _, name := range collection.References(text) {
		if !s.Has(name) {
			fmt.Println("undefined:", name)
		}
	}
	// Output:
	// https://api.example.com/v1/users?trace={{traceId}}
	// undefined: traceId
}

// Dynamic variables are repeatable with a seeded Rand and a fixed clock.
func ExampleScope_dynamic() {
	s := collection.NewScope()
	s.Rand = rand.New(rand.NewPCG(1, 2))
	s.Now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	fmt.Println(s.Replace("{{$timestamp}} {{$isoTimestamp}}"))
	// Output:
	// 1767323045 2026-01-02T03:04:05.000Z
}

// Find the auth newman would use for each request: null and absent inherit,
// noauth opts out.
func ExampleCollection_EffectiveAuth() {
	c, _ := collection.Parse([]byte(`{
		"info": {"name": "Auth", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
		"item": [
			{"name": "Null inherits", "request": {"url": "https://x/a", "auth": null}},
			{"name": "Public", "request": {"url": "https://x/b", "auth": {"type": "noauth"}}}
		]
	}`))
	for it := range c.Requests() {
		fmt.Println(it.Name+":", c.EffectiveAuth(it).Type)
	}
	// Output:
	// Null inherits: bearer
	// Public: noauth
}

// Send a collection's request from Go, as a CI smoke step would, and print
// it as curl for the log. Scripts are not run: use newman for collections
// whose requests depend on them.
func ExampleCollection_HTTPRequest() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s %s %s %s", r.Method, r.URL, r.Header.Get("Authorization"), body)
	}))
	defer srv.Close()

	c := collection.New("Orders")
	c.Auth = collection.BearerAuth("{{token}}")
	c.Variables = []collection.Variable{collection.NewVariable("baseUrl", srv.URL), collection.NewVariable("token", "t0k")}
	req := collection.NewRequest("POST", "{{baseUrl}}/orders/:id?dry=1")
	req.URL.Variables[0].Value = collection.StringValue("42")
	req.Body = collection.NewRawBody(`{"qty": 1}`, "json")
	it := c.AddRequest("Create order", req)

	s := collection.NewScope(c.Variables)
	hr, err := c.HTTPRequest(context.Background(), it, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := srv.Client().Do(hr)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(answer))

	cmd, _ := c.Curl(it, s)
	fmt.Println(strings.ReplaceAll(cmd, srv.URL, "http://127.0.0.1:PORT"))

	// Auth that needs a protocol exchange is refused, not sent unsigned.
	c.Auth = collection.NewAuth(collection.AuthDigest)
	_, err = c.HTTPRequest(context.Background(), it, s)
	var unsupported *collection.UnsupportedAuthError
	fmt.Println(errors.As(err, &unsupported), unsupported.Type)
	// Output:
	// 200 POST /orders/42?dry=1 Bearer t0k {"qty": 1}
	// curl --request POST --url 'http://127.0.0.1:PORT/orders/42?dry=1' --header 'Authorization: Bearer t0k' --header 'Content-Type: application/json' --data-raw '{"qty": 1}'
	// true digest
}
