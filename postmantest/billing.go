package postmantest

import (
	"net/http"
	"strconv"
	"time"
)

// billingState is the team's billing account and its invoices.
type billingState struct {
	billing  BillingAccount
	invoices []Invoice
}

func newBillingState(u User) billingState { return billingState{billing: defaultBillingAccount(u)} }

func (s *Server) routeBilling() {
	s.mux.HandleFunc("GET /accounts", s.getBillingAccount)
	s.mux.HandleFunc("GET /accounts/{accountId}/invoices", s.listInvoices)
}

// BillingAccount is the team's billing account that GET /accounts
// answers. A new server has a paid, self-serve account with 2 of 10 seats
// used, billed to the user's email.
type BillingAccount struct {
	ID int64
	// State is FREE, PAID, EXPIRED_TRIAL, OVERDUE, SUSPENDED, BLOCKED or
	// PAYMENT_DISPUTED.
	State string
	// SalesChannel is SELF_SERVE or SALES_SERVE.
	SalesChannel string
	BillingEmail string
	// TotalSlots and ConsumedSlots count the team's seats; the available
	// ones are the difference.
	TotalSlots    int
	ConsumedSlots int
	UnbilledSlots int
}

func defaultBillingAccount(u User) BillingAccount {
	return BillingAccount{ID: 372691, State: "PAID", SalesChannel: "SELF_SERVE", BillingEmail: u.Email, TotalSlots: 10, ConsumedSlots: 2}
}

// Invoice is a paid invoice of the billing account.
type Invoice struct {
	// ID is given out by AddInvoice when empty ("inv_…").
	ID       string
	IssuedAt time.Time
	// Amount is the total, in US dollars.
	Amount int64
}

// SetBillingAccount replaces the team's billing account.
func (s *Server) SetBillingAccount(a BillingAccount) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.billing = a
}

// BillingAccount returns the team's billing account.
func (s *Server) BillingAccount() BillingAccount {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.billing
}

// AddInvoice stores a paid invoice of the billing account and returns its
// ID. Invoices are listed in the order they were added.
func (s *Server) AddInvoice(inv Invoice) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.billingState
	if inv.ID == "" {
		inv.ID = "inv_" + strconv.Itoa(7000+len(a.invoices))
	}
	a.invoices = append(a.invoices, inv)
	return inv.ID
}

func (s *Server) getBillingAccount(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	a := s.state.billing
	team := s.state.user.TeamID
	s.mu.Unlock()
	if team == 0 {
		billingError(w, http.StatusBadRequest, "Malformed request", "You must be part of a team")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": a.ID, "teamId": team, "state": a.State, "salesChannel": a.SalesChannel,
		"billingEmail": a.BillingEmail, "slots": map[string]any{"total": a.TotalSlots, "consumed": a.ConsumedSlots,
			"available": max(a.TotalSlots-a.ConsumedSlots, 0), "unbilled": a.UnbilledSlots}})
}

// listInvoices answers the invoices of the account; only status PAID is
// accepted, and an account other than the team's is not the user's to
// read.
func (s *Server) listInvoices(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("status") != "PAID" {
		billingError(w, http.StatusBadRequest, "Malformed request", "Please provide a valid status to fetch invoices")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.state.billingState
	if r.PathValue("accountId") != strconv.FormatInt(a.billing.ID, 10) {
		billingError(w, http.StatusForbidden, "Forbidden", "You are not authorized to perform this action")
		return
	}
	data := []any{}
	for _, inv := range a.invoices {
		href := "https://pay.postman.com/invoices/pay?invoice_public_id=" + inv.ID
		data = append(data, map[string]any{"id": inv.ID, "status": "PAID", "issuedAt": inv.IssuedAt.Format(time.DateOnly),
			"totalAmount": map[string]any{"value": inv.Amount, "currency": "USD"},
			"links":       map[string]any{"web": map[string]any{"href": href}}})
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// billingError answers the problem body of the billing endpoints, which
// Postman sends as application/json.
func billingError(w http.ResponseWriter, status int, title, detail string) {
	typ := "https://api.postman.com/problems/bad-request"
	if status == http.StatusForbidden {
		typ = "https://api.postman.com/problems/forbidden"
	}
	writeJSON(w, status, map[string]any{"type": typ, "title": title, "status": status, "detail": detail})
}
