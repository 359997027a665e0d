package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (s *Server) routeNetwork() {
	s.mux.HandleFunc("GET /network/private", s.listNetwork)
	s.mux.HandleFunc("POST /network/private", s.addToNetwork)
	s.mux.HandleFunc("PUT /network/private/workspace/{workspaceId}", s.updateNetworkWorkspace)
	s.mux.HandleFunc("DELETE /network/private/workspace/{workspaceId}", s.removeFromNetwork)
	s.mux.HandleFunc("GET /network/private/network-entity/request/all", s.listNetworkRequests)
	s.mux.HandleFunc("PUT /network/private/network-entity/request/{requestId}", s.respondToNetworkRequest)
}

// NetworkRequest is a request to publish a workspace to the team's
// Private API Network, as stored by the fake API.
type NetworkRequest struct {
	// ID is given out by AddNetworkRequest.
	ID          int64
	WorkspaceID string
	// RequestedBy is the requester's user ID (default: the server's user).
	RequestedBy int64
	Message     string
	// Status is pending (the default), approved or denied; Reply is the
	// message of the manager who answered.
	Status string
	Reply  string
}

// networkEntry is a workspace published to the Private API Network.
type networkEntry struct {
	workspaceID    string
	addedAt        time.Time
	parentFolderID int64
}

type storedNetworkRequest struct {
	NetworkRequest
	createdAt, answeredAt time.Time
}

// networkState is the Private API Network: its workspaces in the order
// they were added, and the requests to add more.
type networkState struct {
	networkEntries  []*networkEntry
	networkRequests []*storedNetworkRequest
	networkSeq      int64 // the last add request ID given out
}

// PublishToNetwork adds a workspace to the team's Private API Network.
func (s *Server) PublishToNetwork(workspaceID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.publishToNetwork(localID(workspaceID))
}

// NetworkWorkspaces returns the IDs of the workspaces published to the
// team's Private API Network, in the order they were added.
func (s *Server) NetworkWorkspaces() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := []string{}
	for _, e := range s.state.networkEntries {
		ids = append(ids, e.workspaceID)
	}
	return ids
}

// AddNetworkRequest stores a request to publish a workspace to the
// Private API Network and returns its ID.
func (s *Server) AddNetworkRequest(req NetworkRequest) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := &s.state.networkState
	n.networkSeq++
	req.ID = n.networkSeq
	req.WorkspaceID = localID(req.WorkspaceID)
	req.Status = govOr(req.Status, "pending")
	if req.RequestedBy == 0 {
		req.RequestedBy = s.state.user.ID
	}
	now := time.Now().UTC()
	n.networkRequests = append(n.networkRequests, &storedNetworkRequest{NetworkRequest: req, createdAt: now, answeredAt: now})
	return req.ID
}

// NetworkRequests returns the requests to publish workspaces to the
// Private API Network with their statuses, oldest first.
func (s *Server) NetworkRequests() []NetworkRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []NetworkRequest{}
	for _, r := range s.state.networkRequests {
		out = append(out, r.NetworkRequest)
	}
	return out
}

func (st *state) publishToNetwork(workspaceID string) *networkEntry {
	n := &st.networkState
	for _, e := range n.networkEntries {
		if e.workspaceID == workspaceID {
			return e
		}
	}
	e := &networkEntry{workspaceID: workspaceID, addedAt: time.Now().UTC()}
	n.networkEntries = append(n.networkEntries, e)
	return e
}

func networkNotFound(w http.ResponseWriter, id string) {
	writeJSON(w, http.StatusNotFound, map[string]any{"name": "instanceNotFoundError", "message": "Instance not found for the model NetworkEntity, id " + id})
}

func networkBadRequest(w http.ResponseWriter, name, message string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"name": name, "message": message})
}

// networkElement is a published workspace as GET /network/private lists it.
func (st *state) networkElement(e *networkEntry, ws *Workspace) map[string]any {
	return map[string]any{"type": "workspace", "id": ws.ID, "name": ws.Name, "summary": ws.About, "description": nullable(ws.Description),
		"addedAt": e.addedAt.Format(postmanTime), "addedBy": st.user.ID, "createdAt": ws.CreatedAt.UTC().Format(postmanTime),
		"createdBy": st.user.ID, "updatedAt": ws.UpdatedAt.UTC().Format(postmanTime), "updatedBy": st.user.ID,
		"parentFolderId": e.parentFolderID, "href": "https://api.postman.com/workspaces/" + ws.ID}
}

// nullable is s, or JSON null when s is empty.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// networkPage reads offset and limit (default and maximum 1000) and
// returns the span of n items the page holds.
func networkPage(w http.ResponseWriter, r *http.Request, n int) (start, end, limit int, ok bool) {
	q := r.URL.Query()
	offset, limit := 0, 1000
	var err error
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			networkBadRequest(w, "invalidParamsError", "The offset must be a non-negative integer.")
			return 0, 0, 0, false
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > 1000 {
			networkBadRequest(w, "invalidParamsError", "The limit must be an integer between 1 and 1000.")
			return 0, 0, 0, false
		}
	}
	start = min(offset, n)
	return start, min(start+limit, n), limit, true
}

