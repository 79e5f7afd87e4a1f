#!/usr/bin/env python3
"""Fails when documentation or an example hands std::getenv's result
straight to a constructor or a function.

    check_getenv.py <source dir>

std::getenv returns a null pointer for an unset variable, and a null
`char const*` turned into a std::string throws (or worse), so an example like
`Fingerprinter{std::getenv("KEY")}` crashes the reader's program the first
time the variable is missing. Examples test the pointer first:

    if (char const* key = std::getenv("KEY")) o.fingerprinter = Fingerprinter{key};

Scanned: the code blocks of README.md and docs/*.md, the public headers and
examples/.
"""

import os
import re
import sys

# getenv(...) used as an argument: after "(", "{" or ",", and followed by ")",
# "}" or ",". A getenv in a declaration or a condition does not match.
PASSED_ON = re.compile(r"[({,]\s*(?:std::)?getenv\s*\([^()]*\)\s*[)},]")


def files(root):
    yield os.path.join(root, "README.md")
    for folder, exts in (("docs", (".md",)), ("include", (".hpp",)), ("examples", (".cpp",))):
        for dirpath, dirs, names in os.walk(os.path.join(root, folder)):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(exts):
                    yield os.path.join(dirpath, name)


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    root = argv[1]
    bad = []
    for path in files(root):
        if not os.path.exists(path):
            continue
        markdown = path.endswith(".md")
        in_code = not markdown
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if markdown and line.lstrip().startswith("```"):
                    in_code = not in_code
                    continue
                if in_code and PASSED_ON.search(line):
                    bad.append("%s:%d: %s" % (os.path.relpath(path, root), number, line.strip()))
    for line in bad:
        print(line)
    if bad:
        print("std::getenv may return null: test it before using it (see %s)"
              % os.path.relpath(__file__, root))
        return 1
    print("no unchecked std::getenv in the documentation or examples")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
