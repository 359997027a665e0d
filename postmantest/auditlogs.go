package postmantest

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// auditState is the audit log, oldest first, and the actions its events
// may record.
type auditState struct {
	audit        []AuditEvent
	auditActions []AuditAction
}

func newAuditState() auditState { return auditState{auditActions: defaultAuditActions()} }

func (s *Server) routeAuditLogs() {
	s.mux.HandleFunc("GET /audit/logs", s.listAuditLogs)
	s.mux.HandleFunc("GET /audit-actions", s.listAuditActions)
}

// AuditEvent is an audit log entry of the fake API.
type AuditEvent struct {
	ID        int64
	Action    string
	Message   string
	Timestamp time.Time
	IP        string
	UserAgent string
	ActorName string
	ActorID   int64
}

// AuditAction is an action audit events can record, with its name in
// Postman's Audit Logs dashboard.
type AuditAction struct {
	Name        string
	DisplayName string
}

// defaultAuditActions are the actions Postman's description lists.
func defaultAuditActions() []AuditAction {
	return []AuditAction{{"user.mfa_disabled", "2FA Disabled"}, {"user.mfa_enabled", "2FA Enabled"},
		{"user.mfa_rotate_recovery_codes", "2FA Recovery Codes Rotated"}, {"user.mfa_reset", "2FA Reset"},
		{"user.apikey_activate", "Activated API Key"}, {"team.scimkey_activate", "Activated SCIM Key"},
		{"team.add_partnership_member", "Add Partnership Member"}, {"team.add_credits", "Added Credits"},
		{"team.custom_token.create", "Added Custom Alert"}, {"team.add_domain", "Added Domain"},
		{"team.add_group_manager", "Added group manager"}, {"team.add_group_member", "Added Group Member"},
		{"team.add_group_role", "Added Group Role"}, {"team.add_member", "Added Member"},
		{"team.domain_capture_add_user", "Added member"}}
}

// AddAuditEvents stores audit log entries (IDs are generated when zero).
// An action GET /audit-actions does not list yet joins it, named after
// itself ("team.scim_add_member" → "Scim add member"), since every event's
// action is one Postman lists.
func (s *Server) AddAuditEvents(events ...AuditEvent) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.auditState
	for _, e := range events {
		if e.ID == 0 {
			e.ID = int64(len(s.state.audit) + 1)
		}
		s.state.audit = append(s.state.audit, e)
		if e.Action != "" && !slices.ContainsFunc(m.auditActions, func(a AuditAction) bool { return a.Name == e.Action }) {
			m.auditActions = append(m.auditActions, AuditAction{e.Action, actionDisplayName(e.Action)})
		}
	}
}

// AddAuditActions adds actions to those GET /audit-actions lists.
func (s *Server) AddAuditActions(actions ...AuditAction) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.auditState
	for _, a := range actions {
		if i := slices.IndexFunc(m.auditActions, func(o AuditAction) bool { return o.Name == a.Name }); i >= 0 {
			m.auditActions[i] = a
		} else {
			m.auditActions = append(m.auditActions, a)
		}
	}
}

// actionDisplayName names an action after its last part.
func actionDisplayName(action string) string {
	name := strings.ReplaceAll(action[strings.LastIndex(action, ".")+1:], "_", " ")
	if name == "" {
		return action
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// auditActionFormat is how Postman checks the action filter:
// prefix.action_name.
var auditActionFormat = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// listAuditActions answers every action, ordered by display name as
// Postman lists them.
func (s *Server) listAuditActions(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	actions := slices.Clone(s.state.auditActions)
	s.mu.Unlock()
	slices.SortStableFunc(actions, func(a, b AuditAction) int {
		return cmp.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName))
	})
	out := make([]any, len(actions))
	for i, a := range actions {
		out[i] = map[string]any{"name": a.Name, "displayName": a.DisplayName}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) listAuditLogs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var since, until time.Time
	for name, dst := range map[string]*time.Time{"since": &since, "until": &until} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				writeError(w, http.StatusBadRequest, "invalidParamError", name+" must be a date in the YYYY-MM-DD format")
				return
			}
			*dst = t
		}
	}
	action := q.Get("action")
	if action != "" && !auditActionFormat.MatchString(action) {
		writeProblem(w, http.StatusBadRequest, errorEnvelope("InvalidAuditAction",
			"Invalid audit action format. Expected format: prefix.action_name (e.g., user.login)."))
		return
	}
	userID, _ := strconv.ParseInt(q.Get("userId"), 10, 64)
	order := q.Get("orderBy")
	if order == "" {
		order = q.Get("order_by") // the deprecated spelling
	}
	limit := 300
	if v, err := strconv.Atoi(q.Get("limit")); err == nil && v > 0 {
		limit = v
	}
	offset := 0
	if c := q.Get("cursor"); c != "" {
		n, ok := decodeCursor(c)
		if !ok {
			writeError(w, http.StatusBadRequest, "invalidParamError", "invalid cursor")
			return
		}
		offset = n
	}
	s.mu.Lock()
	events := slices.Clone(s.state.audit)
	// Newest first unless asked otherwise, as Postman's orderBy defaults to desc.
	slices.SortStableFunc(events, func(a, b AuditEvent) int {
		if order == "asc" {
			return a.Timestamp.Compare(b.Timestamp)
		}
		return b.Timestamp.Compare(a.Timestamp)
	})
	var matched []map[string]any
	for _, e := range events {
		if (!since.IsZero() && e.Timestamp.Before(since)) || (!until.IsZero() && !e.Timestamp.Before(until.AddDate(0, 0, 1))) ||
			(action != "" && e.Action != action) || (userID != 0 && e.ActorID != userID) {
			continue
		}
		actor := map[string]any{"name": e.ActorName, "username": e.ActorName, "email": e.ActorName + "@example.com", "id": e.ActorID, "active": true}
		matched = append(matched, map[string]any{"id": e.ID, "ip": e.IP, "userAgent": e.UserAgent, "action": e.Action,
			"timestamp": e.Timestamp.Format(postmanTime), "message": e.Message,
			"data": map[string]any{"actor": actor, "user": actor, "team": map[string]any{"name": s.state.user.TeamName, "id": s.state.user.TeamID}}})
	}
	s.mu.Unlock()
	start := min(offset, len(matched))
	end := min(start+limit, len(matched))
	body := map[string]any{"trails": append([]map[string]any{}, matched[start:end]...)}
	if end < len(matched) {
		body["nextCursor"] = encodeCursor(end)
	}
	writeJSON(w, http.StatusOK, body)
}
