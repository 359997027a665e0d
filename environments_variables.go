package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// EnvironmentVariableType is the type of an environment or global
// variable. Postman may add types; compare with the constants.
type EnvironmentVariableType string

// Variable types.
const (
	// EnvironmentVariableDefault values show in plain text.
	EnvironmentVariableDefault EnvironmentVariableType = "default"
	// EnvironmentVariableSecret values are masked in Postman, and printed
	// as [REDACTED] by this SDK.
	EnvironmentVariableSecret EnvironmentVariableType = "secret"
	// EnvironmentVariableAny is the untyped variable of older exports.
	EnvironmentVariableAny EnvironmentVariableType = "any"
)

// redactedValue is printed instead of secret values.
const redactedValue = "[REDACTED]"

// EnvironmentVariable is a variable of an environment, or a global
// variable of a workspace.
//
// Secret values stay out of logs: String, every fmt verb (%v, %+v, %#v,
// %s, %q …) and slog print [REDACTED] instead of the value of a variable
// of type secret or stored in the Postman Vault. encoding/json sends the
// real value, since that is what the API needs.
//
// A variable read from Postman remembers its JSON: encoded again, an
// unchanged variable is written byte for byte as it was read, and a
// changed one keeps the members this SDK does not know. Replacing an
// environment therefore never loses what Postman added to its variables.
type EnvironmentVariable struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Type is default, secret or any; empty means Postman's default.
	Type EnvironmentVariableType `json:"type,omitempty"`
	// Enabled variables are used in requests. The zero value is disabled:
	// NewEnvironmentVariable and NewEnvironmentSecret set it.
	Enabled     bool   `json:"enabled"`
	Description string `json:"description,omitempty"`
	// Secret and Source describe a variable whose value lives in the
	// Postman Vault rather than in the environment.
	Secret bool                       `json:"secret,omitempty"`
	Source *EnvironmentVariableSource `json:"source,omitempty"`

	// read is the variable as Postman sent it, nil for one built in Go.
	read *environmentVariableRead
}

// environmentVariableRead is what a decoded variable remembers.
type environmentVariableRead struct {
	raw    json.RawMessage
	fields environmentVariableWire
}

// EnvironmentVariableSource says where a vault variable's value is kept.
type EnvironmentVariableSource struct {
	// Provider is "postman".
	Provider string                            `json:"provider,omitempty"`
	Postman  *EnvironmentVariablePostmanSource `json:"postman,omitempty"`
}

// EnvironmentVariablePostmanSource locates a value in the Postman Vault.
type EnvironmentVariablePostmanSource struct {
	SecretID string `json:"secretId,omitempty"`
	// Type is "cloud": the value is synced to the Postman cloud.
	Type    string `json:"type,omitempty"`
	VaultID string `json:"vaultId,omitempty"`
}

// NewEnvironmentVariable returns an enabled variable of type default.
func NewEnvironmentVariable(key, value string) EnvironmentVariable {
	return EnvironmentVariable{Key: key, Value: value, Type: EnvironmentVariableDefault, Enabled: true}
}

// NewEnvironmentSecret returns an enabled variable of type secret.
func NewEnvironmentSecret(key, value string) EnvironmentVariable {
	return EnvironmentVariable{Key: key, Value: value, Type: EnvironmentVariableSecret, Enabled: true}
}

// IsSecret reports whether the variable's value is secret: of type secret,
// or kept in the Postman Vault.
func (v EnvironmentVariable) IsSecret() bool {
	return v.Type == EnvironmentVariableSecret || v.Secret || v.Source != nil
}

// environmentVariableWire is the JSON form of a variable's known members,
// in the order Postman documents them.
type environmentVariableWire struct {
	Key         string                     `json:"key"`
	Value       string                     `json:"value"`
	Type        EnvironmentVariableType    `json:"type,omitempty"`
	Enabled     bool                       `json:"enabled"`
	Description string                     `json:"description,omitempty"`
	Secret      bool                       `json:"secret,omitempty"`
	Source      *EnvironmentVariableSource `json:"source,omitempty"`
}

