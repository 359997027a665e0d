package postmantest

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The filters of a search: which fields each element type takes, with
// which operators, and how a condition is read and evaluated.

// searchField says what a filter field takes and where.
type searchField struct {
	boolean bool     // its operators take a boolean; otherwise text
	lists   bool     // it takes $in and $nin besides $eq and $ne
	enum    []string // the only values it takes, if limited
	types   []string // the element types it is supported for; nil: all
}

// searchFields are the filter fields of the description, each supported
// for the element types its description names.
var searchFields = map[string]searchField{
	"privateNetwork":      {boolean: true},
	"publisherIsVerified": {boolean: true},
	"isGitConnected":      {boolean: true},
	"visibility":          {enum: []string{"internal", "public", "partner"}},
	"workspaceId":         {lists: true},
	"createdBy":           {lists: true},
	"organizationId":      {lists: true},
	"teamId":              {lists: true},
	"collectionId":        {lists: true, types: []string{"requests", "collections"}},
	"tags":                {lists: true, types: []string{"workspaces", "collections"}},
	"method":              {lists: true, types: []string{"requests"}},
	"requestId":           {lists: true, types: []string{"requests"}},
	"type":                {lists: true, types: []string{"requests"}},
	"specificationId":     {lists: true, types: []string{"specs"}},
	"flowId":              {lists: true, types: []string{"flows"}},
	"documentId":          {lists: true, types: []string{"documents"}},
	"environmentId":       {lists: true, types: []string{"environments"}},
}

// searchCond is one operator of one filter condition.
type searchCond struct {
	field, op string
	values    []string // the text operand: one value for $eq and $ne
	flag      bool     // the boolean operand
}

// holds reports whether an element with these values of the field (a
// list for tags, one value for the others) passes the condition.
func (c searchCond) holds(values []string) bool {
	hit := slices.ContainsFunc(values, func(v string) bool { return slices.Contains(c.values, v) })
	if c.op == "$ne" || c.op == "$nin" {
		return !hit
	}
	return hit
}

// wants reports whether the condition keeps only elements whose boolean
// field is set.
func (c searchCond) wants(field string) bool {
	return c.field == field && (c.op == "$eq") == c.flag
}

// normalize puts an operand in the form the fake compares: IDs of
// collections, requests and environments may be given as UIDs, and
// methods in any case.
func normalize(field, v string) string {
	switch field {
	case "collectionId", "requestId", "environmentId":
		return localID(v)
	case "method":
		return strings.ToUpper(v)
	}
	return v
}

// parseSearchFilters reads the filters of a search for elementType, or
// says what is wrong with them as Postman's 400 detail does (ajv's words
// for what the description's schema forbids).
func parseSearchFilters(v any, elementType string) ([]searchCond, string) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, "/filters must be object"
	}
	raw, ok := m["$and"]
	if !ok {
		return nil, "/filters must have required property '$and'"
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, "/filters/$and must be array"
	}
	var conds []searchCond
	for i, item := range list {
		at := "/filters/$and/" + strconv.Itoa(i)
		cond, ok := item.(map[string]any)
		switch {
		case !ok:
			return nil, at + " must be object"
		case len(cond) < 1:
			return nil, at + " must NOT have fewer than 1 properties"
		case len(cond) > 1:
			return nil, at + " must NOT have more than 1 properties"
		}
		for field, ops := range cond {
			spec, known := searchFields[field]
			if !known || (spec.types != nil && !slices.Contains(spec.types, elementType)) {
				return nil, "filter " + field + " is not supported for elementType=" + elementType
			}
			opMap, ok := ops.(map[string]any)
			if !ok {
				return nil, at + "/" + field + " must be object"
			}
			for _, op := range slices.Sorted(maps.Keys(opMap)) {
				c, bad := parseSearchCond(spec, field, op, opMap[op], at+"/"+field+"/"+op)
				if bad != "" {
					return nil, bad
				}
				conds = append(conds, c)
			}
		}
	}
	return conds, ""
}

// parseSearchCond reads one operator of a filter field.
func parseSearchCond(spec searchField, field, op string, v any, at string) (searchCond, string) {
	c := searchCond{field: field, op: op}
	switch {
	case op != "$eq" && op != "$ne" && (!spec.lists || (op != "$in" && op != "$nin")):
		return c, "operator " + op + " is not supported for filter " + field
	case spec.boolean:
		flag, ok := v.(bool)
		if !ok {
			return c, at + " must be boolean"
		}
		c.flag = flag
		return c, ""
	case op == "$eq" || op == "$ne":
		s, ok := v.(string)
		if !ok {
			return c, at + " must be string"
		}
		if spec.enum != nil && !slices.Contains(spec.enum, s) {
			return c, at + " must be equal to one of the allowed values: " + strings.Join(spec.enum, ", ")
		}
		c.values = []string{normalize(field, s)}
		return c, ""
	}
	list, ok := v.([]any)
	if !ok {
		return c, at + " must be array"
	}
	for i, item := range list {
		s, ok := item.(string)
		if !ok {
			return c, at + "/" + strconv.Itoa(i) + " must be string"
		}
		c.values = append(c.values, normalize(field, s))
	}
	return c, ""
}
