package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// pullRequestState is the collections' pull requests, oldest first.
type pullRequestState struct {
	pullRequests []*pullRequest
}

// routePullRequests registers the pull request endpoints but creation
// (POST /collections/{collectionId}/pull-requests), which
// postCollectionChild dispatches.
func (s *Server) routePullRequests() {
	s.mux.HandleFunc("GET /collections/{collectionId}/pull-requests", s.listPullRequests)
	s.mux.HandleFunc("GET /pull-requests/{pullRequestId}", s.getPullRequest)
	s.mux.HandleFunc("PUT /pull-requests/{pullRequestId}", s.updatePullRequest)
	s.mux.HandleFunc("POST /pull-requests/{pullRequestId}/tasks", s.reviewPullRequest)
}

// pullRequest is a request to merge a forked collection (source) into its
// parent (destination).
type pullRequest struct {
	id                   string
	title, description   string
	sourceID, destID     string // collection IDs
	status               string // open, approved, declined, merged
	comment              string // why it was declined
	mergeStatus          string // inactive, inprogress, failed
	reviewers            []prReviewer
	createdAt, updatedAt time.Time
	// The names are kept so that Get still names a deleted collection
	// (with exists false), as Postman does.
	sourceName, forkName, destName string
}

// prReviewer is a reviewer of a pull request with their verdict ("" until
// they review).
type prReviewer struct{ id, status string }

// prProblem answers a problem as application/json, the content type the
// description gives the pull request endpoints' errors, like Spec Hub's.
func prProblem(w http.ResponseWriter, status int, slug, title, detail string) {
	specProblem(w, status, "https://api.postman.com/problems/"+slug, title, detail)
}

// prNoPermissions answers for a pull request or collection that does not
// exist. The description documents no 404 for the pull request endpoints:
// what the user cannot reach gets its 403 "No Permissions" example.
func prNoPermissions(w http.ResponseWriter) {
	prForbidden(w, "You do not have enough permissions to perform this action.")
}

func prBadRequest(w http.ResponseWriter, title, detail string) {
	prProblem(w, http.StatusBadRequest, "bad-request", title, detail)
}

func prForbidden(w http.ResponseWriter, detail string) {
	prProblem(w, http.StatusForbidden, "forbidden", "Forbidden", detail)
}

// pullRequest finds a pull request by ID, or returns nil.
func (st *state) pullRequest(id string) *pullRequest {
	i := slices.IndexFunc(st.pullRequests, func(pr *pullRequest) bool { return pr.id == id })
	if i < 0 {
		return nil
	}
	return st.pullRequests[i]
}

// canView reports whether the user of this ID has a role (Viewer or
// Editor) of their own in the collection: Postman requires it of the
// author and of every reviewer, on both collections.
func (st *state) canView(collectionID, userID string) bool {
	return slices.ContainsFunc(st.collectionRoles(collectionID), func(r CollectionRole) bool {
		return r.Kind == "user" && strconv.FormatInt(r.ID, 10) == userID
	})
}

// viewersOfBoth answers 403 and returns false unless the user and every
// reviewer can view both collections.
func (st *state) viewersOfBoth(w http.ResponseWriter, src, dst string, reviewers []string) bool {
	for _, id := range append([]string{strconv.FormatInt(st.user.ID, 10)}, reviewers...) {
		if !st.canView(src, id) || !st.canView(dst, id) {
			prForbidden(w, "You and all reviewers need Viewer access on both source and destination collections.")
			return false
		}
	}
	return true
}

// prBody is the body of a pull request in lists and in the answers of
// Create and Update.
func (st *state) prBody(pr *pullRequest) map[string]any {
	body := map[string]any{"id": pr.id, "title": pr.title, "description": pr.description, "status": pr.status,
		"forkType": "collection", "sourceId": st.uid(pr.sourceID), "destinationId": st.uid(pr.destID),
		"href": "/pull-requests/" + pr.id, "createdBy": strconv.FormatInt(st.user.ID, 10),
		"updatedBy": strconv.FormatInt(st.user.ID, 10),
		"createdAt": pr.createdAt.Format(postmanTime), "updatedAt": pr.updatedAt.Format(postmanTime)}
	if pr.comment != "" {
		body["comment"] = pr.comment
	}
	return body
}

