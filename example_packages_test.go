package postman_test

import (
	"context"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A shared script is published to the Package Library and updated.
func ExamplePackagesService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddPackage(postmantest.Package{Name: "date-utils", Description: "Date formatting helpers"})
	workspaceID := srv.Workspaces()[1].ID
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	pkg, _, err := client.Packages.Create(ctx, workspaceID, postman.PackageCreateParams{
		Name:        "Assertions",
		Description: "Shared response checks",
		Script:      "module.exports = { ok: (res) => res.code < 400 };",
	})
	if postman.PackageLimitReached(err) {
		log.Fatal("the plan's package limit is reached: delete a package or upgrade")
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", pkg.Name) // names are stored in lowercase
	script := "module.exports = { ok: (res) => res.code < 300 };"
	updated, _, err := client.Packages.Update(ctx, pkg.ID, postman.PackageUpdateParams{Script: &script})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("script:", updated.Script)
	for p, err := range client.Packages.ListIter(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s\n", p.Name, p.Description)
	}
	// Output:
	// created assertions
	// script: module.exports = { ok: (res) => res.code < 300 };
	// date-utils: Date formatting helpers
	// assertions: Shared response checks
}