func (v *EnvironmentVariable) wire() environmentVariableWire {
	return environmentVariableWire{Key: v.Key, Value: v.Value, Type: v.Type, Enabled: v.Enabled,
		Description: v.Description, Secret: v.Secret, Source: v.Source}
}

// UnmarshalJSON implements json.Unmarshaler and remembers the JSON read.
func (v *EnvironmentVariable) UnmarshalJSON(data []byte) error {
	var w environmentVariableWire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*v = EnvironmentVariable{Key: w.Key, Value: w.Value, Type: w.Type, Enabled: w.Enabled,
		Description: w.Description, Secret: w.Secret, Source: w.Source}
	kept := w
	kept.Source = w.Source.clone()
	v.read = &environmentVariableRead{raw: bytes.Clone(data), fields: kept}
	return nil
}

func (s *EnvironmentVariableSource) clone() *EnvironmentVariableSource {
	if s == nil {
		return nil
	}
	c := *s
	if s.Postman != nil {
		p := *s.Postman
		c.Postman = &p
	}
	return &c
}

// MarshalJSON implements json.Marshaler. It writes the real value, secret
// or not. A variable read from Postman is written as it was read when
// unchanged; when changed, only the changed members are rewritten and the
// others, known or not, are kept.
func (v EnvironmentVariable) MarshalJSON() ([]byte, error) {
	cur := v.wire()
	if v.read == nil {
		return json.Marshal(cur)
	}
	old := v.read.fields
	if reflect.DeepEqual(cur, old) {
		return v.read.raw, nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(v.read.raw, &members); err != nil || members == nil {
		return json.Marshal(cur)
	}
	set := func(name string, changed, omit bool, value any) error {
		if !changed {
			return nil
		}
		if omit {
			delete(members, name)
			return nil
		}
		data, err := json.Marshal(value)
		members[name] = data
		return err
	}
	for _, err := range []error{
		set("key", cur.Key != old.Key, false, cur.Key),
		set("value", cur.Value != old.Value, false, cur.Value),
		set("type", cur.Type != old.Type, cur.Type == "", cur.Type),
		set("enabled", cur.Enabled != old.Enabled, false, cur.Enabled),
		set("description", cur.Description != old.Description, cur.Description == "", cur.Description),
		set("secret", cur.Secret != old.Secret, false, cur.Secret),
		set("source", !reflect.DeepEqual(cur.Source, old.Source), cur.Source == nil, cur.Source),
	} {
		if err != nil {
			return nil, err
		}
	}
	return json.Marshal(members)
}

// printedValue is the value as printing shows it.
func (v EnvironmentVariable) printedValue() string {
	if v.IsSecret() {
		return redactedValue
	}
	return v.Value
}

// String describes the variable as key=value, with [REDACTED] for secret
// values.
func (v EnvironmentVariable) String() string {
	var b strings.Builder
	b.WriteString(v.Key + "=" + v.printedValue())
	var notes []string
	if v.Type != "" {
		notes = append(notes, string(v.Type))
	}
	if !v.Enabled {
		notes = append(notes, "disabled")
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, ", ") + ")")
	}
	return b.String()
}

// environmentVariableView is what %v, %+v and %#v print: the variable's
// fields with the value redacted when secret.
type environmentVariableView struct {
	Key         string
	Value       string
	Type        EnvironmentVariableType
	Enabled     bool
	Description string
	Secret      bool
	Source      *EnvironmentVariableSource
}

func (v EnvironmentVariable) view() environmentVariableView {
	return environmentVariableView{Key: v.Key, Value: v.printedValue(), Type: v.Type, Enabled: v.Enabled,
		Description: v.Description, Secret: v.Secret, Source: v.Source}
}

// GoString implements fmt.GoStringer (%#v), with secret values redacted.
func (v EnvironmentVariable) GoString() string {
	s := fmt.Sprintf("%#v", v.view())
	return strings.Replace(s, "postman.environmentVariableView", "postman.EnvironmentVariable", 1)
}

