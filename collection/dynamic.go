package collection

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// dynamicVariable generates the value of a dynamic variable from a random
// source and the current time.
type dynamicVariable struct {
	description string
	generate    func(r *rand.Rand, now time.Time) string
}

// dynamicVariables are the dynamic variables Replace generates: the common
// ones of postman-collection's list, in the same formats. The others (names,
// addresses, lorem ipsum, … drawn from faker's word lists) stay as written.
var dynamicVariables = map[string]dynamicVariable{
	"$guid":       {"a v4 UUID", func(r *rand.Rand, _ time.Time) string { return uuid4(r) }},
	"$randomUUID": {"a v4 UUID", func(r *rand.Rand, _ time.Time) string { return uuid4(r) }},
	"$timestamp": {"the current Unix time in seconds", func(_ *rand.Rand, now time.Time) string {
		return strconv.FormatInt((now.UnixMilli()+500)/1000, 10) // JavaScript's Math.round(Date.now() / 1000)
	}},
	"$isoTimestamp": {"the current time in UTC, ISO 8601 with milliseconds", func(_ *rand.Rand, now time.Time) string {
		return now.UTC().Format("2006-01-02T15:04:05.000Z")
	}},
	"$randomInt": {"an integer from 0 to 1000", func(r *rand.Rand, _ time.Time) string {
		return strconv.Itoa(r.IntN(1001))
	}},
	"$randomBoolean": {"true or false", func(r *rand.Rand, _ time.Time) string {
		return strconv.FormatBool(r.IntN(2) == 1)
	}},
	"$randomAlphaNumeric": {"one character of 0-9a-z", func(r *rand.Rand, _ time.Time) string {
		return randomString(r, 1, lowerAlphaNumeric)
	}},
	"$randomPassword": {"15 characters of A-Za-z0-9_", func(r *rand.Rand, _ time.Time) string {
		return randomString(r, 15, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
	}},
	"$randomHexColor": {"a colour as #rrggbb", func(r *rand.Rand, _ time.Time) string {
		return fmt.Sprintf("#%06x", r.IntN(1<<24))
	}},
	"$randomIP": {"an IPv4 address", func(r *rand.Rand, _ time.Time) string {
		return fmt.Sprintf("%d.%d.%d.%d", r.IntN(256), r.IntN(256), r.IntN(256), r.IntN(256))
	}},
	"$randomIPV6": {"an IPv6 address, eight groups of four hex digits", func(r *rand.Rand, _ time.Time) string {
		groups := make([]string, 8)
		for i := range groups {
			groups[i] = fmt.Sprintf("%04x", r.IntN(1<<16))
		}
		return strings.Join(groups, ":")
	}},
	"$randomMACAddress": {"a MAC address", func(r *rand.Rand, _ time.Time) string {
		parts := make([]string, 6)
		for i := range parts {
			parts[i] = fmt.Sprintf("%02x", r.IntN(256))
		}
		return strings.Join(parts, ":")
	}},
	"$randomSemver": {"a version x.y.z with digits 0-9", func(r *rand.Rand, _ time.Time) string {
		return fmt.Sprintf("%d.%d.%d", r.IntN(10), r.IntN(10), r.IntN(10))
	}},
	"$randomPrice": {"an amount from 0.00 to 1000.00", func(r *rand.Rand, _ time.Time) string {
		cents := r.IntN(100001)
		return fmt.Sprintf("%d.%02d", cents/100, cents%100)
	}},
	"$randomBankAccount": {"8 digits", func(r *rand.Rand, _ time.Time) string {
		return randomString(r, 8, digits)
	}},
	"$randomCreditCardMask": {"4 digits", func(r *rand.Rand, _ time.Time) string {
		return randomString(r, 4, digits)
	}},
	"$randomPhoneNumber": {"a phone number ###-###-####", func(r *rand.Rand, _ time.Time) string {
		return randomString(r, 3, digits) + "-" + randomString(r, 3, digits) + "-" + randomString(r, 4, digits)
	}},
	"$randomLatitude": {"a latitude from -90 to 90, four decimals", func(r *rand.Rand, _ time.Time) string {
		return coordinate(r, 90)
	}},
	"$randomLongitude": {"a longitude from -180 to 180, four decimals", func(r *rand.Rand, _ time.Time) string {
		return coordinate(r, 180)
	}},
}

const (
	digits            = "0123456789"
	lowerAlphaNumeric = "0123456789abcdefghijklmnopqrstuvwxyz"
)

// DynamicVariables returns the names of the dynamic variables Replace
// generates, each with a description of its values: $guid,
// $randomUUID, $timestamp, $isoTimestamp, $randomInt and other common ones of
// Postman's list. Other names starting with "$" stay as written.
func DynamicVariables() map[string]string {
	out := make(map[string]string, len(dynamicVariables))
	for name, v := range dynamicVariables {
		out[name] = v.description
	}
	return out
}

// dynamic generates the dynamic variable name, if it is one.
func (s *Scope) dynamic(name string) (string, bool) {
	v, ok := dynamicVariables[name]
	if !ok {
		return "", false
	}
	now := time.Now
	var r *rand.Rand
	if s != nil {
		if s.Now != nil {
			now = s.Now
		}
		if s.Rand != nil {
			s.mu.Lock()
			defer s.mu.Unlock()
			r = s.Rand
		}
	}
	if r == nil {
		r = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	return v.generate(r, now()), true
}

// uuid4 returns a random (version 4) UUID.
func uuid4(r *rand.Rand) string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		n := r.Uint64()
		for j := range 8 {
			b[i+j] = byte(n >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func randomString(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// coordinate returns a number from -limit to limit with four decimals.
func coordinate(r *rand.Rand, limit int) string {
	n := r.IntN(2*limit*10000+1) - limit*10000
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	return fmt.Sprintf("%s%d.%04d", sign, n/10000, n%10000)
}
