#!/usr/bin/env python3
"""Writes the seed inputs of every fuzz target into tests/fuzz/corpus/<target>/.

Seeds come from real payloads: the answers the unit tests and the benchmark
use (as the API serves them), the simulator's fleet, the policy and
environments examples of the docs and the CLI tests. Seed files are named
seed-*; inputs libFuzzer adds keep its hash names; crashes found are saved as
crash-* and stay as regression inputs. Running this again rewrites only seeds.
"""
import json
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
corpus = root / "tests" / "fuzz" / "corpus"


def write(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    (d / ("seed-" + name)).write_bytes(data)


def raw_strings(path):
    text = (root / path).read_text()
    return re.findall(r'R"\((.*?)\)"', text, re.S)


# json_decode: the first byte picks the decoder (see fuzz_json_decode.cpp).
bodies = {}
for s in raw_strings("tests/unit/subclients_test.cpp"):
    try:
        j = json.loads(s)
    except ValueError:
        continue
    if isinstance(j, dict) and "version" in j and "status" in j:
        bodies.setdefault("release", s)
    elif isinstance(j, dict) and "maintenance" in j:
        bodies.setdefault("app", s)
    elif isinstance(j, dict) and j.get("type") == "run":
        bodies.setdefault("dyno", s)
    elif isinstance(j, dict) and "quantity" in j:
        bodies.setdefault("formation", s)
bench = (root / "bench" / "client_overhead.cpp").read_text()
m = re.search(r'app_json = R"\((.*?)\)"', bench, re.S)
if m:
    bodies["app_full"] = m.group(1)
selector = {"app": [1, 2], "app_full": [1, 2], "release": [3, 4], "dyno": [5, 6],
            "formation": [7, 8]}
for name, body in bodies.items():
    for sel in selector[name]:
        text = body if sel % 2 == 1 else "[" + body + "," + body + "]"
        write("json_decode", "%s-%d" % (name, sel), bytes([sel]) + text.encode())
for sel, text in [(0, '{"a":[1,2.5e3,"\\u00e9\\ud83d\\ude00",true,false,null,{}]}'),
                  (9, '{"id":"01234567-89ab-cdef-0123-456789abcdef","status":"pending",'
                      '"source_blob":{"url":"https://x/y.tgz","version":"abc"},'
                      '"created_at":"2024-02-29T23:59:59Z"}'),
                  (10, '{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"shop",'
                       '"created_at":"2012-01-01T12:00:00Z"}'),
                  (11, '[{"id":"01234567-89ab-cdef-0123-456789abcdef","stage":"staging",'
                       '"app":{"id":"01234567-89ab-cdef-0123-456789abcdef"},'
                       '"pipeline":{"id":"01234567-89ab-cdef-0123-456789abcdef"}}]'),
                  (12, '{"id":"01234567-89ab-cdef-0123-456789abcdef","status":"pending",'
                       '"source":{"app":{"id":"01234567-89ab-cdef-0123-456789abcdef"},'
                       '"release":{"id":"01234567-89ab-cdef-0123-456789abcdef"}}}'),
                  (13, '{"id":"01234567-89ab-cdef-0123-456789abcdef",'
                       '"logplex_url":"https://logs/x?t=1"}'),
                  (14, '{"email":"dev@example.com","id":"01234567-89ab-cdef-0123-456789abcdef",'
                       '"verified":true,"two_factor_authentication":false}'),
                  (15, '[{"id":"01234567-89ab-cdef-0123-456789abcdef","include":["api:release"],'
                       '"level":"notify","url":"https://hooks.example.com/h"}]')]:
    write("json_decode", "model-%d" % sel, bytes([sel]) + text.encode())

# timestamp: ISO 8601 forms the API writes, and Retry-After in both forms.
for i, t in enumerate(["2012-01-01T12:00:00Z", "2024-02-29T23:59:59.250Z",
                       "2012-01-01T14:30:00+02:30", "1969-12-31T23:59:59Z",
                       "2024-12-31T23:59:60Z", "2024-02-31T00:00:00Z", "120",
                       "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                       "Sun Nov  6 08:49:37 1994"]):
    write("timestamp", str(i), t)

# paging: [order|max][max_pages] sort-field\n then lines "<items><Next-Range>".
write("paging", "three-pages", b"\x02\x10id\n\x02id ]a..; max=300\n\x02id ]b..\n\x01")
write("paging", "repeat", b"\x81\x05version\n\x01version ]1..\n\x01version ]1..\n")
write("paging", "empty-206", b"\x00\x13name\n\x00name ]x..\n")
write("paging", "endless", b"\x03\x13\n\x01id ]1..\n\x01id ]2..\n\x01id ]3..\n")

# path: identifiers as people and servers write them, and base URLs.
for i, p in enumerate(["my-app", "01234567-89ab-cdef-0123-456789abcdef", "shop staging",
                       "caf\u00e9", "..", "a/b", "a%2Fb", "", "x" * 300,
                       "https://api.heroku.com", "http://127.0.0.1:5000",
                       "http://[::1]:80/x", "http://user:pw@127.0.0.1@evil.com"]):
    write("path", str(i), p)

# error_body: two status bytes, then a body.
for i, (status, body) in enumerate([
        (404, '{"id":"not_found","message":"Couldn\'t find that app.","url":"https://devcenter.heroku.com/articles/platform-api-reference#errors"}'),
        (429, '{"id":"rate_limit","message":"Your account reached the API rate limit"}'),
        (503, "<html><body><h1>Application Error</h1>\n<p>try later</p></body></html>"),
        (422, '{"id":"invalid_params","message":"\\u001b[31mred\\nline\\u009b2J"}'),
        (500, "")]):
    code = status - 100
    write("error_body", str(i), bytes([code >> 8, code & 0xff]) + body.encode())

# policy and environments: the documented formats.
ops = (root / "docs" / "ops.md").read_text()
for i, block in enumerate(re.findall(r"```json\n(.*?)```", ops, re.S)):
    if '"actors"' in block:
        write("policy", "docs-%d" % i, block)
write("policy", "minimal", '{"actors": {"alice": ["admin"]}}')
cli = (root / "tests" / "cli" / "cli_world.hpp").read_text()
for i, s in enumerate(re.findall(r'R"\((.*?)\)"', cli, re.S)):
    if s.startswith("environments:"):
        write("environments", "cli-%d" % i, s)
    elif '"actors"' in s:
        write("policy", "cli-%d" % i, s)
write("environments", "paths", "environments:\n  - {label: s, app_name: a, branch: main}\n"
      "path_rules:\n  - {pattern: 'db/migrate/**', action: migrate}\n"
      "policy:\n  actors: {alice: [admin]}\n")
write("environments", "anchors", "x: &a {label: p, app_name: b}\nenvironments: [*a, *a]\n")
wf = (root / "docs" / "workflow.md").read_text()
for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", wf, re.S)):
    write("environments", "docs-%d" % i, block)

# sim_request: byte 0 even = a body for link byte 1; odd = a Range for list byte 1.
for i, body in enumerate(['{"name":"shop-2","region":"us","stack":"heroku-24"}',
                          '{"source_blob":{"url":"https://x/y.tgz","version":"abc"}}',
                          '{"release":"01234567-89ab-cdef-0123-456789abcdef"}',
                          '{"updates":[{"type":"web","quantity":2,"size":"standard-1x"}]}',
                          '{"maintenance":true}']):
    for link in range(0, 200, 37):
        write("sim_request", "body-%d-%d" % (i, link), bytes([0, link]) + body.encode())
for i, rng in enumerate(["id ..; max=2", "name ]shop..; max=1, order=desc", "version ..",
                         "id ]zz..; max=1000", "created_at ..; order=asc"]):
    for lst in range(5):
        write("sim_request", "range-%d-%d" % (i, lst), bytes([1, lst]) + rng.encode())
