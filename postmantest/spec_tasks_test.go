package postmantest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// GET /{elementType}/{elementId}/tasks/{taskId} answers the tasks of
// both element types, pending then done; a spec's generation is not the
// collection's task.
func TestSpecTasksUnderTheirElement(t *testing.T) {
	t.Parallel() // it waits for tasks
	srv := postmantest.NewServer(postmantest.WithTaskDelay(200 * time.Millisecond))
	t.Cleanup(srv.Close)
	c := newPollingClient(t, srv)
	ctx := t.Context()
	spec, _, err := c.Specs.Create(ctx, srv.Workspaces()[0].ID, postman.SpecCreateRequest{Name: "Pets", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "index.json", Content: petsOpenAPI}}})
	require.NoError(t, err)

	gen, _, err := c.Specs.GenerateCollection(ctx, spec.ID, postman.SpecCollectionGenerateRequest{Name: "Pets"})
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskOnSpec, gen.Element)
	pending, _, err := c.Specs.GetTask(ctx, postman.SpecTaskOnSpec, spec.ID, gen.TaskID)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskPending, pending.Status)
	assert.Equal(t, postman.SpecTaskModelCollection, pending.Model)
	assert.Empty(t, pending.Resources)
	done, err := c.Specs.WaitTask(ctx, gen)
	require.NoError(t, err)
	colUID := done.Resources[0].ID
	assert.Equal(t, "generation", done.Action)

	_, _, err = c.Specs.GetTask(ctx, postman.SpecTaskOnCollection, colUID, gen.TaskID)
	assert.ErrorIs(t, err, postman.ErrNotFound, "a generation is the spec's task")
	_, _, err = c.Specs.GetTask(ctx, postman.SpecTaskOnSpec, spec.ID, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)

	changed := petsOpenAPI[:len(petsOpenAPI)-1] + `,"x-changed":true}`
	_, _, err = c.Specs.UpdateFile(ctx, spec.ID, "index.json", postman.SpecFileUpdateRequest{Content: &changed})
	require.NoError(t, err)
	sync, _, err := c.Specs.SyncCollectionFromSpec(ctx, colUID, spec.ID)
	require.NoError(t, err)
	pending, _, err = c.Specs.GetTask(ctx, sync.Element, sync.ElementID, sync.TaskID)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskPending, pending.Status)
	synced, err := c.Specs.WaitTask(ctx, sync)
	require.NoError(t, err)
	assert.Equal(t, "update", synced.Action)
	assert.Equal(t, colUID, synced.Resources[0].ID)
}
