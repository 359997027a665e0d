package postman

// BillingService is the Billing area: the team's billing account and invoices.
type BillingService service