// setReviewers replaces the reviewers, keeping the verdicts of those who
// stay.
func (pr *pullRequest) setReviewers(ids []string) {
	var out []prReviewer
	for _, id := range ids {
		rv := prReviewer{id: id}
		if i := slices.IndexFunc(pr.reviewers, func(o prReviewer) bool { return o.id == id }); i >= 0 {
			rv = pr.reviewers[i]
		}
		out = append(out, rv)
	}
	pr.reviewers = out
}

// prWrite is the body of Create and Update.
type prWrite struct {
	Title         string    `json:"title"`
	Description   *string   `json:"description"`
	Reviewers     *[]string `json:"reviewers"`
	DestinationID string    `json:"destinationId"`
}

// checkPRWrite answers 400 for a missing required field.
func checkPRWrite(w http.ResponseWriter, r *http.Request, b prWrite, create bool) bool {
	missing := ""
	switch {
	case b.Title == "":
		missing = "title"
	case b.Reviewers == nil:
		missing = "reviewers"
	case create && b.DestinationID == "":
		missing = "destinationId"
	default:
		return true
	}
	prBadRequest(w, "Bad Request", r.Method+" request body for '"+r.URL.Path+"' failed to validate schema. Location: /required/"+missing)
	return false
}

func (s *Server) createPullRequest(w http.ResponseWriter, r *http.Request) {
	var b prWrite
	if !decodeBody(w, r, &b) || !checkPRWrite(w, r, b, true) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	src, dst := s.state.collection(r.PathValue("collectionId")), s.state.collection(b.DestinationID)
	switch {
	case src == nil || dst == nil:
		prNoPermissions(w)
		return
	case s.state.source(src) != dst:
		prBadRequest(w, "Bad Request", "Fork relation not found")
		return
	case !s.state.viewersOfBoth(w, src.id, dst.id, *b.Reviewers):
		return
	}
	for _, other := range s.state.pullRequests {
		if other.sourceID == src.id && other.destID == dst.id && (other.status == "open" || other.status == "approved") {
			prBadRequest(w, "Duplicate pull request", "A pull request for this source and destination already exists.")
			return
		}
	}
	now := time.Now().UTC()
	pr := &pullRequest{id: newID(), title: b.Title, sourceID: src.id, destID: dst.id, status: "open", mergeStatus: "inactive",
		createdAt: now, updatedAt: now, sourceName: src.name(), forkName: src.fork.label, destName: dst.name()}
	if b.Description != nil {
		pr.description = *b.Description
	}
	pr.setReviewers(*b.Reviewers)
	s.state.pullRequests = append(s.state.pullRequests, pr)
	body := s.state.prBody(pr)
	// Postman's answer to a creation has no href, forkType, comment or
	// updatedBy (see the description's example).
	for _, k := range []string{"href", "forkType", "updatedBy"} {
		delete(body, k)
	}
	writeJSON(w, http.StatusOK, body)
}

// listPullRequests lists the pull requests a collection is the source or
// the destination of, oldest first; Postman does not page them.
func (s *Server) listPullRequests(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(r.PathValue("collectionId"))
	if c == nil {
		prNoPermissions(w)
		return
	}
	data := []map[string]any{}
	for _, pr := range s.state.pullRequests {
		if pr.sourceID != c.id && pr.destID != c.id {
			continue
		}
		if !s.state.canView(pr.sourceID, strconv.FormatInt(s.state.user.ID, 10)) || !s.state.canView(pr.destID, strconv.FormatInt(s.state.user.ID, 10)) {
			prForbidden(w, "You need Viewer role on both source and destination collections to view pull requests. Please contact collection editors to grant additional access to you.")
			return
		}
		body := s.state.prBody(pr)
		delete(body, "forkType")
		data = append(data, body)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data})
}

// lockPR locks the state and finds the pull request of the path, answering
// 403 when there is none. The caller unlocks when it is found.
func (s *Server) lockPR(w http.ResponseWriter, r *http.Request) *pullRequest {
	s.mu.Lock()
	pr := s.state.pullRequest(r.PathValue("pullRequestId"))
	if pr == nil {
		s.mu.Unlock()
		prNoPermissions(w)
	}
	return pr
}

