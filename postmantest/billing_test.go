package postmantest_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestBillingAccountAndInvoices(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")

	account, _, err := c.Billing.GetAccount(t.Context())
	require.NoError(t, err)
	assert.Equal(t, postman.BillingAccountPaid, account.State)
	assert.Equal(t, postman.BillingSelfServe, account.SalesChannel)
	assert.Equal(t, postman.BillingSlots{Total: 10, Consumed: 2, Available: 8}, account.Slots)
	assert.Equal(t, int64(123), account.TeamID)
	id := strconv.FormatInt(account.ID, 10)

	invoices, _, err := c.Billing.ListInvoices(t.Context(), id, nil)
	require.NoError(t, err)
	assert.Empty(t, invoices)

	invID := srv.AddInvoice(postmantest.Invoice{IssuedAt: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Amount: 190})
	invoices, _, err = c.Billing.ListInvoices(t.Context(), id, &postman.InvoiceListOptions{Status: postman.InvoicePaid})
	require.NoError(t, err)
	require.Len(t, invoices, 1)
	assert.Equal(t, invID, invoices[0].ID)
	assert.Equal(t, postman.InvoicePaid, invoices[0].Status)
	assert.Equal(t, "2026-10-01", invoices[0].IssuedAt.Format(time.DateOnly))
	assert.Equal(t, postman.InvoiceAmount{Value: 190, Currency: "USD"}, invoices[0].TotalAmount)
	assert.Contains(t, invoices[0].Links.Web.Href, invID)

	_, _, err = c.Billing.ListInvoices(t.Context(), "1", nil)
	require.ErrorIs(t, err, postman.ErrForbidden)

	srv.SetBillingAccount(postmantest.BillingAccount{ID: 42, State: "OVERDUE", SalesChannel: "SALES_SERVE", BillingEmail: "finance@example.com", TotalSlots: 50, ConsumedSlots: 51})
	account, _, err = c.Billing.GetAccount(t.Context())
	require.NoError(t, err)
	assert.Equal(t, postman.BillingAccountOverdue, account.State)
	assert.Equal(t, 0, account.Slots.Available)
	assert.Equal(t, "finance@example.com", srv.BillingAccount().BillingEmail)
}

func TestBillingNeedsATeam(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithUser(postmantest.User{ID: 1, Username: "solo", Email: "solo@example.com"}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key")
	_, _, err := c.Billing.GetAccount(t.Context())
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
}
