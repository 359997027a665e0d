package collection_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/postman-go/postman/collection"
)

// Read a collection, change one request, and write it back: everything else,
// key order and unknown keys included, comes out as it went in.
func Example_readModifyWrite() {
	export := `{
	"info": {
		"_postman_id": "7d1f0e4a-4c29-4c1b-9a76-0cbd4bc5d2b1",
		"name": "Users API",
		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
		"_exporter_id": "1234567"
	},
	"item": [
		{
			"name": "Get user",
			"request": {
				"method": "GET",
				"header": [],
				"url": "{{baseUrl}}/users/1"
			},
			"response": []
		}
	]
}`
	c, err := collection.Read(strings.NewReader(export))
	if err != nil {
		fmt.Println(err)
		return
	}
	req := c.FindByName("Get user").Request
	fmt.Println(req.EffectiveMethod(), req.URL.String())

	req.Header.Set("Accept", "application/json")
	req.URL.Raw = "{{baseUrl}}/users/2"

	if err := c.Write(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// GET {{baseUrl}}/users/1
	// {
	// 	"info": {
	// 		"_postman_id": "7d1f0e4a-4c29-4c1b-9a76-0cbd4bc5d2b1",
	// 		"name": "Users API",
	// 		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
	// 		"_exporter_id": "1234567"
	// 	},
	// 	"item": [
	// 		{
	// 			"name": "Get user",
	// 			"request": {
	// 				"method": "GET",
	// 				"header": [
	// 					{
	// 						"key": "Accept",
	// 						"value": "application/json"
	// 					}
	// 				],
	// 				"url": "{{baseUrl}}/users/2"
	// 			},
	// 			"response": []
	// 		}
	// 	]
	// }
}

// Build a collection from scratch; the result is valid against the official
// v2.1.0 schema.
func Example_build() {
	c := collection.New("Petstore")
	c.AddVariable("baseUrl", "https://petstore.example.com/v1")
	c.Auth = collection.BearerAuth("{{token}}")

	pets := c.AddFolder("Pets")
	pets.AddRequest("List pets", collection.NewRequest("GET", "{{baseUrl}}/pets?limit=20"))

	create := collection.NewRequest("POST", "{{baseUrl}}/pets")
	create.Header.Set("Content-Type", "application/json")
	create.Body = collection.NewRawBody(`{"name": "Rex"}`, "json")
	item := pets.AddRequest("Create pet", create)
	item.Events = append(item.Events, collection.NewEvent(collection.ListenTest,
		"pm.test(\"created\", () => pm.response.to.have.status(201));"))

	if err := c.Validate(); err != nil {
		fmt.Println(err)
	}
	out, _ := json.Marshal(c)
	fmt.Println(len(out) > 0, c.Format())

	u := c.FindPath("Pets", "List pets").Request.URL
	fmt.Println(u.Host, u.Path)
	limit, _ := u.QueryValue("limit")
	fmt.Println("limit", limit)
	fmt.Println(c.Auth.Param("token"))
	// Output:
	// true v2.1.0
	// [{{baseUrl}}] [pets]
	// limit 20
	// {{token}}
}

// Walk visits every item with the folders above it; SkipFolder prunes.
func ExampleCollection_Walk() {
	c := collection.New("Shop")
	orders := c.AddFolder("Orders")
	orders.AddRequest("List orders", collection.NewRequest("GET", "{{baseUrl}}/orders"))
	refunds := orders.AddFolder("Refunds")
	refunds.AddRequest("Create refund", collection.NewRequest("POST", "{{baseUrl}}/refunds"))
	internal := c.AddFolder("Internal")
	internal.AddRequest("Debug", collection.NewRequest("GET", "{{baseUrl}}/debug"))

	_ = c.Walk(func(parents []*collection.Item, it *collection.Item) error {
		if it.Name == "Internal" {
			return collection.SkipFolder
		}
		path := []string{}
		for _, p := range parents {
			path = append(path, p.Name)
		}
		path = append(path, it.Name)
		kind := "request"
		if it.IsFolder() {
			kind = "folder"
		}
		fmt.Printf("%-7s %s\n", kind, strings.Join(path, " / "))
		return nil
	})
	// Output:
	// folder  Orders
	// request Orders / List orders
	// folder  Orders / Refunds
	// request Orders / Refunds / Create refund
}

// Convert switches auth parameters between the v2.0 object form and the
// v2.1 array form.
func ExampleCollection_Convert() {
	c, _ := collection.Parse([]byte(`{"info":{"name":"Old","schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
		"item":[],"auth":{"type":"basic","basic":{"username":"ada","password":"secret"}}}`))
	fmt.Println(c.Auth.Param("username"))
	_ = c.Convert(collection.FormatV21)
	out, _ := json.Marshal(c)
	fmt.Println(string(out))
	// Output:
	// ada
	// {"info":{"name":"Old","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[],"auth":{"type":"basic","basic":[{"key":"username","value":"ada","type":"string"},{"key":"password","value":"secret","type":"string"}]}}
}

// Validate reports problems with their JSON paths.
func ExampleCollection_Validate() {
	c, _ := collection.Parse([]byte(`{"info":{"name":"x","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"bad","request":{"url":"https://x","body":{"mode":"binary"}}},{"name":"empty"}]}`))
	var errs collection.ValidationErrors
	if err := c.Validate(); errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Println(e.Path, "-", e.Problem)
		}
	}
	// Output:
	// $.item[0].request.body.mode - unknown body mode "binary": must be raw, urlencoded, formdata, file or graphql
	// $.item[1] - neither a request nor a folder: an item needs "request" or "item"
}

// Unknown keys stay reachable.
func ExampleInfo_Extra() {
	c, _ := collection.Parse([]byte(`{"info":{"name":"n","_exporter_id":"42"},"item":[]}`))
	raw, ok := c.Info.Extra("_exporter_id")
	fmt.Println(string(raw), ok)
	// Output: "42" true
}

// Decoding errors tell where the input went wrong.
func ExampleParse_error() {
	_, err := collection.Parse([]byte("{\n\t\"info\": {\"name\": \"x\",}\n}"))
	fmt.Println(err)
	var de *collection.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Line, de.Column, de.Path)
	}
	// Output:
	// collection: invalid character '}' looking for the beginning of an object key at line 2, column 23 (offset 24) in $.info
	// 2 23 $.info
}

// The string and object forms of a description read the same way.
func ExampleDescription_Text() {
	c, _ := collection.Parse([]byte(`{"info":{"name":"n","description":{"content":"**Hi**","type":"text/markdown"}},
		"item":[{"name":"r","description":"plain","request":"https://x"}]}`))
	fmt.Println(c.Info.Description.Text(), c.Info.Description.Type())
	fmt.Println(c.Items[0].Description.Text(), c.Items[0].Description.IsObject())
	var b bytes.Buffer
	_ = json.NewEncoder(&b).Encode(c.Info.Description)
	fmt.Print(b.String())
	// Output:
	// **Hi** text/markdown
	// plain false
	// {"content":"**Hi**","type":"text/markdown"}
}