// Format implements fmt.Formatter, so that no verb prints a secret value:
// %+v prints the fields, %#v is GoString, and %v (fmt.Println), %s, %q
// and the others format String.
func (v EnvironmentVariable) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = f.Write([]byte(v.GoString()))
	case verb == 'v' && f.Flag('+'):
		_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), v.view())
	default:
		_, _ = fmt.Fprintf(f, fmt.FormatString(f, verb), v.String())
	}
}

// LogValue implements slog.LogValuer, with secret values redacted.
func (v EnvironmentVariable) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("key", v.Key),
		slog.String("value", v.printedValue()),
		slog.String("type", string(v.Type)),
		slog.Bool("enabled", v.Enabled),
	}
	if v.Description != "" {
		attrs = append(attrs, slog.String("description", v.Description))
	}
	return slog.GroupValue(attrs...)
}

// EnvironmentVariables is a list of variables. Its LogValue keeps secret
// values out of slog output, which would otherwise encode the list with
// encoding/json (and so with the real values) in JSON handlers.
type EnvironmentVariables []EnvironmentVariable

// LogValue implements slog.LogValuer: one group per variable, by key.
func (vs EnvironmentVariables) LogValue() slog.Value {
	attrs := make([]slog.Attr, len(vs))
	for i, v := range vs {
		attrs[i] = slog.Any(v.Key, v)
	}
	return slog.GroupValue(attrs...)
}

// Get returns the first variable named key, and false when there is none.
func (vs EnvironmentVariables) Get(key string) (EnvironmentVariable, bool) {
	if i := vs.index(key); i >= 0 {
		return vs[i], true
	}
	return EnvironmentVariable{}, false
}

func (vs EnvironmentVariables) index(key string) int {
	return slices.IndexFunc(vs, func(v EnvironmentVariable) bool { return v.Key == key })
}

// Set sets the value, type and enabled state of the first variable named
// v.Key, or appends v when there is none, and returns the list (like
// append, it may change vs in place). The variable's description and vault
// source are kept unless v sets them, and the other variables are not
// touched.
func (vs EnvironmentVariables) Set(v EnvironmentVariable) EnvironmentVariables {
	i := vs.index(v.Key)
	if i < 0 {
		return append(vs, v)
	}
	cur := &vs[i]
	cur.Value, cur.Enabled = v.Value, v.Enabled
	if v.Type != "" {
		cur.Type = v.Type
	}
	if v.Description != "" {
		cur.Description = v.Description
	}
	if v.Source != nil {
		cur.Secret, cur.Source = v.Secret, v.Source
	}
	return vs
}

// Delete removes every variable named key and returns the list (like
// slices.DeleteFunc, it changes vs in place).
func (vs EnvironmentVariables) Delete(key string) EnvironmentVariables {
	return slices.DeleteFunc(vs, func(v EnvironmentVariable) bool { return v.Key == key })
}

// EnvironmentPatchOp is a JSON Patch operation on an environment.
type EnvironmentPatchOp string

// JSON Patch operations Postman accepts on environments. It applies one
// kind per call: do not mix add and replace in one Patch.
const (
	EnvironmentPatchAdd     EnvironmentPatchOp = "add"
	EnvironmentPatchReplace EnvironmentPatchOp = "replace"
	EnvironmentPatchRemove  EnvironmentPatchOp = "remove"
)

// EnvironmentVariableField is a member of a variable a patch can address.
type EnvironmentVariableField string

// Variable members a patch can address.
const (
	EnvironmentFieldKey         EnvironmentVariableField = "key"
	EnvironmentFieldValue       EnvironmentVariableField = "value"
	EnvironmentFieldType        EnvironmentVariableField = "type"
	EnvironmentFieldEnabled     EnvironmentVariableField = "enabled"
	EnvironmentFieldDescription EnvironmentVariableField = "description"
	EnvironmentFieldSecret      EnvironmentVariableField = "secret"
	EnvironmentFieldSource      EnvironmentVariableField = "source"
)

// EnvironmentPatchOperation is one JSON Patch operation of Patch. Build it
// with EnvironmentRename, EnvironmentAddVariable,
// EnvironmentReplaceVariableField, EnvironmentAddVariableField or
// EnvironmentRemoveVariable. Variables are addressed by position in the
// environment's list, from 0.
type EnvironmentPatchOperation struct {
	Op   EnvironmentPatchOp `json:"op"`
	Path string             `json:"path"`
	// Value is a string, a bool, an EnvironmentVariable or an
	// *EnvironmentVariableSource, as the path calls for; nil for remove.
	Value any `json:"value,omitempty"`
}

