#!/usr/bin/env python3
"""Generates herokupp's models, codecs, endpoints and their tests from the
Heroku Platform API schema.

    python3 tools/codegen/generate.py --schema platform-api-schema.json --out .
    python3 tools/codegen/generate.py --schema ... --out . --check
    python3 tools/codegen/generate.py --schema ... --report

See docs/codegen.md.
"""

import sys

sys.dont_write_bytecode = True  # keep the source tree clean

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402

import emit_cpp  # noqa: E402
import emit_tests  # noqa: E402
from ir import Builder, CodegenError  # noqa: E402
from naming import GENERATED_LINE  # noqa: E402

# How many translation units the generated library code is split into.
TU_GROUPS = 4

# Where generated files live; a file there that starts with GENERATED_LINE
# and is not generated any more is stale.
GENERATED_DIRS = [
    "include/herokupp/models",
    "include/herokupp/api",
    "src/models",
    "src/api",
    "tests/generated",
]

SKIP = 77  # CTest's SKIP_RETURN_CODE in tests/generated/CMakeLists.txt


def load(schema_path):
    with open(schema_path, encoding="utf-8") as f:
        doc = json.load(f)
    builder = Builder(doc)
    resources = builder.build()
    return builder, resources


def generate(builder, resources):
    files = emit_cpp.generate(builder, resources, TU_GROUPS)
    files.update(emit_tests.generate(builder, resources))
    for path, text in files.items():
        if not text.startswith(GENERATED_LINE + "\n"):
            raise CodegenError("%s lacks the generated-file line" % path)
    return files


def write(files, out):
    for path in sorted(files):
        target = os.path.join(out, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        current = None
        if os.path.exists(target):
            with open(target, encoding="utf-8") as f:
                current = f.read()
        if current != files[path]:
            with open(target, "w", encoding="utf-8", newline="\n") as f:
                f.write(files[path])
    for path in stale(files, out):
        os.remove(os.path.join(out, path))


def stale(files, out):
    """Generated files under `out` that the schema no longer produces."""
    found = []
    for d in GENERATED_DIRS:
        root = os.path.join(out, d)
        if not os.path.isdir(root):
            continue
        for dirpath, _, names in os.walk(root):
            for name in names:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, out).replace(os.sep, "/")
                if rel in files:
                    continue
                try:
                    with open(full, encoding="utf-8") as f:
                        first = f.readline().rstrip("\n")
                except (OSError, UnicodeDecodeError):
                    continue
                if first == GENERATED_LINE:
                    found.append(rel)
    return sorted(found)


def check(files, out):
    """Regenerates into a temporary folder and lists every difference with
    the tree at `out` (missing, different and stale files)."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="herokupp-codegen-") as temp:
        write(files, temp)
        for path in sorted(files):
            with open(os.path.join(temp, path), "rb") as f:
                fresh = f.read()
            target = os.path.join(out, path)
            if not os.path.exists(target):
                problems.append("missing: " + path)
                continue
            with open(target, "rb") as f:
                if f.read() != fresh:
                    problems.append("differs: " + path)
    problems += ["stale: " + p for p in stale(files, out)]
    return problems


def report(builder, resources):
    total_links = sum(len(r.schema.get("links", [])) for r in resources)
    typed_links = sum(1 for r in resources for link in r.links if link.result_kind)
    lines = [
        "links: %d/%d generated" % (typed_links, total_links),
        "models: %d/%d" % (sum(1 for r in resources if r.kind), len(builder.defs)),
        "  structs: %d, map aliases: %d, aliases of another model: %d" % (
            sum(1 for r in resources if r.kind == "struct"),
            sum(1 for r in resources if r.kind == "map"),
            sum(1 for r in resources if r.kind == "alias")),
        "results: %s" % ", ".join(
            "%s %d" % (k, sum(1 for r in resources for link in r.links if link.result_kind == k))
            for k in ("one", "vector", "paged", "void")),
        "untyped fallbacks (nlohmann::json): %d" % len(builder.fallbacks),
    ]
    for place, reason in sorted(builder.fallbacks):
        lines.append("  %s: %s" % (place, reason))
    lines.append("interpretations: %d" % len(builder.notes))
    for place, note in sorted(builder.notes):
        lines.append("  %s: %s" % (place, note))
    return "\n".join(lines)


def check_docs(builder, out):
    """docs/codegen.md must list every fallback."""
    path = os.path.join(out, "docs", "codegen.md")
    if not os.path.exists(path):
        return ["missing: docs/codegen.md"]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return ["docs/codegen.md does not list the fallback `%s`" % place
            for place, _ in sorted(builder.fallbacks) if "`%s`" % place not in text]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", required=True, help="platform-api-schema.json")
    parser.add_argument("--out", default=".", help="the repository root")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; fail if any generated file is not current")
    mode.add_argument("--report", action="store_true", help="print coverage and exit")
    parser.add_argument("--skip-missing-schema", action="store_true",
                        help="exit %d (a skipped test) when the schema file is absent" % SKIP)
    args = parser.parse_args(argv)

    if not os.path.exists(args.schema):
        if args.skip_missing_schema:
            print("schema not found at %s: skipped (set HEROKUPP_SCHEMA)" % args.schema)
            return SKIP
        parser.error("no schema at %s" % args.schema)
    try:
        builder, resources = load(args.schema)
        if args.report:
            print(report(builder, resources))
            return 0
        files = generate(builder, resources)
    except CodegenError as e:
        print("codegen: %s" % e, file=sys.stderr)
        return 1

    if args.check:
        problems = check(files, args.out) + check_docs(builder, args.out)
        if problems:
            print("\n".join(problems))
            print("generated files are not current: run tools/codegen/generate.py")
            return 1
        print("generated files are current (%d files)" % len(files))
        return 0
    write(files, args.out)
    print("wrote %d files" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
