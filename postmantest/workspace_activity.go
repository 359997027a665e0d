package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// activityState is every workspace's activity feed, oldest first;
// activitySeq is the last activity ID given out.
type activityState struct {
	activities  []*activity
	activitySeq int64
}

func newActivityState() activityState { return activityState{activitySeq: 15000} }

func (s *Server) routeWorkspaceActivities() {
	s.mux.HandleFunc("GET /workspaces/{workspaceId}/activities", s.listWorkspaceActivities)
}

// activity is an entry of a workspace's activity feed.
type activity struct {
	id          int64
	workspaceID string
	// action is create, update or destroy; trigger its finer cause.
	action, trigger string
	elementType     string
	elementID       string // a UID for collections, as Postman gives them
	elementName     string
	at              time.Time
}

// activitiesPageSize is Postman's default page of the feed.
const activitiesPageSize = 15

// logActivity records in a workspace's feed that the user did action
// (also the trigger) to an element. Collections are recorded by UID.
func (st *state) logActivity(workspaceID, action, elementType, elementID, name string) {
	st.logTriggered(workspaceID, action, action, elementType, elementID, name)
}

// logTriggered is logActivity with a trigger other than the action.
func (st *state) logTriggered(workspaceID, action, trigger, elementType, elementID, name string) {
	if elementType == "collection" {
		elementID = st.uid(localID(elementID))
	}
	cs := &st.activityState
	cs.activitySeq++
	cs.activities = append(cs.activities, &activity{id: cs.activitySeq, workspaceID: workspaceID, action: action,
		trigger: trigger, elementType: elementType, elementID: elementID, elementName: name, at: time.Now().UTC()})
}

func activityBadRequest(w http.ResponseWriter, detail string) {
	problem(w, http.StatusBadRequest, "bad-request", "Bad Request", detail)
}

// listWorkspaceActivities serves a workspace's feed, newest first. Every
// activity is the user's (the fake has one user), so a userId filter of
// anyone else finds nothing.
func (s *Server) listWorkspaceActivities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var userID int64
	if v := q.Get("userId"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			activityBadRequest(w, "User ID must be an integer.")
			return
		}
		userID = n
	}
	if v := q.Get("limit"); v != "" {
		if _, err := strconv.Atoi(v); err != nil {
			activityBadRequest(w, "querystring.limit should be integer")
			return
		}
	}
	page, bad := readPage(q, activitiesPageSize, 0)
	if bad != "" {
		activityBadRequest(w, bad)
		return
	}
	// The description declares one element type; the SDK may send a
	// comma-separated list, which Postman's own documentation describes.
	var types []string
	if v := q.Get("elementType"); v != "" {
		types = strings.Split(v, ",")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.PathValue("workspaceId"))
	if ws == nil {
		problem(w, http.StatusNotFound, "not-found", "Not Found", "Workspace not found")
		return
	}
	u := s.state.user
	var feed []map[string]any
	for _, a := range slices.Backward(s.state.activities) {
		if a.workspaceID != ws.ID || (userID != 0 && userID != u.ID) || (types != nil && !slices.Contains(types, a.elementType)) {
			continue
		}
		at := a.at.Format(postmanTime)
		feed = append(feed, map[string]any{"id": a.id, "workspaceId": a.workspaceID, "action": a.action, "trigger": a.trigger,
			"elementType": a.elementType, "elementId": a.elementID, "elementName": a.elementName, "createdAt": at, "updatedAt": at,
			"user": map[string]any{"id": u.ID, "username": u.Username, "name": u.FullName, "isPartner": false}})
	}
	data, next := pageOf(page, feed)
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"nextCursor": nextCursor(next)}})
}
