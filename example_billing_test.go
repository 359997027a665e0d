package postman_test

import (
	"context"
	"fmt"
	"log"
	"strconv"
	"time"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Check the team's seats and the download links of its invoices, e.g. for a
// monthly finance report.
func ExampleBillingService() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddInvoice(postmantest.Invoice{ID: "inv_7UDSYBJPGQU93N7M", IssuedAt: time.Date(2026, 9, 12, 0, 0, 0, 0, time.UTC), Amount: 440})
	srv.AddInvoice(postmantest.Invoice{ID: "inv_8VETZCKQHRV04O8N", IssuedAt: time.Date(2026, 10, 12, 0, 0, 0, 0, time.UTC), Amount: 440})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()
	ctx := context.Background()

	account, _, err := client.Billing.GetAccount(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d of %d seats used\n", account.State, account.Slots.Consumed, account.Slots.Total)

	invoices, _, err := client.Billing.ListInvoices(ctx, strconv.FormatInt(account.ID, 10), nil)
	if err != nil {
		log.Fatal(err) // errors.Is(err, postman.ErrForbidden) unless a team admin
	}
	for _, inv := range invoices {
		fmt.Println(inv.IssuedAt.Format("2006-01-02"), inv.TotalAmount.Value, inv.TotalAmount.Currency, inv.Links.Web.Href)
	}
	// Output:
	// PAID: 2 of 10 seats used
	// 2026-09-12 440 USD https://pay.postman.com/invoices/pay?invoice_public_id=inv_7UDSYBJPGQU93N7M
	// 2026-10-12 440 USD https://pay.postman.com/invoices/pay?invoice_public_id=inv_8VETZCKQHRV04O8N
}
