package postmantest_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// rename renames a collection through PATCH /collections/{id}.
func rename(t *testing.T, c *postman.Client, id, name string) {
	t.Helper()
	_, err := c.Do(t.Context(), http.MethodPatch, "/collections/"+id, map[string]any{"collection": map[string]any{"info": map[string]any{"name": name}}}, nil)
	require.NoError(t, err)
}

func TestCollectionForkPullAndMerge(t *testing.T) {
	t.Parallel() // it waits for tasks
	srv := postmantest.NewServer(postmantest.WithTaskDelay(500 * time.Millisecond))
	t.Cleanup(srv.Close)
	personal, team := srv.Workspaces()[0].ID, srv.Workspaces()[1].ID
	parentID := srv.AddCollection(team, []byte(petsCollection))
	inVirtualTime(t, srv, func(t *testing.T, c *postman.Client) {
		ctx := t.Context()

		_, _, err := c.Forks.ListCollectionForks(ctx, parentID, nil)
		var apiErr *postman.APIError
		require.ErrorAs(t, err, &apiErr, "Postman answers 400 for a collection without forks")
		assert.Equal(t, "This collection id has no forks.", apiErr.Message)

		fork, _, err := c.Forks.ForkCollection(ctx, parentID, postman.CollectionForkParams{WorkspaceID: personal, Label: "feature/auth"})
		require.NoError(t, err)
		assert.Equal(t, "Pets API", fork.Name)
		assert.Equal(t, uid(parentID), fork.Fork.From)
		assert.Equal(t, "feature/auth", fork.Fork.Label)
		seeded := srv.ForkCollection(parentID, team, "seeded")
		require.NotEmpty(t, seeded)

		// The fork shows its origin in the collection list and document.
		var list struct {
			Collections []struct {
				ID   string
				Fork *struct{ Label, From string }
			}
		}
		_, err = c.Do(ctx, http.MethodGet, "/collections?workspace="+personal, nil, &list)
		require.NoError(t, err)
		require.Len(t, list.Collections, 1)
		require.NotNil(t, list.Collections[0].Fork)
		assert.Equal(t, "feature/auth", list.Collections[0].Fork.Label)
		var got struct {
			Collection struct {
				Info struct{ Fork *struct{ From string } }
			}
		}
		_, err = c.Do(ctx, http.MethodGet, "/collections/"+fork.UID, nil, &got)
		require.NoError(t, err)
		require.NotNil(t, got.Collection.Info.Fork)
		assert.Equal(t, uid(parentID), got.Collection.Info.Fork.From)

		var labels []string
		for f, err := range c.Forks.ListCollectionForksIter(ctx, parentID, &postman.ForkListOptions{Direction: postman.ForkDirectionAsc,
			CursorOptions: postman.CursorOptions{Limit: 1}}) {
			require.NoError(t, err)
			labels = append(labels, f.Name)
		}
		assert.Equal(t, []string{"feature/auth", "seeded"}, labels)
		mine, _, err := c.Forks.ListForkedCollections(ctx, nil)
		require.NoError(t, err)
		assert.Equal(t, 2, mine.Total)
		assert.Equal(t, uid(parentID), mine.Forks[0].SourceID)
		require.Len(t, srv.CollectionForks(parentID), 2)

		// The parent moves on: the fork is behind until it pulls.
		status, _, err := c.Forks.GetCollectionSourceStatus(ctx, fork.UID)
		require.NoError(t, err)
		assert.False(t, status.IsSourceAhead)
		rename(t, c, parentID, "Pets API v2")
		status, _, err = c.Forks.GetCollectionSourceStatus(ctx, fork.ID)
		require.NoError(t, err)
		assert.True(t, status.IsSourceAhead)
		assert.Equal(t, fork.UID, status.CollectionUID)
		pulled, _, err := c.Forks.PullCollection(ctx, fork.ID)
		require.NoError(t, err)
		assert.Equal(t, fork.UID, pulled.DestinationID)
		assert.Equal(t, "Pets API v2", document(t, srv, fork.ID)["info"].(map[string]any)["name"])
		status, _, err = c.Forks.GetCollectionSourceStatus(ctx, fork.ID)
		require.NoError(t, err)
		assert.False(t, status.IsSourceAhead)

		// The fork changes, then merges back and goes away.
		_, err = c.Do(ctx, http.MethodPost, "/collections/"+fork.ID+"/requests?folderId="+petsFolderID,
			map[string]any{"name": "Delete a pet", "method": "DELETE", "url": "https://pets.example.com/pets/:petId"}, nil)
		require.NoError(t, err)
		task, _, err := c.Forks.MergeCollection(ctx, postman.CollectionMergeParams{Source: fork.UID, Destination: fork.Fork.From,
			Strategy: postman.MergeDeleteSource})
		require.NoError(t, err)
		assert.Equal(t, postman.MergeTaskInProgress, task.Status)
		running, _, err := c.Forks.GetMergeTask(ctx, task.ID)
		require.NoError(t, err)
		assert.Equal(t, postman.MergeTaskInProgress, running.Status, "the task runs for the configured delay")
		done, _, err := c.Forks.WaitMerge(ctx, task)
		require.NoError(t, err)
		assert.Equal(t, postman.MergeTaskSuccessful, done.Status)
		assert.Equal(t, []string{"Get a pet", "Add a pet", "Delete a pet"}, itemNames(document(t, srv, parentID), "pets"))
		assert.Nil(t, srv.CollectionDocument(fork.ID), "deleteSource deletes the fork")
		assert.Equal(t, parentID, document(t, srv, parentID)["info"].(map[string]any)["_postman_id"], "the parent keeps its ID")
	}, postman.WithTaskPolling(5*time.Millisecond, 20*time.Millisecond))
}