// networkSorted sorts list by the request's sort and direction (oldest
// first by default).
func networkSorted[T any](r *http.Request, list []T, at func(T) time.Time) {
	desc := descending(r.URL.Query(), false)
	slices.SortStableFunc(list, func(a, b T) int {
		c := at(a).Compare(at(b))
		if desc {
			return -c
		}
		return c
	})
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// listNetwork answers the published workspaces, filtered by name, summary
// and description.
func (s *Server) listNetwork(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	type item struct {
		e  *networkEntry
		ws *Workspace
	}
	var items []item
	for _, e := range s.state.networkEntries {
		ws := s.state.workspace(e.workspaceID)
		if ws == nil || !containsFold(ws.Name, q.Get("name")) || !containsFold(ws.About, q.Get("summary")) || !containsFold(ws.Description, q.Get("description")) {
			continue
		}
		items = append(items, item{e, ws})
	}
	networkSorted(r, items, func(it item) time.Time {
		if q.Get("sort") == "updatedAt" {
			return it.ws.UpdatedAt
		}
		return it.e.addedAt
	})
	start, end, limit, ok := networkPage(w, r, len(items))
	if !ok {
		return
	}
	elements := []any{}
	for _, it := range items[start:end] {
		elements = append(elements, s.state.networkElement(it.e, it.ws))
	}
	writeJSON(w, http.StatusOK, map[string]any{"elements": elements, "folders": []any{},
		"meta": map[string]any{"limit": limit, "offset": start, "totalCount": len(items)}})
}

// addToNetwork publishes a workspace.
func (s *Server) addToNetwork(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Workspace struct {
			ID             string `json:"id"`
			ParentFolderID int64  `json:"parentFolderId"`
		} `json:"workspace"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(body.Workspace.ID)
	if ws == nil {
		networkNotFound(w, body.Workspace.ID)
		return
	}
	e := s.state.publishToNetwork(ws.ID)
	e.parentFolderID = body.Workspace.ParentFolderID
	writeJSON(w, http.StatusCreated, s.state.networkElement(e, ws))
}

func (s *Server) removeFromNetwork(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("workspaceId")
	s.mu.Lock()
	defer s.mu.Unlock()
	n := &s.state.networkState
	i := slices.IndexFunc(n.networkEntries, func(e *networkEntry) bool { return e.workspaceID == localID(id) })
	if i < 0 {
		networkNotFound(w, id)
		return
	}
	n.networkEntries = slices.Delete(n.networkEntries, i, i+1)
	writeJSON(w, http.StatusOK, map[string]any{"workspace": map[string]any{"id": id}})
}

func (s *Server) updateNetworkWorkspace(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Workspace struct {
			ParentFolderID int64 `json:"parentFolderId"`
		} `json:"workspace"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	id := r.PathValue("workspaceId")
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.state.networkEntries {
		if e.workspaceID == localID(id) {
			e.parentFolderID = body.Workspace.ParentFolderID
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	networkNotFound(w, id)
}

// networkRequestBody is a request as the request endpoints answer it.
func (st *state) networkRequestBody(req *storedNetworkRequest) map[string]any {
	element := map[string]any{"type": "workspace", "id": req.WorkspaceID, "name": "", "summary": nil, "description": nil}
	if ws := st.workspace(req.WorkspaceID); ws != nil {
		element["name"], element["summary"], element["description"] = ws.Name, nullable(ws.About), nullable(ws.Description)
	}
	body := map[string]any{"id": req.ID, "createdAt": req.createdAt.Format(postmanTime), "createdBy": req.RequestedBy,
		"status": req.Status, "element": element}
	if req.Message != "" {
		body["message"] = req.Message
	}
	if req.Status == "denied" && req.Reply != "" {
		body["response"] = map[string]any{"createdAt": req.answeredAt.Format(postmanTime), "createdBy": st.user.ID, "message": req.Reply}
	}
	return body
}

// listNetworkRequests answers the pending and denied requests (approved
// ones leave the list).
func (s *Server) listNetworkRequests(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	var list []*storedNetworkRequest
	for _, req := range s.state.networkRequests {
		if req.Status == "approved" || (q.Get("status") != "" && q.Get("status") != req.Status) {
			continue
		}
		if by := q.Get("requestedBy"); by != "" && by != strconv.FormatInt(req.RequestedBy, 10) {
			continue
		}
		if name := q.Get("name"); name != "" {
			ws := s.state.workspace(req.WorkspaceID)
			if ws == nil || !containsFold(ws.Name, name) {
				continue
			}
		}
		list = append(list, req)
	}
	networkSorted(r, list, func(req *storedNetworkRequest) time.Time { return req.createdAt })
	start, end, limit, ok := networkPage(w, r, len(list))
	if !ok {
		return
	}
	requests := []any{}
	for _, req := range list[start:end] {
		requests = append(requests, s.state.networkRequestBody(req))
	}
	writeJSON(w, http.StatusOK, map[string]any{"requests": requests,
		"meta": map[string]any{"limit": limit, "offset": start, "totalCount": len(list)}})
}

// respondToNetworkRequest approves (publishing the workspace) or denies a
// pending request.
func (s *Server) respondToNetworkRequest(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Status   string `json:"status"`
		Response *struct {
			Message string `json:"message"`
		} `json:"response"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Status != "approved" && body.Status != "denied" {
		networkBadRequest(w, "invalidParamsError", "Status type can only be denied or approved.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var req *storedNetworkRequest
	for _, sr := range s.state.networkRequests {
		if strconv.FormatInt(sr.ID, 10) == r.PathValue("requestId") && sr.Status == "pending" {
			req = sr
		}
	}
	if req == nil {
		networkBadRequest(w, "instanceNotFoundError", "No request found for the corresponding ID")
		return
	}
	req.Status, req.answeredAt = body.Status, time.Now().UTC()
	if body.Response != nil {
		req.Reply = body.Response.Message
	}
	if req.Status == "approved" {
		s.state.publishToNetwork(req.WorkspaceID)
	}
	writeJSON(w, http.StatusOK, map[string]any{"request": []any{s.state.networkRequestBody(req)}})
}
