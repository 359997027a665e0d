package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/postman-go/postman"
)

// Generate a Go SDK from a collection, wait for the build and get the
// archive's download URL.
func ExampleSDKsService_Create() {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	job, _, err := client.SDKs.Create(ctx, postman.SDKCreateRequest{
		Language:  postman.SDKGo,
		Source:    postman.SDKSource{Type: postman.SDKSourceCollection, ID: "12ece9e1-2abf-4edc-8e34-de66e74114d2"},
		GoOptions: &postman.SDKGoOptions{GoModuleName: "github.com/example/billing-go"},
	})
	if err != nil {
		log.Fatal(err)
	}
	sdk, _, err := client.SDKs.WaitGeneration(ctx, job.SDKID)
	var failed *postman.TaskFailedError
	if errors.As(err, &failed) {
		log.Fatalf("the build failed: %s", failed.Details)
	} else if err != nil {
		log.Fatal(err)
	}
	dl, _, err := client.SDKs.DownloadURL(ctx, sdk.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("version", sdk.Version, "zip at", dl.URL, "until", dl.ExpiresAt.Format(time.Kitchen))
}
