package collection_test

import (
	"fmt"

	"github.com/postman-go/postman/collection"
)

// Diff the collection Postman holds with the file kept in a repository, print
// the plan as a pull request would show it, and act on a change by the IDs
// Postman knows.
func ExampleDiff() {
	current, err := collection.Parse([]byte(`{
		"info": {"name": "Users API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"id": "f1", "name": "Accounts", "item": [
				{"id": "r1", "name": "Get user", "request": {"method": "GET", "url": "{{baseUrl}}/users/1"}}
			]},
			{"id": "f2", "name": "Users", "item": [
				{"id": "r2", "name": "Delete user", "request": {"method": "DELETE", "url": "{{baseUrl}}/users/1"}},
				{"id": "r3", "name": "List users", "request": {"method": "GET", "url": "{{baseUrl}}/users"},
					"response": [{"id": "s1", "name": "OK", "code": 200, "body": "[]"}]}
			]},
			{"id": "f3", "name": "Legacy", "item": [
				{"id": "r4", "name": "Old report", "request": {"method": "GET", "url": "{{baseUrl}}/report"}}
			]}
		],
		"variable": [{"key": "baseUrl", "value": "https://api.example.com"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// The file: edited by hand, so the new folder and request have no IDs.
	desired, err := collection.Parse([]byte(`{
		"info": {"name": "Users API v2", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"id": "f1", "name": "Accounts", "item": []},
			{"id": "f2", "name": "Users", "item": [
				{"id": "r3", "name": "List users", "request": {"method": "GET", "url": "{{baseUrl}}/users"},
					"response": [{"id": "s1", "name": "OK", "code": 200, "body": "[{\"id\": 1}]"}]},
				{"id": "r2", "name": "Delete user", "request": {"method": "DELETE", "url": "{{baseUrl}}/users/1"}},
				{"id": "r1", "name": "Get a user", "request": {"method": "GET", "url": "{{baseUrl}}/v2/users/1"}},
				{"name": "Admin", "item": [
					{"name": "Create user", "request": {"method": "POST", "url": "{{baseUrl}}/users"}}
				]}
			]}
		],
		"variable": [{"key": "baseUrl", "value": "https://api.example.com"}, {"key": "timeout", "value": 30}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}

	plan := collection.Diff(current, desired)
	fmt.Print(plan)

	for _, c := range plan.Changes {
		if c.Op == collection.OpMove {
			fmt.Println("transfer", c.From.ID, "into", plan.Match(c.Parent).ID, "after", plan.Match(c.After).ID)
		}
	}
	// Output:
	// ~ collection: name (was "Users API"), variables
	// → request  Users / List users (first)
	// → request  Users / Get a user (from Accounts, after Delete user)
	// + folder   Users / Admin
	// + request  Users / Admin / Create user
	// ~ response Users / List users / OK: body
	// ~ request  Users / Get a user: name (was "Get user"), url
	// - request  Legacy / Old report
	// - folder   Legacy
	// Plan: 2 to add, 3 to change, 1 to move, 1 to reorder, 2 to remove.
	// transfer r1 into f2 after r2
}
