package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/postman-go/postman"
)

// A shared script is published to the Package Library and updated.
func ExamplePackagesService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	pkg, _, err := client.Packages.Create(ctx, os.Getenv("POSTMAN_WORKSPACE_ID"), postman.PackageCreateRequest{
		Name:        "assertions",
		Description: "Shared response checks",
		Script:      "module.exports = { ok: (res) => res.code < 400 };",
	})
	if postman.PackageLimitReached(err) {
		log.Fatal("the plan's package limit is reached: delete a package or upgrade")
	} else if err != nil {
		log.Fatal(err)
	}
	script := "module.exports = { ok: (res) => res.code < 300 };"
	if _, _, err := client.Packages.Update(ctx, pkg.ID, postman.PackageUpdateRequest{Script: &script}); err != nil {
		log.Fatal(err)
	}
	for p, err := range client.Packages.ListIter(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.Name, p.Description)
	}
}