func TestCollectionMergeFailures(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	parentID := srv.AddCollection(ws, []byte(petsCollection))
	otherID := srv.AddCollection(ws, []byte(sampleCollection))
	forkID := srv.ForkCollection(parentID, ws, "fork")
	c := newPollingClient(t, srv)
	ctx := t.Context()

	_, _, err := c.Forks.MergeCollection(ctx, postman.CollectionMergeParams{Source: uid(otherID), Destination: uid(parentID)})
	assert.Error(t, err, "unrelated collections cannot merge")

	rename(t, c, forkID, "Conflicting")
	srv.FailTasks("All conflicts have not be resolved")
	task, _, err := c.Forks.MergeCollection(ctx, postman.CollectionMergeParams{Source: uid(forkID), Destination: uid(parentID)})
	require.NoError(t, err)
	_, _, err = c.Forks.WaitMerge(ctx, task)
	var failed *postman.TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "All conflicts have not be resolved", failed.Details)
	assert.Equal(t, "Pets API", document(t, srv, parentID)["info"].(map[string]any)["name"], "a failed merge changes nothing")

	srv.FailTasks("")
	//lint:ignore SA1019 the fake serves the deprecated synchronous merge too.
	merged, _, err := c.Forks.MergeCollectionFork(ctx, postman.CollectionForkMergeParams{Source: uid(forkID), Destination: uid(parentID)})
	require.NoError(t, err)
	assert.Equal(t, uid(parentID), merged.UID)
	assert.Equal(t, "Conflicting", document(t, srv, parentID)["info"].(map[string]any)["name"], "the synchronous merge applies at once")
	assert.NotNil(t, srv.CollectionDocument(forkID), "updateSourceWithDestination keeps the fork")

	_, _, err = c.Forks.PullCollection(ctx, parentID)
	require.ErrorAs(t, err, new(*postman.APIError))
	_, _, err = c.Forks.GetCollectionSourceStatus(ctx, parentID)
	assert.Error(t, err, "the parent is not a fork")
}

func TestEnvironmentForkMergeAndPull(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	personal, team := srv.Workspaces()[0].ID, srv.Workspaces()[1].ID
	envID := srv.AddEnvironment(team, "Staging", postmantest.EnvironmentVariable{Key: "baseUrl", Value: "https://staging.example.com"})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	fork, _, err := c.Forks.ForkEnvironment(ctx, uid(envID), postman.EnvironmentForkParams{WorkspaceID: personal, Label: "my staging"})
	require.NoError(t, err)
	assert.Equal(t, "Staging", fork.Name)
	assert.Equal(t, "my staging", fork.ForkName)
	forks, resp, err := c.Forks.ListEnvironmentForks(ctx, uid(envID), nil)
	require.NoError(t, err)
	require.Len(t, forks, 1)
	assert.Equal(t, fork.UID, forks[0].ID)
	assert.Equal(t, 1, resp.Total)
	forkID := srv.EnvironmentForks(envID)[0].ID

	// The fork changes a value and merges it into its parent.
	_, err = c.Do(ctx, http.MethodPatch, "/environments/"+forkID, json.RawMessage(`[{"op":"replace","path":"/values/0/value","value":"https://fork.example.com"}]`), nil)
	require.NoError(t, err)
	merged, _, err := c.Forks.MergeEnvironment(ctx, uid(envID), postman.EnvironmentMergeParams{Source: fork.UID})
	require.NoError(t, err)
	assert.Equal(t, uid(envID), merged.UID)
	assert.Equal(t, "https://fork.example.com", srv.EnvironmentValues(envID)[0].Value)

	// The parent changes and the fork pulls it.
	_, err = c.Do(ctx, http.MethodPatch, "/environments/"+envID, json.RawMessage(`[{"op":"add","path":"/values/-","value":{"key":"token","value":"t","enabled":true}}]`), nil)
	require.NoError(t, err)
	pulled, _, err := c.Forks.PullEnvironment(ctx, fork.UID, postman.EnvironmentPullParams{Source: uid(envID)})
	require.NoError(t, err)
	assert.Equal(t, fork.UID, pulled.UID)
	assert.Len(t, srv.EnvironmentValues(forkID), 2)

	_, _, err = c.Forks.PullEnvironment(ctx, uid(envID), postman.EnvironmentPullParams{Source: fork.UID})
	assert.Error(t, err, "the parent is not a fork of its fork")
	_, _, err = c.Forks.MergeEnvironment(ctx, uid(envID), postman.EnvironmentMergeParams{Source: fork.UID, DeleteSource: true})
	require.NoError(t, err)
	assert.Nil(t, srv.EnvironmentValues(forkID), "deleteSource deletes the fork")
	assert.Empty(t, srv.EnvironmentForks(envID))
}