// EnvironmentRename renames the environment.
func EnvironmentRename(name string) EnvironmentPatchOperation {
	return EnvironmentPatchOperation{Op: EnvironmentPatchReplace, Path: "/name", Value: name}
}

// EnvironmentAddVariable inserts v at position index (len(Values) appends).
func EnvironmentAddVariable(index int, v EnvironmentVariable) EnvironmentPatchOperation {
	return EnvironmentPatchOperation{Op: EnvironmentPatchAdd, Path: environmentValuePath(index, ""), Value: v}
}

// EnvironmentReplaceVariableField sets a member the variable at index
// already has (a string, a bool for enabled and secret, an
// *EnvironmentVariableSource for source).
func EnvironmentReplaceVariableField(index int, field EnvironmentVariableField, value any) EnvironmentPatchOperation {
	return EnvironmentPatchOperation{Op: EnvironmentPatchReplace, Path: environmentValuePath(index, field), Value: value}
}

// EnvironmentAddVariableField sets a member the variable at index does not
// have yet, such as a first description.
func EnvironmentAddVariableField(index int, field EnvironmentVariableField, value any) EnvironmentPatchOperation {
	return EnvironmentPatchOperation{Op: EnvironmentPatchAdd, Path: environmentValuePath(index, field), Value: value}
}

// EnvironmentRemoveVariable removes the variable at index. To remove
// several, remove the highest positions first: each removal shifts the
// variables after it.
func EnvironmentRemoveVariable(index int) EnvironmentPatchOperation {
	return EnvironmentPatchOperation{Op: EnvironmentPatchRemove, Path: environmentValuePath(index, "")}
}

func environmentValuePath(index int, field EnvironmentVariableField) string {
	p := "/values/" + strconv.Itoa(index)
	if field != "" {
		p += "/" + string(field)
	}
	return p
}

// Format implements fmt.Formatter so that printing an operation never
// shows a secret: a string written to a variable's value prints as
// [REDACTED], and variables print through their own redacting Format.
func (o EnvironmentPatchOperation) Format(f fmt.State, verb rune) {
	type view struct {
		Op    EnvironmentPatchOp
		Path  string
		Value any
	}
	w := view(o)
	if _, ok := o.Value.(string); ok && strings.HasSuffix(o.Path, "/"+string(EnvironmentFieldValue)) {
		w.Value = redactedValue
	}
	s := fmt.Sprintf(fmt.FormatString(f, verb), w)
	if f.Flag('#') {
		s = strings.Replace(s, "postman.view", "postman.EnvironmentPatchOperation", 1)
	}
	_, _ = f.Write([]byte(s))
}

// Patch applies JSON Patch operations to an environment and returns it as
// it now is, variables included.
//
// Postman applies one kind of operation per call (add, replace or
// remove), adds descriptions to variables with add, and caps the request
// at 30 MB.
//
//postman:operation PATCH /environments/{environmentId}
func (s *EnvironmentsService) Patch(ctx context.Context, environmentID string, ops []EnvironmentPatchOperation) (*Environment, *Response, error) {
	path, err := pathf("/environments/{environmentID}", environmentID)
	if err != nil {
		return nil, nil, err
	}
	if len(ops) == 0 {
		return nil, nil, fmt.Errorf("postman: Environments.Patch: %w: no operation", ErrInvalidArgument)
	}
	return s.envCall(ctx, &request{method: http.MethodPatch, path: path, body: ops})
}

