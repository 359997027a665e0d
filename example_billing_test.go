package postman_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/postman-go/postman"
)

// Check the team's seats and the download links of its invoices, e.g. for a
// monthly finance report.
func ExampleBillingService() {
	ctx := context.Background()
	client, err := postman.NewClient(os.Getenv("POSTMAN_API_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	account, _, err := client.Billing.GetAccount(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d of %d seats used\n", account.State, account.Slots.Consumed, account.Slots.Total)

	invoices, _, err := client.Billing.ListInvoices(ctx, strconv.FormatInt(account.ID, 10), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, inv := range invoices {
		fmt.Println(inv.IssuedAt.Format("2006-01-02"), inv.TotalAmount.Value, inv.TotalAmount.Currency, inv.Links.Web.Href)
	}
}
