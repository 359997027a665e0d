// Package conformance checks the SDK against Postman's OpenAPI
// description (testdata/openapi.yaml at the repository's root). It is a
// module of its own so that the SDK's module, and therefore its users'
// go.sum, never carries an OpenAPI or JSON Schema validator.
//
// It does three things, each a test of this module:
//
//   - It extracts from the description what the SDK's test harness
//     serves (every operation with its documented answers and examples)
//     into testdata/conformance/operations.json, and fails when the
//     committed file is stale (go test -run TestOperationsTable -update
//     rewrites it).
//   - It runs the SDK's tests that talk to the harness or through its
//     recording Transport (the root package and postmantest) with
//     exchanges recorded, and validates every recorded request and answer
//     against the description: path, method, parameters, headers,
//     security and body, then status, headers and body.
//   - It validates what only a validator can read: collections against the
//     official Collection Format JSON Schemas, and the OpenAPI documents
//     postmantest generates from collections.
package conformance
