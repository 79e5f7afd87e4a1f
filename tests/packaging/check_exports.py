#!/usr/bin/env python3
"""Lists the dynamic symbols a shared herokupp library exports and fails on
anything that is not public herokupp API.

    check_exports.py LIBRARY [--list FILE]

A clean export list holds only entities declared in namespace herokupp (its
functions, and the vtables, typeinfo and thunks of its exported classes) and
none from a `detail` or `internal` namespace. Everything else is a leak:

* herokupp::detail::..., herokupp::X::Impl::... : implementation, reachable
  by nobody (a pimpl struct nested in an exported class inherits its
  visibility, so its members leak unless the struct is marked hidden);
* std::..., __gnu_cxx::... : template instantiations (std::vector<...>::
  _M_realloc_insert, typeinfo for std::_Sp_counted_ptr_inplace<...>) that
  every consumer instantiates itself; exporting them lets two libraries
  interpose each other's copies;
* nlohmann::..., boost::..., curl_..., httplib::..., YAML::..., CLI::... :
  dependencies, which must stay private to the library.

The entity a symbol names is found by dropping the "vtable for"-style prefix
and any return type (template instantiations carry one), so that
`std::string herokupp::f<int>()` counts as herokupp's while
`herokupp::Error* std::__do_uninit_copy<...>(...)` does not.
"""
import argparse
import re
import subprocess
import sys

PREFIXES = (
    "vtable for ",
    "typeinfo for ",
    "typeinfo name for ",
    "VTT for ",
    "construction vtable for ",
    "non-virtual thunk to ",
    "virtual thunk to ",
    "covariant return thunk to ",
    "guard variable for ",
    "TLS init function for ",
    "TLS wrapper function for ",
    "reference temporary #",
)
FOREIGN = (
    ("std::", "a standard-library instantiation"),
    ("__gnu_cxx::", "a standard-library instantiation"),
    ("__cxxabiv1::", "the C++ runtime"),
    ("nlohmann::", "a dependency (nlohmann_json)"),
    ("boost::", "a dependency (Boost)"),
    ("httplib::", "a dependency (cpp-httplib)"),
    ("YAML::", "a dependency (yaml-cpp)"),
    ("CLI::", "a dependency (CLI11)"),
    ("doctest::", "a test dependency (doctest)"),
    ("curl_", "a dependency (libcurl)"),
    ("Curl_", "a dependency (libcurl)"),
)
# Implementation namespaces, and pimpl classes (a nested `Impl` of an exported
# class inherits its visibility, so its members leak unless marked hidden).
INTERNAL = re.compile(r"(^|::)(detail|internal|impl|Impl)::")


def entity(name):
    """The qualified name of what a demangled symbol names."""
    for prefix in PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    # Cut at the parameter list: the first '(' at template depth 0.
    depth = 0
    end = len(name)
    for i, c in enumerate(name):
        if c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
        elif c == "(" and depth == 0 and i > 0 and not name.startswith("operator", i - 8):
            end = i
            break
    head = name[:end]
    # Drop a return type: keep what follows the last space at depth 0, unless
    # that space belongs to an operator name ("operator new", "operator()").
    depth = 0
    start = 0
    for i, c in enumerate(head):
        if c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
        elif c == " " and depth == 0 and not head[:i].endswith("operator"):
            start = i + 1
    return head[start:]


def classify(symbol):
    """None when the symbol is public herokupp API, else the reason it is not."""
    what = entity(symbol)
    if what.startswith("herokupp::"):
        scope = what.split("<", 1)[0]
        if INTERNAL.search(scope):
            return "herokupp implementation detail"
        return None
    for prefix, reason in FOREIGN:
        if what.startswith(prefix):
            return reason
    return "not in namespace herokupp"


def exported_symbols(library):
    out = subprocess.run(["nm", "-D", "--defined-only", "-C", library], check=True,
                         capture_output=True, text=True).stdout
    symbols = []
    for line in out.splitlines():
        parts = line.split(" ", 2)
        if len(parts) != 3:
            continue
        kind, name = parts[1], parts[2]
        if kind in ("A",):  # version nodes, if a versioned script names one
            continue
        symbols.append((kind, name))
    return symbols


SELF_TEST = (
    # (demangled symbol, whether it is public API)
    ("herokupp::Client::raw(herokupp::Method, std::basic_string_view<char>) const", True),
    ("vtable for herokupp::CurlTransport", True),
    ("typeinfo name for herokupp::testing::MockTransport", True),
    ("non-virtual thunk to herokupp::sim::Server::~Server()", True),
    ("std::string herokupp::encode<int>(int const&)", True),
    ("herokupp::operator<<(std::ostream&, herokupp::Error const&)", True),
    ("herokupp::detail::range_header[abi:cxx11](herokupp::ListOptions const&)", False),
    ("herokupp::sim::detail::Store::put(std::string)", False),
    ("herokupp::sim::Platform::Impl::handle(herokupp::sim::Request const&)", False),
    ("herokupp::CurlTransport::Impl::~Impl()", False),
    ("herokupp::Implementation::run()", True),
    ("herokupp::Error* std::__do_uninit_copy<herokupp::Error const*>(herokupp::Error const*)", False),
    ("typeinfo for std::_Sp_counted_ptr_inplace<herokupp::CurlTransport, std::allocator<void>>", False),
    ("void std::vector<char, std::allocator<char> >::_M_realloc_insert<char>(char&&)", False),
    ("nlohmann::json_abi_v3_11_2::detail::exception::name(std::string const&, int)", False),
    ("boost::outcome_v2::bad_result_access::what() const", False),
    ("curl_easy_init", False),
    ("httplib::Server::listen(std::string const&, int, int)", False),
    ("std::type_info::operator==(std::type_info const&) const", False),
)


def self_test():
    wrong = [(s, want) for s, want in SELF_TEST if (classify(s) is None) != want]
    for symbol, want in wrong:
        print(f"self-test: {symbol!r} classified as {'leak' if want else 'public'}")
    print(f"self-test: {len(SELF_TEST) - len(wrong)} of {len(SELF_TEST)} classified right")
    return 1 if wrong else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", nargs="?")
    parser.add_argument("--list", help="write the full export list to this file")
    parser.add_argument("--self-test", action="store_true", help="check the classifier itself")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.library:
        parser.error("a library is required")

    symbols = exported_symbols(args.library)
    bad = [(k, s, classify(s)) for k, s in symbols if classify(s)]
    if args.list:
        with open(args.list, "w") as f:
            for kind, name in sorted(symbols, key=lambda x: x[1]):
                f.write(f"{kind} {name}\n")
    public = len(symbols) - len(bad)
    print(f"{args.library}: {len(symbols)} exported symbols, {public} public herokupp API")
    if not symbols:
        print("error: nothing exported; is this the shared library?")
        return 1
    if bad:
        print(f"error: {len(bad)} symbols leak from the shared library:")
        for kind, name, reason in bad:
            print(f"  {kind} {name}\n      ({reason})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
