package redislimit_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/redis/go-redis/v9"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
	"github.com/postman-go/postman/redislimit"
)

// Every CI job of a team runs this with the same POSTMAN_API_KEY and the
// same REDIS_URL: together they stay within the key's 300 requests a
// minute, and a 429 told to one of them holds all of them back.
func Example() {
	opts, err := redis.ParseURL(os.Getenv("REDIS_URL")) // e.g. redis://redis.ci.internal:6379/0
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	limiter, err := redislimit.New(rdb)
	if err != nil {
		log.Fatal(err)
	}

	// The fake stands in for api.postman.com; a job passes its real key.
	fake := postmantest.NewServer()
	defer fake.Close()
	client, err := postman.NewClient("PMAK-example", postman.WithBaseURL(fake.URL), postman.WithLimiter(limiter))
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()

	me, _, err := client.Users.GetMe(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.User.Username)
	// Output: taylor-lee
}
