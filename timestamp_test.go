package postman

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimestamp(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{`"2022-07-06T16:18:32.000Z"`, time.Date(2022, 7, 6, 16, 18, 32, 0, time.UTC)},
		{`"2022-07-06T16:18:32+02:00"`, time.Date(2022, 7, 6, 14, 18, 32, 0, time.UTC)},
		{`"2022-07-06 16:18:32+00:00"`, time.Date(2022, 7, 6, 16, 18, 32, 0, time.UTC)},
		{`"2026-01-31 03:05:18.370000+00:00"`, time.Date(2026, 1, 31, 3, 5, 18, 370000000, time.UTC)},
		{`"2022-07-06 16:18:32"`, time.Date(2022, 7, 6, 16, 18, 32, 0, time.UTC)},
		{`"2022-07-06T16:18:32.5"`, time.Date(2022, 7, 6, 16, 18, 32, 500000000, time.UTC)},
		{`"2022-07-06"`, time.Date(2022, 7, 6, 0, 0, 0, 0, time.UTC)},
		{`1657124312`, time.Date(2022, 7, 6, 16, 18, 32, 0, time.UTC)},
		{`1657124312000`, time.Date(2022, 7, 6, 16, 18, 32, 0, time.UTC)},
		{`"1657124312"`, time.Date(2022, 7, 6, 16, 18, 32, 0, time.UTC)},
		{`"yesterday"`, time.Time{}},
		{`null`, time.Time{}},
		{`""`, time.Time{}},
	} {
		var ts Timestamp
		require.NoError(t, json.Unmarshal([]byte(tt.in), &ts), tt.in)
		assert.True(t, tt.want.Equal(ts.Time), "%s: got %v", tt.in, ts.Time)
		out, err := json.Marshal(ts)
		require.NoError(t, err)
		assert.Equal(t, tt.in, string(out), "written back as read")
	}
	var ts Timestamp
	assert.Error(t, json.Unmarshal([]byte(`"unterminated`), &ts))

	out, err := json.Marshal(NewTimestamp(time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC)))
	require.NoError(t, err)
	assert.Equal(t, `"2024-01-02T03:04:05.000000006Z"`, string(out))
	out, err = json.Marshal(Timestamp{})
	require.NoError(t, err)
	assert.Equal(t, `null`, string(out))

	// Inside a struct with omitzero, an absent time stays absent.
	type doc struct {
		At Timestamp `json:"at,omitzero"`
	}
	out, err = json.Marshal(doc{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(out))
}