// SetVariable sets one variable of an environment without sending the
// others: it reads the environment, then patches only the members of the
// variable named v.Key that differ (value, type, enabled state, and the
// description or vault source when v sets them), or adds v at the end
// when no variable has that key. Every other variable stays as it is on
// the server. It returns the environment as Postman has it afterwards;
// when nothing differs it makes no change and returns what it read.
//
// v's Enabled is applied as it is, and its zero value disables the
// variable: build v with NewEnvironmentVariable or NewEnvironmentSecret.
// An empty Type keeps the variable's type.
//
// Postman's patches address variables by position: a variable added or
// removed by someone else between the read and the patch can shift the
// position. Postman applies one kind of operation per call, so a change
// that needs both replace and add (e.g. a first description) takes two
// patches.
//
//	env, _, err := client.Environments.SetVariable(ctx, envID, postman.NewEnvironmentSecret("apiKey", newKey))
//
//postman:operation GET /environments/{environmentId}
//postman:operation PATCH /environments/{environmentId}
func (s *EnvironmentsService) SetVariable(ctx context.Context, environmentID string, v EnvironmentVariable) (*Environment, *Response, error) {
	if v.Key == "" {
		return nil, nil, fmt.Errorf("postman: Environments.SetVariable: %w: the variable has no key", ErrInvalidArgument)
	}
	env, resp, err := s.Get(ctx, environmentID)
	if err != nil {
		return nil, resp, err
	}
	if env == nil {
		env = &Environment{}
	}
	i := env.Values.index(v.Key)
	if i < 0 {
		return s.Patch(ctx, environmentID, []EnvironmentPatchOperation{EnvironmentAddVariable(len(env.Values), v)})
	}
	replace, add := environmentVariableChanges(i, env.Values[i], v)
	for _, ops := range [][]EnvironmentPatchOperation{replace, add} {
		if len(ops) == 0 {
			continue
		}
		if env, resp, err = s.Patch(ctx, environmentID, ops); err != nil {
			return nil, resp, err
		}
	}
	return env, resp, nil
}

// environmentVariableChanges returns the operations that turn cur, the
// variable at index i, into v: replace for members cur has, add for the
// others.
func environmentVariableChanges(i int, cur, v EnvironmentVariable) (replace, add []EnvironmentPatchOperation) {
	members := cur.members()
	change := func(field EnvironmentVariableField, value any) {
		if members[string(field)] {
			replace = append(replace, EnvironmentReplaceVariableField(i, field, value))
		} else {
			add = append(add, EnvironmentAddVariableField(i, field, value))
		}
	}
	if v.Value != cur.Value {
		change(EnvironmentFieldValue, v.Value)
	}
	if v.Type != "" && v.Type != cur.Type {
		change(EnvironmentFieldType, string(v.Type))
	}
	if v.Enabled != cur.Enabled {
		change(EnvironmentFieldEnabled, v.Enabled)
	}
	if v.Description != "" && v.Description != cur.Description {
		change(EnvironmentFieldDescription, v.Description)
	}
	if v.Source != nil && (v.Secret != cur.Secret || !sameSource(v.Source, cur.Source)) {
		change(EnvironmentFieldSecret, v.Secret)
		change(EnvironmentFieldSource, v.Source)
	}
	return replace, add
}

func sameSource(a, b *EnvironmentVariableSource) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// members returns the names of the JSON members the variable was read
// with; a variable built in Go has the members it would be written with.
func (v EnvironmentVariable) members() map[string]bool {
	data, err := v.MarshalJSON()
	if err != nil {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	names := make(map[string]bool, len(m))
	for k := range m {
		names[k] = true
	}
	return names
}

// DeleteVariable removes the variables named key from an environment
// without sending the others, and returns the environment as Postman has
// it afterwards. When no variable has that key it makes no change and
// returns what it read. Like SetVariable, it reads the positions first.
//
//postman:operation GET /environments/{environmentId}
//postman:operation PATCH /environments/{environmentId}
func (s *EnvironmentsService) DeleteVariable(ctx context.Context, environmentID, key string) (*Environment, *Response, error) {
	env, resp, err := s.Get(ctx, environmentID)
	if err != nil || env == nil {
		return env, resp, err
	}
	var ops []EnvironmentPatchOperation
	for i := len(env.Values) - 1; i >= 0; i-- {
		if env.Values[i].Key == key {
			ops = append(ops, EnvironmentRemoveVariable(i))
		}
	}
	if len(ops) == 0 {
		return env, resp, nil
	}
	return s.Patch(ctx, environmentID, ops)
}
