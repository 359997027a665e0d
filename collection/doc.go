// Package collection models the Postman Collection Format v2.0.0 and v2.1.0
// without losing anything: decoding a collection and encoding it again gives
// JSON equal to the input — same keys in the same order, same values, same
// nulls — for any collection Postman or another tool wrote. It depends on
// the standard library only and can be used without the API client.
//
// # Reading and writing
//
// [Parse] and [Read] decode a collection (a leading UTF-8 BOM and the Postman
// API's {"collection": …} envelope are accepted); json.Unmarshal into a
// [Collection] works too. json.Marshal writes compact JSON, and
// [Collection.Write] writes the tab-indented layout of a Postman export, so
// an untouched export is reproduced byte for byte.
//
// # What is kept
//
// Every object type (Collection, Info, Item, Request, URL, Header, Body, Auth,
// Event, Script, Variable, Response, Cookie, …) has typed fields for the keys
// the format defines and keeps everything else:
//
//   - Keys the format does not define ("_postman_id", "_exporter_id", "uid",
//     "packages", …) stay in their place; see Extra, SetExtra and ExtraKeys,
//     which every object type has.
//   - A defined key whose value has a type the field cannot hold (a number
//     where a string belongs) is kept as it is rather than failing the whole
//     file; [Collection.Validate] reports it.
//   - Null, absent and empty stay apart. A nil *Auth is absent while
//     [NullAuth] is JSON null (both inherit the parent's auth in newman;
//     [NoAuth] is "no auth"); a nil slice is absent while an empty one is
//     written as []; a field that was present keeps being written even when
//     empty.
//   - Union fields remember their form: a request or URL given as a string,
//     host and path as a string or an array, headers as a string of lines,
//     a script as one string or an array of lines, a description or version
//     as a string or an object, auth parameters as a v2.0 object or a v2.1
//     array. Each comes back in the form it was read in while its value still
//     fits that form.
//   - Values of any JSON type (variable values, response times, auth
//     parameter values) are [Value]s holding their exact JSON text, so large
//     integers and numbers like 1.50 come back digit for digit.
//
// # Building and inspecting
//
// [New], [Collection.AddFolder], [Collection.AddRequest], [NewRequest],
// [NewRawBody], [BearerAuth] and friends build collections that validate
// against the official v2.1.0 schema. [Collection.Walk] and
// [Collection.All] visit items with their folder path; FindByName, FindByID
// and FindPath look items up; [Collection.Convert] moves between v2.0 and
// v2.1.
//
// # Comparing
//
// [Diff] compares two collections element by element and returns a [Plan]:
// the folders, requests and saved responses to add, remove, update (naming
// the members that differ), move and reorder, and the collection's own
// changes, in an order a client can apply them in with Postman's item
// endpoints, and as text a reviewer reads.
//
// # Reading a collection as newman does
//
// [ParseURL] splits a URL as postman-collection (the library newman and the
// Postman app run on) does, and [URL.Concrete] puts it back together with
// path variables filled. [Collection.EffectiveAuth] and
// [Collection.EffectiveEvents] follow inheritance through folders. A
// [Scope] resolves {{variables}}, dynamic ones included, and
// [Collection.HTTPRequest] and [Collection.Curl] give the request newman
// would send. Scripts are not run: collections that depend on them need
// newman.
//
// # Speed
//
// Decoding does not go through encoding/json's reflection: a single-pass
// reader fills the typed model directly, which makes [Parse] several times
// faster than decoding the same file into map[string]any, with a fraction
// of the memory (see BENCHMARKS.md at the root of the module). For large
// files prefer Parse or Read over json.Unmarshal, which validates the whole
// input once more before handing it over.
package collection
