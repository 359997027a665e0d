package postmantest

import (
	"net/http"
	"strconv"
	"time"
)

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

// AddAuditEvents stores audit log entries (IDs are generated when zero).
func (s *Server) AddAuditEvents(events ...AuditEvent) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range events {
		if e.ID == 0 {
			e.ID = int64(len(s.state.audit) + 1)
		}
		s.state.audit = append(s.state.audit, e)
	}
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
	var matched []map[string]any
	for _, e := range s.state.audit {
		if (!since.IsZero() && e.Timestamp.Before(since)) || (!until.IsZero() && !e.Timestamp.Before(until.AddDate(0, 0, 1))) {
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
