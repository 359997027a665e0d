package postman

import (
	"context"
	"net/http"
)

// BillingService is the Billing area: the team's billing account and invoices.
type BillingService service

// BillingAccountState is the state of a billing account. Postman may add
// states; compare with the constants.
type BillingAccountState string

// Billing account states.
const (
	BillingAccountFree            BillingAccountState = "FREE"
	BillingAccountPaid            BillingAccountState = "PAID"
	BillingAccountExpiredTrial    BillingAccountState = "EXPIRED_TRIAL"
	BillingAccountOverdue         BillingAccountState = "OVERDUE"
	BillingAccountSuspended       BillingAccountState = "SUSPENDED"
	BillingAccountBlocked         BillingAccountState = "BLOCKED"
	BillingAccountPaymentDisputed BillingAccountState = "PAYMENT_DISPUTED"
)

// BillingSalesChannel says how a billing account was bought.
type BillingSalesChannel string

// Sales channels.
const (
	// BillingSelfServe accounts were bought by a user in Postman.
	BillingSelfServe BillingSalesChannel = "SELF_SERVE"
	// BillingSalesServe accounts were bought through Postman's sales team.
	BillingSalesServe BillingSalesChannel = "SALES_SERVE"
)

// BillingAccount is the team's Postman billing account.
type BillingAccount struct {
	ID           int64               `json:"id"`
	TeamID       int64               `json:"teamId"`
	State        BillingAccountState `json:"state"`
	SalesChannel BillingSalesChannel `json:"salesChannel"`
	// BillingEmail is where invoices are sent.
	BillingEmail string       `json:"billingEmail"`
	Slots        BillingSlots `json:"slots"`
}

// BillingSlots counts the team's paid seats.
type BillingSlots struct {
	// Total is the number of slots the team has.
	Total int `json:"total"`
	// Consumed is the number of members currently billed.
	Consumed int `json:"consumed"`
	// Available is the number of free slots.
	Available int `json:"available"`
	// Unbilled is the number of slots not billed yet under auto-flex
	// billing.
	Unbilled int `json:"unbilled"`
}

// InvoiceStatus is the status of an invoice.
type InvoiceStatus string

// Invoice statuses. Postman only lists paid invoices.
const (
	InvoicePaid InvoiceStatus = "PAID"
)

// Invoice is an invoice of a billing account.
type Invoice struct {
	ID          string        `json:"id"`
	Status      InvoiceStatus `json:"status"`
	IssuedAt    Timestamp     `json:"issuedAt,omitzero"`
	TotalAmount InvoiceAmount `json:"totalAmount"`
	Links       InvoiceLinks  `json:"links"`
}

// InvoiceAmount is a billed amount.
type InvoiceAmount struct {
	Value int64 `json:"value"`
	// Currency is an ISO 4217 code; Postman only bills in USD.
	Currency string `json:"currency"`
}

// InvoiceLinks are the hypermedia links of an invoice.
type InvoiceLinks struct {
	// Web is the page where the invoice is shown and its PDF downloaded.
	Web InvoiceLink `json:"web"`
}

// InvoiceLink is one hypermedia link.
type InvoiceLink struct {
	Href string `json:"href"`
}

// InvoiceListOptions filters ListInvoices.
type InvoiceListOptions struct {
	// Status keeps only invoices with this status. Postman requires one
	// and only accepts InvoicePaid, which is sent when Status is empty.
	Status InvoiceStatus `url:"status"`
}

// GetAccount returns the team's billing account. Its ID is what
// ListInvoices takes. A user on no team gets a 400 error.
//
//postman:operation GET /accounts
func (s *BillingService) GetAccount(ctx context.Context) (*BillingAccount, *Response, error) {
	account := new(BillingAccount)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/accounts"}, account)
	if err != nil {
		return nil, resp, err
	}
	return account, resp, nil
}

// ListInvoices returns the invoices of a billing account (see
// GetAccount). Only team admins may list them; others get ErrForbidden.
//
//postman:operation GET /accounts/{accountId}/invoices
func (s *BillingService) ListInvoices(ctx context.Context, accountID string, opts *InvoiceListOptions) ([]*Invoice, *Response, error) {
	path, err := pathf("/accounts/{accountID}/invoices", accountID)
	if err != nil {
		return nil, nil, err
	}
	o := InvoiceListOptions{Status: InvoicePaid}
	if opts != nil && opts.Status != "" {
		o.Status = opts.Status
	}
	var root struct {
		Data []*Invoice `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: &o}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}
