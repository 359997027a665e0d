package postman

// SecretScannerService is the Secret Scanner area: secrets detected in the team's workspaces and their resolution.
type SecretScannerService service