func (s *Server) getPullRequest(w http.ResponseWriter, r *http.Request) {
	pr := s.lockPR(w, r)
	if pr == nil {
		return
	}
	defer s.mu.Unlock()
	reviewers := []map[string]any{}
	for _, rv := range pr.reviewers {
		m := map[string]any{"id": rv.id}
		if rv.status != "" {
			m["status"] = rv.status
		}
		reviewers = append(reviewers, m)
	}
	body := s.state.prBody(pr)
	for _, k := range []string{"sourceId", "destinationId", "href"} {
		delete(body, k)
	}
	body["source"] = map[string]any{"id": s.state.uid(pr.sourceID), "name": pr.sourceName, "forkName": pr.forkName,
		"exists": s.state.collection(pr.sourceID) != nil}
	body["destination"] = map[string]any{"id": s.state.uid(pr.destID), "name": pr.destName,
		"exists": s.state.collection(pr.destID) != nil}
	body["merge"] = map[string]any{"status": pr.mergeStatus}
	body["reviewers"] = reviewers
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) updatePullRequest(w http.ResponseWriter, r *http.Request) {
	var b prWrite
	if !decodeBody(w, r, &b) || !checkPRWrite(w, r, b, false) {
		return
	}
	pr := s.lockPR(w, r)
	if pr == nil {
		return
	}
	defer s.mu.Unlock()
	if pr.status == "merged" || pr.status == "declined" {
		prProblem(w, http.StatusConflict, "conflict", "Conflict", "You cannot modify a pull request which is already merged or declined.")
		return
	}
	if !s.state.viewersOfBoth(w, pr.sourceID, pr.destID, *b.Reviewers) {
		return
	}
	pr.title = b.Title
	if b.Description != nil {
		pr.description = *b.Description
	}
	pr.setReviewers(*b.Reviewers)
	pr.updatedAt = time.Now().UTC()
	body := s.state.prBody(pr)
	delete(body, "href")
	writeJSON(w, http.StatusOK, body)
}

// reviewPullRequest applies a review action at once: Postman's action is
// synchronous despite the path. The user's verdict is recorded in the
// reviewer list when they are a reviewer. A pull request is approved as
// long as one reviewer approves it; only an approved one can be merged, as
// in Postman's app, and merging applies the fork to its parent with the
// fake's collection merge.
func (s *Server) reviewPullRequest(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Action  string `json:"action"`
		Comment string `json:"comment"`
	}
	if !decodeBody(w, r, &b) {
		return
	}
	if !slices.Contains([]string{"approve", "unapprove", "decline", "merge"}, b.Action) {
		prBadRequest(w, `Value must be one of "approve", "unapprove", "decline", "merge"`,
			"POST request body for '"+r.URL.Path+"' failed to validate schema. Location: /properties/action/enum")
		return
	}
	pr := s.lockPR(w, r)
	if pr == nil {
		return
	}
	defer s.mu.Unlock()
	me := strconv.FormatInt(s.state.user.ID, 10)
	allowed := map[string][]string{"approve": {"open", "approved"}, "unapprove": {"approved"},
		"decline": {"open", "approved"}, "merge": {"approved"}}[b.Action]
	if !slices.Contains(allowed, pr.status) {
		prBadRequest(w, "Bad Request", "Given action on current pull request is not allowed")
		return
	}
	if !s.state.viewersOfBoth(w, pr.sourceID, pr.destID, nil) {
		return
	}
	switch b.Action {
	case "approve":
		pr.verdict(me, "approved")
		pr.status = "approved"
	case "unapprove":
		pr.verdict(me, "")
		if !slices.ContainsFunc(pr.reviewers, func(rv prReviewer) bool { return rv.status == "approved" }) {
			pr.status = "open"
		}
	case "decline":
		pr.verdict(me, "declined")
		pr.status, pr.comment = "declined", b.Comment
	case "merge":
		src, dst := s.state.collection(pr.sourceID), s.state.collection(pr.destID)
		if src == nil || dst == nil || s.state.source(src) != dst {
			pr.mergeStatus = "failed"
			prBadRequest(w, "Bad Request", "Fork relation not found")
			return
		}
		s.state.merge(src, dst, "default")
		pr.status, pr.mergeStatus = "merged", "inactive"
	}
	pr.updatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, map[string]any{"id": pr.id, "status": pr.status, "updatedAt": pr.updatedAt.Format(postmanTime),
		"reviewedBy": map[string]any{"id": s.state.user.ID, "name": s.state.user.FullName, "username": s.state.user.Username}})
}

// verdict records the verdict of a reviewer, if the user is one.
func (pr *pullRequest) verdict(userID, status string) {
	for i := range pr.reviewers {
		if pr.reviewers[i].id == userID {
			pr.reviewers[i].status = status
		}
	}
}
