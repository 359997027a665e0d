// Command scim-sync provisions Postman team members over SCIM from a CSV
// file (email,givenName,familyName,active): it creates the users that are
// missing and activates or deactivates the others to match. It only
// prints its plan unless -apply is given.
//
//	go run ./examples/scim-sync                          # offline dry run with a demo CSV
//	go run ./examples/scim-sync -apply                   # offline, applied to postmantest
//	POSTMAN_API_KEY=… POSTMAN_SCIM_KEY=… go run ./examples/scim-sync -csv people.csv -apply
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/examples/internal/exampleenv"
	"github.com/postman-go/postman/postmantest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scim-sync:", err)
		os.Exit(1)
	}
}

// demoCSV is used offline when no -csv file is given.
const demoCSV = `email,givenName,familyName,active
taylor.lee@example.com,Taylor,Lee,true
alex.cruz@example.com,Alex,Cruz,false
sam.jones@example.com,Sam,Jones,true
`

func seed(srv *postmantest.Server) {
	srv.AddSCIMUser(postmantest.SCIMUser{UserName: "taylor.lee@example.com", GivenName: "Taylor", FamilyName: "Lee", Active: true})
	srv.AddSCIMUser(postmantest.SCIMUser{UserName: "alex.cruz@example.com", GivenName: "Alex", FamilyName: "Cruz", Active: true})
}

// person is one row of the CSV.
type person struct {
	email, given, family string
	active               bool
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("scim-sync", flag.ContinueOnError)
	fs.SetOutput(out)
	csvPath := fs.String("csv", "", "CSV file with email,givenName,familyName,active (offline default: a demo list)")
	apply := fs.Bool("apply", false, "make the changes (default: print the plan only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var src io.Reader = strings.NewReader(demoCSV)
	if *csvPath != "" {
		f, err := os.Open(*csvPath)
		if err != nil {
			return err
		}
		defer f.Close()
		src = f
	} else if os.Getenv("POSTMAN_API_KEY") != "" {
		return errors.New("-csv is required against the real API")
	}
	people, err := readPeople(src)
	if err != nil {
		return err
	}
	client, done, err := exampleenv.Client(out, seed)
	if err != nil {
		return err
	}
	defer done()

	existing := map[string]*postman.SCIMUser{}
	for u, err := range client.SCIM.ListUsersIter(ctx, nil) {
		if err != nil {
			return err
		}
		existing[strings.ToLower(u.UserName)] = u
	}
	mode := "dry run (use -apply to make these changes)"
	if *apply {
		mode = "applying"
	}
	fmt.Fprintf(out, "%d people in the list, %d users provisioned; %s\n", len(people), len(existing), mode)
	changes := 0
	for _, p := range people {
		u, ok := existing[strings.ToLower(p.email)]
		switch {
		case !ok:
			changes++
			fmt.Fprintf(out, "create     %s (%s %s, active=%t)\n", p.email, p.given, p.family, p.active)
			if *apply {
				_, _, err = client.SCIM.CreateUser(ctx, postman.SCIMUserCreateParams{UserName: p.email,
					Name: postman.SCIMName{GivenName: p.given, FamilyName: p.family}, Active: postman.Ptr(p.active)})
			}
		case u.Active && !p.active:
			changes++
			fmt.Fprintf(out, "deactivate %s\n", p.email)
			if *apply {
				_, _, err = client.SCIM.DeactivateUser(ctx, u.ID)
			}
		case !u.Active && p.active:
			changes++
			fmt.Fprintf(out, "activate   %s\n", p.email)
			if *apply {
				_, _, err = client.SCIM.ActivateUser(ctx, u.ID)
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", p.email, err)
		}
	}
	fmt.Fprintf(out, "%d changes\n", changes)
	return nil
}

func readPeople(r io.Reader) ([]person, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || len(rows[0]) < 4 || !strings.EqualFold(rows[0][0], "email") {
		return nil, errors.New("the CSV needs a header line: email,givenName,familyName,active")
	}
	var people []person
	for i, row := range rows[1:] {
		active, err := strconv.ParseBool(strings.TrimSpace(row[3]))
		if err != nil {
			return nil, fmt.Errorf("line %d: active must be true or false, not %q", i+2, row[3])
		}
		email := strings.TrimSpace(row[0])
		if !strings.Contains(email, "@") {
			return nil, fmt.Errorf("line %d: %q is not an email address", i+2, email)
		}
		people = append(people, person{email: email, given: strings.TrimSpace(row[1]), family: strings.TrimSpace(row[2]), active: active})
	}
	return people, nil
}
