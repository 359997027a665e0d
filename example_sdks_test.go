package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Generate a Go SDK from a collection, wait for the build and get the
// archive's download URL.
func ExampleSDKsService_Create() {
	srv := postmantest.NewServer()
	defer srv.Close()
	collectionID := srv.AddCollection(srv.Workspaces()[1].ID,
		[]byte(`{"info": {"name": "Billing API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}`))
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	job, _, err := client.SDKs.Create(ctx, postman.SDKCreateParams{
		Language:  postman.SDKGo,
		Source:    postman.SDKSource{Type: postman.SDKSourceCollection, ID: collectionID},
		GoOptions: &postman.SDKGoOptions{GoModuleName: "github.com/example/billing-go"},
	})
	if err != nil {
		log.Fatal(err)
	}
	sdk, _, err := client.SDKs.WaitGeneration(ctx, job)
	var failed *postman.TaskFailedError
	if errors.As(err, &failed) {
		log.Fatalf("the build failed: %s", failed.Details)
	} else if err != nil {
		log.Fatal(err)
	}
	dl, _, err := client.SDKs.GetDownloadURL(ctx, sdk.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sdk.Language, "SDK", sdk.Version, sdk.BuildStatus)
	fmt.Println("zip URL valid for", time.Until(dl.ExpiresAt.Time).Round(time.Minute)) // download dl.URL before then
	// Output:
	// go SDK 1.0.0 succeeded
	// zip URL valid for 5m0s
}
