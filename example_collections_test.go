package postman_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/postmantest"
)

// Back up a workspace's collections, add a request to one of them and
// write it back without losing anything, then change its variables.
func ExampleCollectionsService() {
	// The fake stands in for api.postman.com; in real use, NewClient
	// takes your key and nothing else.
	fake := postmantest.NewServer()
	defer fake.Close()
	workspaceID := fake.Workspaces()[0].ID
	collectionID := fake.AddCollection(workspaceID, []byte(`{
		"info": {"name": "Billing", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "Invoices", "item": [{"name": "List invoices", "request": {"method": "GET", "url": "{{baseUrl}}/invoices"}}]}],
		"variable": [{"key": "baseUrl", "value": "https://api.example.com/v1"}],
		"x-team-notes": "kept as it is"}`))
	client, err := postman.NewClient("PMAK-your-key", postman.WithBaseURL(fake.URL), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	// Every collection of the workspace, one page in memory at a time,
	// saved exactly as Postman serves it (to files, in real use).
	opts := &postman.CollectionListOptions{WorkspaceID: workspaceID}
	for summary, err := range client.Collections.ListIter(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		col, _, err := client.Collections.Get(ctx, summary.ID, nil)
		if err != nil {
			log.Fatal(err)
		}
		var backup bytes.Buffer
		if err := col.Write(&backup); err != nil {
			log.Fatal(err)
		}
		fmt.Println("backed up", summary.Name, "with its notes:", bytes.Contains(backup.Bytes(), []byte("kept as it is")))
	}

	// Edit one collection and replace it: unknown keys, IDs and forms are
	// kept, so Postman sees only the new request.
	col, _, err := client.Collections.Get(ctx, collectionID, nil)
	if err != nil {
		log.Fatal(err)
	}
	col.AddRequest("Health check", collection.NewRequest("GET", "{{baseUrl}}/health"))
	task, _, err := client.Collections.ReplaceAsync(ctx, collectionID, col)
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := client.Collections.WaitUpdate(ctx, task); err != nil {
		var failed *postman.TaskFailedError
		if errors.As(err, &failed) {
			log.Fatalf("the update failed: %s", failed.Status)
		}
		log.Fatal(err)
	}

	// Collection variables: read them cheaply, add or change some.
	_, _, err = client.Collections.SetVariables(ctx, collectionID, []collection.Variable{
		collection.NewVariable("baseUrl", "https://api.example.com/v2"),
	})
	if err != nil {
		log.Fatal(err)
	}
	vars, _, err := client.Collections.GetVariables(ctx, collectionID, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range vars {
		fmt.Println(v.Key, "=", v.Value.String())
	}
	col, _, err = client.Collections.Get(ctx, collectionID, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, item := range col.Items {
		fmt.Println("item:", item.Name)
	}
	// Output:
	// backed up Billing with its notes: true
	// baseUrl = https://api.example.com/v2
	// item: Invoices
	// item: Health check
}

// Keep a collection in step with the file in a repository: plan the
// changes (as a CI job on a pull request prints them), apply them item by
// item, and check that the next run has nothing to do.
func ExampleCollectionsService_Sync() {
	fake := postmantest.NewServer()
	defer fake.Close()
	collectionID := fake.AddCollection(fake.Workspaces()[0].ID, []byte(`{
		"info": {"name": "Billing", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "Invoices", "item": [
			{"name": "List invoices", "request": {"method": "GET", "url": "{{baseUrl}}/invoices"}},
			{"name": "Old export", "request": {"method": "GET", "url": "{{baseUrl}}/export"}}
		]}]}`))
	client, err := postman.NewClient("PMAK-your-key", postman.WithBaseURL(fake.URL), postman.WithoutRateLimit())
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
	ctx := context.Background()

	// The file, edited by hand: no IDs, items match by place and name.
	desired, err := collection.Parse([]byte(`{
		"info": {"name": "Billing", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "Invoices", "item": [
			{"name": "List invoices", "request": {"method": "GET", "url": "{{baseUrl}}/invoices?status=open",
				"header": [{"key": "Accept", "value": "application/json"}]}},
			{"name": "Pay invoice", "request": {"method": "POST", "url": "{{baseUrl}}/invoices/:id/pay"}}
		]}]}`))
	if err != nil {
		log.Fatal(err)
	}

	plan, _, err := client.Collections.Sync(ctx, collectionID, desired, &postman.CollectionSyncOptions{DryRun: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(plan)

	applied, _, err := client.Collections.Sync(ctx, collectionID, desired, nil)
	var stopped *postman.CollectionSyncError
	if errors.As(err, &stopped) {
		log.Fatalf("%d changes applied, %d not: %v", len(stopped.Applied), len(stopped.Unapplied), err)
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Print(applied)

	again, _, err := client.Collections.Sync(ctx, collectionID, desired, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(again)
	// Output:
	// + request  Invoices / Pay invoice
	// ~ request  Invoices / List invoices: url, headers
	// - request  Invoices / Old export
	// Plan: 1 to add, 1 to change, 1 to remove.
	// Dry run: nothing written.
	// + request  Invoices / Pay invoice
	// ~ request  Invoices / List invoices: url, headers
	// - request  Invoices / Old export
	// Plan: 1 to add, 1 to change, 1 to remove.
	// Applied 3 of 3 changes in 3 writes.
	// No changes.
}
