package postman

// PullRequestsService is the Pull Requests area: reviewing and updating the pull requests of forked collections.
type PullRequestsService service
