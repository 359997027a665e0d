//go:build race

package postman

// raceEnabled is true under -race, which disables sync.Pool reuse and so
// changes allocation counts.
const raceEnabled = true
