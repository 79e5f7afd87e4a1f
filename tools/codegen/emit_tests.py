"""Prints tests/generated: one call per link against MockTransport, and a
decode test per definition built from the schema's examples."""

import json
import urllib.parse

from ir import Enum, Map, ModelRef, Opt, Prim, Struct, Vec
from emit_cpp import wrap_call
from naming import GENERATED_LINE, comment_lines, cpp_string

ENDPOINT_FILES = 2

# Path parameter values: the first needs percent-encoding; the others are
# unreserved, reserved and plain characters.
PARAM_VALUES = ["my app", "x.y_z~1", "a+b", "v4", "v5"]

METHOD_ENUM = {
    "GET": "get",
    "HEAD": "head",
    "POST": "post",
    "PUT": "put",
    "PATCH": "patch",
    "DELETE": "delete_",
}


def encode_component(value):
    return urllib.parse.quote(value, safe="-._~")


def raw_string(text):
    """A C++ raw string literal holding `text`."""
    if ")json\"" in text:
        return cpp_string(text)
    return 'R"json(%s)json"' % text


def full_spell(t):
    """A type's spelling outside namespace herokupp."""
    if isinstance(t, Prim):
        if t.kind == "timestamp":
            return "herokupp::Timestamp"
        return t.spell()
    if isinstance(t, Enum):
        return "herokupp::Enumerated<herokupp::%s>" % t.qualified()
    if isinstance(t, Struct):
        return "herokupp::" + t.qualified()
    if isinstance(t, ModelRef):
        return t.spell()
    if isinstance(t, Vec):
        return "std::vector<%s>" % full_spell(t.inner)
    if isinstance(t, Map):
        return "std::map<std::string, %s>" % full_spell(t.inner)
    if isinstance(t, Opt):
        return "std::optional<%s>" % full_spell(t.inner)
    raise TypeError(t)


# --------------------------------------------------------------------------
# Sample values: (C++ expression, JSON value) pairs


class Sampler:
    """Builds sample values. Structs are filled in local variables (the
    statements collect in `statements`); values are returned as a C++
    expression and the JSON the library must send for it."""

    def __init__(self):
        self.counter = 0
        self.variables = 0
        self.statements = []

    def string(self, schema, name):
        ex = schema.get("example") if isinstance(schema, dict) else None
        if isinstance(ex, str) and ex:
            return ex
        self.counter += 1
        return "%s-%d" % (name or "value", self.counter)

    def sample(self, t, schema, name):
        schema = schema if isinstance(schema, dict) else {}
        if isinstance(t, Opt):
            return self.sample(t.inner, schema, name)
        if isinstance(t, Prim):
            if t.kind == "string":
                s = self.string(schema, name)
                return "std::string(%s)" % cpp_string(s), s
            if t.kind == "int":
                ex = schema.get("example")
                v = ex if isinstance(ex, int) and not isinstance(ex, bool) else 42
                return "std::int64_t{%d}" % v, v
            if t.kind == "double":
                return "1.5", 1.5
            if t.kind == "bool":
                return "true", True
            if t.kind == "timestamp":
                return ('herokupp::Timestamp::parse("2012-01-01T12:00:00Z").value()',
                        "2012-01-01T12:00:00Z")
            if t.kind == "json":
                return 'nlohmann::json{{"key", "value"}}', {"key": "value"}
        if isinstance(t, Enum):
            enumerator, raw = t.values[0]
            q = "herokupp::" + t.qualified()
            expr = "herokupp::Enumerated<%s>(%s::%s, %s)" % (q, q, enumerator, cpp_string(raw))
            return expr, raw
        if isinstance(t, Vec):
            expr, value = self.sample(t.inner, {}, name)
            return "%s{%s}" % (full_spell(t), expr), [value]
        if isinstance(t, Map):
            expr, value = self.sample(t.inner, {}, name)
            return "%s{{\"KEY\", %s}}" % (full_spell(t), expr), {"KEY": value}
        if isinstance(t, ModelRef):
            return self.struct(t.resource.model, t.spell())
        if isinstance(t, Struct):
            return self.struct(t, full_spell(t))
        raise TypeError(t)

    def struct(self, struct, spelled):
        self.variables += 1
        var = "s%d" % self.variables
        assignments = []
        value = {}
        for f in struct.fields:
            expr, v = self.sample(f.type, f.schema, f.json_name)
            assignments.append("  %s.%s = %s;" % (var, f.cpp_name, expr))
            value[f.json_name] = v
        self.statements.append("  %s %s;" % (spelled, var))
        self.statements += assignments
        return var, value


