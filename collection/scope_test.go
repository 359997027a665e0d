package collection

import (
	"math/rand/v2"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// substitutionLayers are the layers the expectations below were computed
// with in postman-collection 5.3.1: sdk.Property.replaceSubstitutions(text,
// [new VariableList(null, env), new VariableList(null, collection)]).
var substitutionLayers = [][]Variable{
	{
		NewVariable("host", "env.example.com"),
		NewVariable("shadow", "from-env"),
		{Key: "off", Value: StringValue("env-disabled"), Disabled: true},
		NewVariable("dup", "first"),
		NewVariable("dup", "second"),
		NewVariable("dupoff", "enabled-one"),
		{Key: "dupoff", Value: StringValue("disabled-one"), Disabled: true},
		NewVariable("inner", "ost"),
		NewVariable("nested", "{{host}}/v1"),
		NewVariable("self", "{{self}}"),
		NewVariable("selfx", "x{{selfx}}"),
		NewVariable("ping", "{{pong}}"),
		NewVariable("pong", "{{ping}}"),
		NewVariable("empty", ""),
		{Key: "num", Value: Value{raw: "42"}, Type: "number"},
		{Key: "bool", Value: BoolValue(true), Type: "boolean"},
		{Key: "nul", Value: NullValue()},
		NewVariable(" spaced ", "with spaces"),
		NewVariable("a.b", "dotted"),
		NewVariable("k1", "v1"),
		NewVariable("$guid", "overridden-guid"),
	},
	{
		NewVariable("shadow", "from-collection"),
		NewVariable("off", "collection-enabled"),
		NewVariable("h", "h"),
		NewVariable("only", "collection-only"),
	},
}

// substitutionCases: text, and what replaceSubstitutions returned for it.
var substitutionCases = []struct{ in, want string }{
	{"https://{{host}}/x", "https://env.example.com/x"},
	{"{{shadow}}", "from-env"},
	{"{{off}}", "collection-enabled"},
	{"{{dup}}", "second"},
	{"{{dupoff}}", "enabled-one"},
	{"{{only}}", "collection-only"},
	{"{{unknown}}", "{{unknown}}"},
	{"a{{unknown}}b{{host}}", "a{{unknown}}benv.example.com"},
	{"{{ spaced }}", "with spaces"},
	{"{{ host }}", "{{ host }}"},
	{"{{h{{inner}}}}", "env.example.com"},
	{"{{nested}}", "env.example.com/v1"},
	{"{{self}}", "{{self}}"},
	{"{{selfx}}", "xxxxxxxxxxxxxxxxxxx{{selfx}}"},
	{"{{ping}}", "{{pong}}"},
	{"[{{empty}}]", "[]"},
	{"{{num}}", "42"},
	{"{{bool}}", "true"},
	{"{{nul}}", "null"},
	{"{{a.b}}", "dotted"},
	{"{{}}", "{{}}"},
	{"{{{host}}}", "{env.example.com}"},
	{"{{host}", "{{host}"},
	{"{host}}", "{host}}"},
	{"{{k{{x}}}}", "{{k{{x}}}}"},
	{"{{k{{ \t}}}}", "{{k{{ \t}}}}"},
	{"{{$guid}}", "overridden-guid"},
	{"{{$notDynamic}}", "{{$notDynamic}}"},
	{"{{h}}{{h}}{{h}}", "hhh"},
	{"no variables", "no variables"},
	{"", ""},
}

func TestScopeReplaceAgreesWithPostmanCollection(t *testing.T) {
	s := NewScope(substitutionLayers...)
	for _, c := range substitutionCases {
		assert.Equal(t, c.want, s.Replace(c.in), "%q", c.in)
	}
}

func TestReferences(t *testing.T) {
	assert.Equal(t, []string{"host", "a.b", " spaced ", "inner", "$guid"},
		References("{{host}}/{{a.b}}/{{host}}?{{ spaced }}={{h{{inner}}}}&{{{$guid}}}&{{}x}}"))
	assert.Nil(t, References("no {{ references {here}}"))

	s := NewScope(substitutionLayers...)
	var undefined []string
	for _, name := range References("{{host}}/{{off}}/{{missing}}/{{$randomInt}}/{{$randomCity}}") {
		if !s.Has(name) {
			undefined = append(undefined, name)
		}
	}
	assert.Equal(t, []string{"missing", "$randomCity"}, undefined)
	assert.False(t, NewScope([]Variable{{Key: "x", Disabled: true}}).Has("x"))
}

// Dynamic values follow the formats of postman-collection 5.3.1's
// generators (sampled there); a seeded Rand and a fixed Now make them
// repeatable.
func TestDynamicVariables(t *testing.T) {
	now := time.Date(2026, 3, 4, 5, 6, 7, 890_000_000, time.FixedZone("x", 3600))
	newScope := func() *Scope {
		s := NewScope()
		s.Now = func() time.Time { return now }
		s.Rand = rand.New(rand.NewPCG(1, 2))
		return s
	}
	formats := map[string]string{
		"$guid":                 `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
		"$randomUUID":           `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
		"$timestamp":            `^1772597168$`, // 04:06:07.890 UTC, rounded as Math.round does
		"$isoTimestamp":         `^2026-03-04T04:06:07\.890Z$`,
		"$randomInt":            `^([0-9]|[1-9][0-9]{1,2}|1000)$`,
		"$randomBoolean":        `^(true|false)$`,
		"$randomAlphaNumeric":   `^[0-9a-z]$`,
		"$randomPassword":       `^[A-Za-z0-9_]{15}$`,
		"$randomHexColor":       `^#[0-9a-f]{6}$`,
		"$randomIP":             `^([0-9]{1,3}\.){3}[0-9]{1,3}$`,
		"$randomIPV6":           `^([0-9a-f]{4}:){7}[0-9a-f]{4}$`,
		"$randomMACAddress":     `^([0-9a-f]{2}:){5}[0-9a-f]{2}$`,
		"$randomSemver":         `^[0-9]\.[0-9]\.[0-9]$`,
		"$randomPrice":          `^[0-9]{1,4}\.[0-9]{2}$`,
		"$randomBankAccount":    `^[0-9]{8}$`,
		"$randomCreditCardMask": `^[0-9]{4}$`,
		"$randomPhoneNumber":    `^[0-9]{3}-[0-9]{3}-[0-9]{4}$`,
		"$randomLatitude":       `^-?[0-9]{1,2}\.[0-9]{4}$`,
		"$randomLongitude":      `^-?[0-9]{1,3}\.[0-9]{4}$`,
	}
	require.Len(t, DynamicVariables(), len(formats), "every dynamic variable has a format check")
	for name := range DynamicVariables() {
		a, b := newScope(), newScope()
		for range 50 {
			got := a.Replace("{{" + name + "}}")
			assert.Regexp(t, regexp.MustCompile(formats[name]), got, name)
			assert.Equal(t, got, b.Replace("{{"+name+"}}"), "%s is repeatable with a seeded Rand", name)
		}
	}
	s := newScope()
	assert.NotEqual(t, s.Replace("{{$guid}}"), s.Replace("{{$guid}}"), "a new value at each use")
	var nilScope *Scope
	assert.Regexp(t, `^[0-9]+$`, nilScope.Replace("{{$randomInt}}"))
	assert.Equal(t, "{{x}}", nilScope.Replace("{{x}}"))
}
