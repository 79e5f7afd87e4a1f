#!/usr/bin/env python3
"""Turns every `@code` block of the public headers into compiled C++.

    extract_examples.py <include dir> <output dir>

Each block becomes the body of its own function, inside a nested scope and
under a `#line` directive that points at the header, so a compiler error
names the header line of the example. The functions see the names of
example_context.hpp (`heroku`, `client`, `app`, ...): the context an example
is written in. Blocks are grouped into one translation unit per folder of
include/herokupp (the top-level headers are the group "core"), each
including the headers its examples come from. A unit is only rewritten when
its text changes, so an unchanged example costs no rebuild.

Each example gets a namespace of its own. Its leading lines of the form
`// given: <declaration>` (shown in the documentation too, where they tell the
reader what a name stands for) become `extern <declaration>;` in that
namespace, so an example about a member can use an object it does not build:

    /// // given: herokupp::workflow::DeployPlan plan
    /// for (auto const& a : plan.actions) std::cout << a.name << "\n";

A block whose first line is `// not compiled: <reason>` is skipped (for
output listings); the reason must be given.
"""

import os
import re
import sys

CODE = re.compile(r"^\s*(///|//!|\*)\s?(.*)$")
GIVEN = re.compile(r"^\s*//\s*given:\s*(.+)$")
# Names the examples of one group take as given besides HEROKUPP_EXAMPLE_NAMES.
GROUP_NAMES = {"sim": ["extern herokupp::sim::Platform platform;  // a simulated Platform API"]}


def blocks(path):
    """[(line number of the first code line, [lines])] of a header."""
    out = []
    current = None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            m = CODE.match(raw.rstrip("\n"))
            text = m.group(2) if m else None
            if current is None:
                if text is not None and text.strip() in ("@code", "\\code", "@code{.cpp}"):
                    current = (number + 1, [])
                continue
            if text is None:
                raise SystemExit("%s:%d: @code block without @endcode" % (path, current[0]))
            if text.strip() in ("@endcode", "\\endcode"):
                out.append(current)
                current = None
                continue
            current[1].append(text)
    return out


# One translation unit per group; tests/docs/CMakeLists.txt lists the same.
GROUPS = ("core", "clients", "models", "api", "ops", "sim", "workflow", "testing")


def group_of(rel):
    parts = rel.split("/")
    group = parts[0] if len(parts) > 1 else "core"
    if group not in GROUPS:
        raise SystemExit("include/herokupp/%s: a folder without an example group; add %r to "
                         "GROUPS in %s and to tests/docs/CMakeLists.txt"
                         % (rel, group, os.path.basename(__file__)))
    return group


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    include, out_dir = os.path.abspath(argv[1]), argv[2]
    root = os.path.join(include, "herokupp")
    groups = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "detail")
        for name in sorted(files):
            if not name.endswith(".hpp"):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            found = blocks(path)
            if found:
                groups.setdefault(group_of(rel), []).append((rel, path, found))
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for group in GROUPS:
        groups.setdefault(group, [])
        lines = [
            "// Written by tests/docs/extract_examples.py from the @code blocks of",
            "// include/herokupp; compiled by the target herokupp_doc_examples.",
            '#include "example_context.hpp"',
            "",
            "// An example may leave a value it shows unused (`auto five = ...take(5);`).",
            "// A pragma, not a flag: it holds whatever order the warning flags come in.",
            '#pragma GCC diagnostic ignored "-Wunused-variable"',
            '#pragma GCC diagnostic ignored "-Wunused-but-set-variable"',
            "",
        ]
        lines += ["#include <herokupp/%s>" % rel for rel, _, _ in groups[group]]
        lines += ["", "namespace herokupp_examples {", ""]
        count = 0
        for rel, path, found in groups[group]:
            for first, code in found:
                if code and code[0].strip().startswith("// not compiled:"):
                    if not code[0].split(":", 1)[1].strip():
                        raise SystemExit("%s:%d: say why the example is not compiled"
                                         % (path, first))
                    continue
                count += 1
                given = []
                while code and GIVEN.match(code[0]):
                    given.append(GIVEN.match(code[0]).group(1).rstrip(";"))
                    code = code[1:]
                    first += 1
                lines += [
                    "// %s:%d" % (rel, first),
                    "namespace %s_%d {" % (re.sub(r"\W", "_", rel), first),
                    "[[maybe_unused]] void example() {",
                    "  HEROKUPP_EXAMPLE_NAMES",
                ]
                lines += ["  %s" % n for n in GROUP_NAMES.get(group, ())]
                lines += ["  extern %s;" % g for g in given]
                lines += ["  {", '#line %d "%s"' % (first, path)]
                lines += code
                lines += ["  }", "}", "}", ""]
        lines += ["}  // namespace herokupp_examples", ""]
        target = os.path.join(out_dir, "examples_%s.cpp" % group)
        write_if_changed(target, "\n".join(lines))
        written.append((target, count))
    for target, count in written:
        print("%s: %d examples" % (os.path.basename(target), count))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