def json_literal(value, indent="  "):
    """Expected JSON as a raw string literal; pretty-printed when long."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    if len(text) <= 60:
        return raw_string(text)
    pretty = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
    return raw_string(pretty.replace("\n", "\n" + indent))


# --------------------------------------------------------------------------
# Endpoint tests


def link_test(link):
    res = link.resource
    values = PARAM_VALUES[: len(link.params)]
    args = ["h.client"] + [cpp_string(v) for v in values]
    path = ""
    vi = 0
    for kind, value in link.segments:
        if kind == "lit":
            path += value
        else:
            path += encode_component(values[vi])
            vi += 1
    method = "herokupp::Method::" + METHOD_ENUM[link.method]
    func = "herokupp::api::%s::%s" % (res.snake, link.func)
    answer = {"one": "{}", "vector": "[]", "paged": "[]", "void": "{}"}[link.result_kind]
    name = "%s: %s %s" % (link.label(), link.method, link.href_display())
    lines = ["TEST_CASE(%s) {" % cpp_string(name),
             "  Harness h;",
             "  h.answer(%s, %s, %s);" % (method, cpp_string(path), cpp_string(answer))]
    query = ""
    body = None
    if link.body is not None:
        sampler = Sampler()
        if isinstance(link.body, Struct):
            params_type = "herokupp::" + link.body.qualified()
            assignments = []
            body = {}
            for f in link.body.fields:
                expr, v = sampler.sample(f.type, f.schema, f.json_name)
                assignments.append("  params.%s = %s;" % (f.cpp_name, expr))
                body[f.json_name] = v
            lines += sampler.statements
            lines.append("  %s params;" % params_type)
            lines += assignments
            if link.body_in_query:
                pairs = sorted((k, v) for k, v in body.items())
                query = "?" + "&".join("%s=%s" % (encode_component(k), encode_component(v))
                                       for k, v in pairs)
                body = None
        else:
            lines.append("  herokupp::api::%s::%s params;" % (res.snake, link.params_name()))
            lines.append('  params["FOO"] = "bar";')
            lines.append("  params[\"OLD\"] = std::nullopt;")
            body = {"FOO": "bar", "OLD": None}
        args.append("params")
    call = "%s(%s)" % (func, ", ".join(args))
    lines += wrap_call("expect_ok", [call], ";", "  ")
    body_text = "nullptr" if body is None else json_literal(body, "          ")
    lines.append("  h.check(%s, %s, %s," % (method, cpp_string(path), cpp_string(query)))
    lines.append("          %s);" % body_text)
    if link.result_kind == "paged":
        lines.append("  h.check_paged();")
    if isinstance(link.body, Struct) and not link.body_required and not link.body_in_query:
        # Members left unset are not sent.
        default_args = ["h.client"] + [cpp_string(v) for v in values]
        lines.append("  h.mock->reset();")
        lines.append("  h.answer(%s, %s, %s);" % (method, cpp_string(path), cpp_string(answer)))
        default_call = "%s(%s)" % (func, ", ".join(default_args))
        lines += wrap_call("expect_ok", [default_call], ";", "  ")
        lines.append('  h.check(%s, %s, "", "{}");' % (method, cpp_string(path)))
    lines.append("}")
    lines.append("")
    return lines


def endpoint_files(resources):
    links = [link for r in resources for link in r.links]
    groups = []
    per = (len(links) + ENDPOINT_FILES - 1) // ENDPOINT_FILES
    # Split between resources, never inside one.
    current = []
    for r in resources:
        if not r.links:
            continue
        if current and sum(len(x.links) for x in current) + len(r.links) > per \
                and len(groups) + 1 < ENDPOINT_FILES:
            groups.append(current)
            current = []
        current.append(r)
    if current:
        groups.append(current)
    files = {}
    for i, group in enumerate(groups, 1):
        headers = sorted({"herokupp/api/%s.hpp" % r.snake for r in group})
        lines = [GENERATED_LINE,
                 "// One call per link, against MockTransport: method, path, query and body.",
                 ] + comment_lines("Resources:", [r.name for r in group]) + [
                 "",
                 '#include "support.hpp"',
                 ""]
        lines += ["#include <%s>" % h for h in headers]
        lines += ["", "#include <doctest/doctest.h>", "",
                  "#include <cstdint>", "#include <map>", "#include <optional>",
                  "#include <string>", "#include <vector>", "",
                  "using herokupp_generated_tests::expect_ok;",
                  "using herokupp_generated_tests::Harness;", ""]
        lines.append('TEST_SUITE_BEGIN("endpoints");')
        lines.append("")
        for r in group:
            for link in r.links:
                lines += link_test(link)
        lines.append("TEST_SUITE_END();")
        files["tests/generated/endpoints_%d_test.cpp" % i] = "\n".join(lines) + "\n"
    return files


# --------------------------------------------------------------------------
# Decode tests from examples


MISSING = object()


def json_matches(t, value):
    """Whether an example value has the JSON type `t` decodes."""
    if isinstance(t, Opt):
        return value is None or json_matches(t.inner, value)
    if isinstance(t, Prim):
        if t.kind in ("string", "timestamp"):
            return isinstance(value, str)
        if t.kind == "int":
            return isinstance(value, int) and not isinstance(value, bool)
        if t.kind == "double":
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if t.kind == "bool":
            return isinstance(value, bool)
        return True
    if isinstance(t, Enum):
        return isinstance(value, str)
    if isinstance(t, Vec):
        return isinstance(value, list) and all(json_matches(t.inner, v) for v in value)
    if isinstance(t, Map):
        return isinstance(value, dict) and all(json_matches(t.inner, v) for v in value.values())
    return isinstance(value, dict)


class Examples:
    def __init__(self, builder):
        self.builder = builder
        self.skipped = []

    def items_schema(self, schema):
        items = schema.get("items")
        if isinstance(items, dict):
            resolved, _ = self.builder.resolve(items)
            if resolved.get("type") == ["object"] and not resolved.get("properties") \
                    and isinstance(schema.get("properties"), dict):
                return {"type": ["object"], "properties": schema["properties"]}
            return resolved
        return {}

    def of(self, t, schema, depth=0):
        """An example JSON value for type `t` described by `schema`, or MISSING."""
        if depth > 6:
            return MISSING
        schema = schema if isinstance(schema, dict) else {}
        inner = t.inner if isinstance(t, Opt) else t
        if isinstance(inner, ModelRef):
            return self.struct(inner.resource.model, depth + 1)
        if isinstance(inner, Struct):
            return self.struct(inner, depth + 1)
        ex = schema.get("example", MISSING)
        if ex is not MISSING:
            return ex if json_matches(t, ex) else MISSING
        if isinstance(inner, Vec):
            item = self.of(inner.inner, self.items_schema(schema), depth + 1)
            return MISSING if item is MISSING else [item]
        if isinstance(inner, Prim) and inner.kind == "string":
            for key in ("anyOf", "oneOf"):
                for alt in schema.get(key, []):
                    a, _ = self.builder.resolve(alt)
                    if isinstance(a.get("example"), str):
                        return a["example"]
        return MISSING

    def struct(self, struct, depth=0):
        out = {}
        for f in struct.fields:
            v = self.of(f.type, f.schema, depth)
            if v is not MISSING:
                out[f.json_name] = v
        return out


def literal_check(f, value):
    """A check that decoded field `f` holds the example `value`, or None."""
    t = f.type.inner if isinstance(f.type, Opt) else f.type
    name = cpp_string(f.json_name)
    if value is None:
        if isinstance(f.type, Opt):
            return "expect_absent(v.%s, %s);" % (f.cpp_name, name)
        return None
    if isinstance(t, Prim):
        if t.kind == "string":
            return "expect_same(v.%s, %s, %s);" % (f.cpp_name, cpp_string(value), name)
        if t.kind == "timestamp":
            return "expect_same_time(v.%s, %s, %s);" % (f.cpp_name, cpp_string(value), name)
        if t.kind == "int":
            return "expect_same(v.%s, std::int64_t{%d}, %s);" % (f.cpp_name, value, name)
        if t.kind == "double":
            return "expect_same(v.%s, %s, %s);" % (f.cpp_name, repr(float(value)), name)
        if t.kind == "bool":
            return "expect_same(v.%s, %s, %s);" % (f.cpp_name, "true" if value else "false", name)
    if isinstance(t, Enum):
        return "expect_same(v.%s, %s, %s);" % (f.cpp_name, cpp_string(value), name)
    if isinstance(t, (Vec, Map)):
        member = f.cpp_name if not isinstance(f.type, Opt) else "%s.value()" % f.cpp_name
        return "expect_size(v.%s, %d, %s);" % (member, len(value), name)
    return None


def models_file(builder, resources):
    examples = Examples(builder)
    lines = [GENERATED_LINE,
             "// Every model decodes an object built from its schema examples, keeps the",
             "// example values, and encodes them back.",
             "",
             '#include "support.hpp"',
             ""]
    lines += ["#include <%s>" % r.header() for r in resources]
    lines += ["", "#include <doctest/doctest.h>", "#include <nlohmann/json.hpp>", "",
              "#include <cstdint>", "#include <string>", "",
              "using herokupp_generated_tests::expect_contains;",
              "using herokupp_generated_tests::expect_absent;",
              "using herokupp_generated_tests::expect_ok;",
              "using herokupp_generated_tests::expect_same;",
              "using herokupp_generated_tests::expect_same_time;",
              "using herokupp_generated_tests::expect_size;", "",
              'TEST_SUITE_BEGIN("models");', ""]
    for res in resources:
        title = "%s decodes its example" % res.type_name()
        if res.kind == "map":
            example = res.schema.get("example", {})
            text = json.dumps(example, sort_keys=True, ensure_ascii=False)
            lines += ["TEST_CASE(%s) {" % cpp_string(title),
                      "  auto const text = %s;" % raw_string(text),
                      "  auto r = herokupp::%s(text);" % res.from_json_name(),
                      "  expect_ok(r);",
                      "  if (!r) return;"]
            for k, v in sorted(example.items()):
                lines.append("  expect_same(r.value().at(%s), %s, %s);"
                             % (cpp_string(k), cpp_string(v), cpp_string(k)))
            lines += ["  expect_contains(herokupp::%s_to_json(r.value()), text);" % res.snake,
                      "}", ""]
            continue
        model = res.model_resource()
        struct = model.model
        example = examples.struct(struct)
        lines += ["TEST_CASE(%s) {" % cpp_string(title),
                  "  auto const text = %s;" % json_literal(example),
                  "  auto r = herokupp::%s(text);" % res.from_json_name(),
                  "  expect_ok(r);",
                  "  if (!r) return;",
                  "  auto const& v = r.value();"]
        for f in struct.fields:
            if f.json_name in example:
                c = literal_check(f, example[f.json_name])
                if c:
                    lines.append("  " + c)
        lines.append("  expect_contains(herokupp::to_json(v), text);")
        lines += ["}", ""]
    lines.append("TEST_SUITE_END();")
    return {"tests/generated/models_test.cpp": "\n".join(lines) + "\n"}


def generate(builder, resources):
    files = endpoint_files(resources)
    files.update(models_file(builder, resources))
    return files
