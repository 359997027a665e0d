package postman

// AuditLogsService is the Audit Logs area: the team's audit events.
type AuditLogsService service
