package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

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
	path, err := pathf("/environments/%s", environmentID)
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
