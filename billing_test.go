package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestBillingConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "GetAccount", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Billing.GetAccount(ctx)
			return err
		}},
		{name: "ListInvoices", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Billing.ListInvoices(ctx, "372691", nil)
			return err
		}},
	})
}

func TestBillingDecodes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	account, _, err := c.Billing.GetAccount(t.Context())
	require.NoError(t, err)
	assert.Equal(t, int64(372691), account.ID)
	assert.Equal(t, int64(380691), account.TeamID)
	assert.Equal(t, BillingAccountPaid, account.State)
	assert.Equal(t, BillingSelfServe, account.SalesChannel)
	assert.Equal(t, "taylor.lee@example.com", account.BillingEmail)
	assert.Equal(t, BillingSlots{Total: 10, Consumed: 2, Available: 8}, account.Slots)

	invoices, _, err := c.Billing.ListInvoices(t.Context(), "372691", &InvoiceListOptions{Status: InvoicePaid})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "/accounts/372691/invoices", req.URL.Path)
	assert.Equal(t, "status=PAID", req.URL.RawQuery)
	require.Len(t, invoices, 1)
	inv := invoices[0]
	assert.Equal(t, "inv_7UDSYBJPGQU93N7M", inv.ID)
	assert.Equal(t, InvoicePaid, inv.Status)
	assert.Equal(t, "2023-10-12", inv.IssuedAt.Format("2006-01-02"), "a date-only issuedAt decodes")
	assert.Equal(t, InvoiceAmount{Value: 440, Currency: "USD"}, inv.TotalAmount)
	assert.Equal(t, "https://pay.postman.com/invoices/pay?invoice_public_id=inv_7UDSYBJPGQU93N7M", inv.Links.Web.Href)
}

func TestBillingListInvoicesSendsRequiredStatus(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Billing.ListInvoices(t.Context(), "372691", &InvoiceListOptions{})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "PAID", req.URL.Query().Get("status"), "Postman requires a status")
}

func TestBillingErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getAccounts", http.StatusBadRequest)
	h.Status("getAccountInvoices", http.StatusForbidden)
	c := newTestClient(t, h.URL)
	_, _, err := c.Billing.GetAccount(t.Context())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.NotEmpty(t, apiErr.Detail)
	_, _, err = c.Billing.ListInvoices(t.Context(), "372691", nil)
	assert.ErrorIs(t, err, ErrForbidden)
	_, _, err = c.Billing.ListInvoices(t.Context(), "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
