package postmantest

import (
	"net/http"
	"slices"
	"strconv"
)

// webhookState is the webhooks created through the API, oldest first.
type webhookState struct {
	webhooks []Webhook
}

func (s *Server) routeWebhooks() {
	s.mux.HandleFunc("POST /webhooks", s.createWebhook)
}

// Webhook is a webhook stored by the fake API. Postman implements each
// webhook as a monitor of the same name, which the fake stores too
// (Monitors lists it).
type Webhook struct {
	ID          string
	Name        string
	WorkspaceID string
	// CollectionUID and EnvironmentUID are what the webhook runs.
	CollectionUID  string
	EnvironmentUID string
	// URL is the webhook's URL, on Postman's runner: the fake does not
	// serve it.
	URL string
}

// Webhooks returns the webhooks created through the API, oldest first.
func (s *Server) Webhooks() []Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.state.webhooks)
}

// createWebhook creates a webhook and its monitor in a workspace.
func (s *Server) createWebhook(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Webhook struct {
			Name        string `json:"name"`
			Collection  string `json:"collection"`
			Environment string `json:"environment"`
		} `json:"webhook"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	var missing []string
	if body.Webhook.Name == "" {
		missing = append(missing, "name")
	}
	if body.Webhook.Collection == "" {
		missing = append(missing, "collection")
	}
	if len(missing) > 0 {
		writeJSON(w, http.StatusBadRequest, errorDetails("paramMissingError", "Parameter is missing in the request.", map[string]any{"param": missing}))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspaces[0]
	if id := r.URL.Query().Get("workspace"); id != "" {
		ws = s.state.workspace(id)
	}
	badParam := func(message string) {
		writeJSON(w, http.StatusBadRequest, errorEnvelope("invalidParamError", message))
	}
	if ws == nil {
		badParam("The specified workspace does not exist.")
		return
	}
	c := s.state.collection(body.Webhook.Collection)
	if c == nil {
		badParam("The specified collection does not exist.")
		return
	}
	envUID := ""
	if body.Webhook.Environment != "" {
		e := byID(s.state.environments, body.Webhook.Environment)
		if e == nil {
			badParam("The specified environment does not exist.")
			return
		}
		envUID = s.state.uid(e.id)
	}
	m := s.state.addMonitor(Monitor{Name: body.Webhook.Name, CollectionUID: s.state.uid(c.id), EnvironmentUID: envUID,
		Active: true, WorkspaceID: ws.ID}, nil)
	hook := Webhook{ID: m.ID, Name: m.Name, WorkspaceID: ws.ID, CollectionUID: m.CollectionUID, EnvironmentUID: envUID,
		URL: "https://newman-api.postman.com/run/" + strconv.FormatInt(s.state.user.ID, 10) + "/" + newID()}
	st := &s.state.webhookState
	st.webhooks = append(st.webhooks, hook)
	writeJSON(w, http.StatusOK, map[string]any{"webhook": map[string]any{"id": hook.ID, "name": hook.Name,
		"collection": hook.CollectionUID, "webhookUrl": hook.URL, "uid": s.state.uid(hook.ID)}})
}
