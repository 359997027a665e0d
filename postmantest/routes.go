package postmantest

import "net/http"

// routes registers every endpoint the fake serves: each area's file
// registers its own. Unknown paths get Postman's 404 body.
func (s *Server) routes() {
	for _, route := range []func(){
		s.routeUsers, s.routeWorkspaces, s.routeTags, s.routeWorkspaceUpdates, s.routeWorkspaceActivities,
		s.routeWorkspaceTransfers, s.routeRoles, s.routeInvitations,
		s.routeCollections, s.routeItems, s.routeComments, s.routeCollectionTransfers, s.routeForks, s.routeMerges,
		s.routePullRequests, s.routeCollectionRoles, s.routeAccessKeys, s.routeDocs, s.routeTransformations,
		s.routeEnvironments, s.routeEnvironmentForks, s.routeImport,
		s.routeMocks, s.routeMockCallLogs, s.routeMockServerResponses,
		s.routeMonitors, s.routeMonitorRuns, s.routeRunners,
		s.routeSpecs, s.routeSpecHub, s.routeSpecDefinitions, s.routeSpecVersionTags, s.routeSpecGenerations,
		s.routeSpecSync, s.routeSpecsFromCollections, s.routeAPIs,
		s.routeSCIMUsers, s.routeSCIMGroups, s.routeSCIMDiscovery, s.routeAuditLogs,
		s.routeDirectory, s.routeGroups, s.routeTeams, s.routeBilling, s.routeAnalytics,
		s.routePackages, s.routeComponents, s.routeNetwork,
		s.routeSecrets, s.routeSecurity, s.routeSearch,
		s.routeSDKs, s.routeOAuth, s.routeWebhooks, s.routePostbot,
	} {
		route()
	}
	// Go's mux cannot register the creations under a collection next to
	// POST /collections/fork/{id}; postCollectionChild dispatches them.
	s.mux.HandleFunc("POST /collections/{collectionId}/{child}", s.postCollectionChild)
	s.mux.HandleFunc("/", notServed)
}

func notServed(w http.ResponseWriter, r *http.Request) {
	notFound(w, "notFound", "The requested resource "+r.Method+" "+r.URL.Path+" is not served by postmantest.")
}

// postCollectionChild dispatches POST /collections/{collectionId}/{child}
// to the area that creates the child.
func (s *Server) postCollectionChild(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("child") {
	case "duplicates":
		s.duplicateCollection(w, r)
	case "comments":
		commentHandlers{s: s}.create(w, r)
	case "folders":
		s.createFolder(w, r)
	case "requests":
		s.createRequest(w, r)
	case "responses":
		s.createResponse(w, r)
	case "pull-requests":
		s.createPullRequest(w, r)
	default:
		notServed(w, r)
	}
}
