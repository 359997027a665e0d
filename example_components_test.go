package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// A shared schema is created as a component, edited as a draft and
// published as a version (Enterprise plans).
func ExampleComponentsService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddComponent(postmantest.Component{Name: "pagination-params", Type: "OAS3_1",
		Versions: []postmantest.ComponentVersion{{Label: "2.1.0"}}})
	srv.AddComponent(postmantest.Component{Name: "legacy-auth", Type: "OAS2", Status: "archived"})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	comp, _, err := client.Components.Create(ctx, postman.ComponentCreateParams{
		Name:    "error-schema",
		Type:    postman.ComponentOAS3,
		Content: "components:\n  schemas:\n    Error:\n      type: object\n",
	})
	if errors.Is(err, postman.ErrForbidden) {
		log.Fatal("the Component Library needs an Enterprise plan: ", err)
	} else if err != nil {
		log.Fatal(err)
	}
	content := "components:\n  schemas:\n    Error:\n      type: object\n      required: [message]\n"
	if _, _, err := client.Components.UpdateDraft(ctx, comp.ID, postman.ComponentDraftUpdateParams{Content: &content}); err != nil {
		log.Fatal(err)
	}
	version, _, err := client.Components.PublishVersion(ctx, comp.ID, postman.ComponentVersionPublishParams{Label: "1.0.0"})
	if err != nil {
		log.Fatal(err)
	}
	v, _, err := client.Components.GetVersion(ctx, comp.ID, version.ID, &postman.ComponentVersionGetOptions{IncludeContent: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v.Label, v.URL)
	fmt.Print(v.Content)

	for c, err := range client.Components.ListIter(ctx, &postman.ComponentListOptions{Status: postman.ComponentActive}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c.Name, c.Type)
	}
	// Output:
	// 1.0.0 https://components.postman.com/test-team/error-schema/1.0.0
	// components:
	//   schemas:
	//     Error:
	//       type: object
	//       required: [message]
	// pagination-params OAS3_1
	// error-schema OAS3
}
