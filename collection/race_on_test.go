//go:build race

package collection

// raceEnabled is set under -race, whose instrumentation disables the
// append(make) optimisation bytes.Buffer relies on, doubling its allocations.
const raceEnabled = true
