package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
)

// GET /{elementType}/{elementId}/tasks/{taskId} finds a task only under
// the element it belongs to.
func TestSpecTasksOnlyUnderTheirElement(t *testing.T) {
	srv, c, spec := petsSpec(t)
	ctx := t.Context()
	gen, _, err := c.Specs.GenerateCollection(ctx, spec.ID, postman.SpecCollectionGenerateParams{Name: "Pets"})
	require.NoError(t, err)
	done, _, err := c.Specs.GetTask(ctx, postman.SpecTaskOnSpec, spec.ID, gen.TaskID)
	require.NoError(t, err)
	assert.Equal(t, postman.SpecTaskCompleted, done.Status)
	colUID := done.Resources[0].ID

	_, _, err = c.Specs.GetTask(ctx, postman.SpecTaskOnCollection, colUID, gen.TaskID)
	assert.ErrorIs(t, err, postman.ErrNotFound, "a generation is the spec's task")
	_, _, err = c.Specs.GetTask(ctx, postman.SpecTaskOnSpec, spec.ID, "00000000-0000-4000-8000-000000000000")
	assert.ErrorIs(t, err, postman.ErrNotFound)
	_, _, err = c.Specs.GetTask(ctx, postman.SpecTaskOnSpec, "00000000-0000-4000-8000-000000000000", gen.TaskID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	other, _, err := c.Specs.Create(ctx, srv.Workspaces()[0].ID, postman.SpecCreateParams{Name: "Other", Type: postman.SpecTypeOpenAPI30,
		Files: []postman.SpecSourceFile{{Path: "index.json", Content: petsOpenAPI}}})
	require.NoError(t, err)
	_, _, err = c.Specs.GetTask(ctx, postman.SpecTaskOnSpec, other.ID, gen.TaskID)
	assert.ErrorIs(t, err, postman.ErrNotFound, "another spec's task")
}
