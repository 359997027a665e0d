package postman

// AnalyticsService is the Analytics area: usage analytics of the team's APIs.
type AnalyticsService service
