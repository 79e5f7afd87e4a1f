#!/usr/bin/env python3
"""Checks that every packaging of herokupp says the same thing as the CMake build.

    check_packaging.py --source DIR [--build DIR]

Neither vcpkg nor Conan runs here, so their files are checked by reading and
executing them against small stand-ins:

* the version in project(VERSION) reaches version.hpp, both vcpkg manifests,
  the Conan recipe (through its set_version()), and CHANGELOG.md;
* vcpkg features, Conan options and CMake options correspond
  (sim <-> with_sim <-> HEROKUPP_BUILD_SIM, ...), and so do their dependencies;
* the portfile, run by `cmake -P` with stand-ins for the vcpkg helper
  functions, configures the options each feature set implies and fixes up
  the config where `cmake --install` puts it;
* the recipe's package_info() declares exactly the targets the CMake package
  exports (herokupp::herokupp, herokupp::sim, herokupp::workflow) with the
  library file names the build produces;
* the CMake package template finds the dependencies the targets need.

With --build, the facts of an actual build (build/packaging/herokupp-package.json)
are compared too.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import types

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
    return condition


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# What each packaging calls the same thing.
COMPONENTS = {
    # component: (CMake option, vcpkg feature, Conan option, CMake target)
    "sim": ("HEROKUPP_BUILD_SIM", "sim", "with_sim", "herokupp::sim"),
    "workflow": ("HEROKUPP_BUILD_WORKFLOW", "workflow", "with_workflow", "herokupp::workflow"),
}
TOOLS_FEATURE = ("HEROKUPP_BUILD_TOOLS", "tools")
# vcpkg port name -> (Conan reference name, CMake package name)
DEPENDENCIES = {
    "boost-outcome": ("boost", "Boost"),
    "boost-asio": ("boost", "Boost"),
    "boost-beast": ("boost", "Boost"),
    "curl": ("libcurl", "CURL"),
    "openssl": ("openssl", "OpenSSL"),
    "nlohmann-json": ("nlohmann_json", "nlohmann_json"),
    "cpp-httplib": ("cpp-httplib", None),
    "yaml-cpp": ("yaml-cpp", "yaml-cpp"),
    "cli11": (None, "CLI11"),
    "doctest": (None, "doctest"),
}


def cmake_facts(source):
    text = read(os.path.join(source, "CMakeLists.txt"))
    m = re.search(r"project\(\s*herokupp\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)", text)
    version = m.group(1) if m else None
    check(version, "CMakeLists.txt: no project(herokupp VERSION x.y.z)")
    options = set(re.findall(r"option\(\s*(HEROKUPP_\w+)", text))
    return version, options


def dep_names(deps):
    return sorted(d if isinstance(d, str) else d["name"] for d in deps)


def check_vcpkg(source, version, options, built):
    root = json.loads(read(os.path.join(source, "vcpkg.json")))
    port_dir = os.path.join(source, "packaging", "vcpkg", "ports", "herokupp")
    port = json.loads(read(os.path.join(port_dir, "vcpkg.json")))
    for where, manifest in (("vcpkg.json", root), ("port vcpkg.json", port)):
        check(manifest.get("name") == "herokupp", f"{where}: name is not herokupp")
        check(manifest.get("version") == version,
              f"{where}: version {manifest.get('version')} != CMake {version}")
        check(manifest.get("license") == "MIT", f"{where}: license is not MIT")
    port_features = set(port.get("features", {}))
    expected = {f for _, f, _, _ in COMPONENTS.values()} | {TOOLS_FEATURE[1]}
    check(port_features == expected, f"port features {sorted(port_features)} != {sorted(expected)}")
    root_features = set(root.get("features", {}))
    check(root_features - {"tests"} == port_features,
          f"vcpkg.json features {sorted(root_features)} != port features (+ tests)")
    host_only = {"vcpkg-cmake", "vcpkg-cmake-config"}
    port_deps = [d for d in dep_names(port["dependencies"]) if d not in host_only]
    check(port_deps == dep_names(root["dependencies"]),
          f"dependencies differ: port {port_deps}, vcpkg.json {dep_names(root['dependencies'])}")
    check(set(dep_names(port["dependencies"])) >= host_only,
          "port vcpkg.json lacks the host dependencies vcpkg-cmake, vcpkg-cmake-config")
    for feature in port_features:
        a = dep_names(port["features"][feature].get("dependencies", []))
        b = dep_names(root["features"].get(feature, {}).get("dependencies", []))
        check(a == b, f"feature {feature}: port deps {a} != vcpkg.json deps {b}")
    for dep in dep_names(port["dependencies"]) + [d for f in port_features for d in
                                                  dep_names(port["features"][f].get("dependencies", []))]:
        check(dep in DEPENDENCIES or dep in host_only,
              f"vcpkg dependency {dep} is not in check_packaging.py's dependency table")

    # The portfile, executed with stand-ins for the vcpkg helpers.
    usage = read(os.path.join(port_dir, "usage"))
    for _, feature, _, target in COMPONENTS.values():
        check(target in usage, f"port usage does not mention {target}")
    check("herokupp::herokupp" in usage, "port usage does not mention herokupp::herokupp")
    for features in ([], ["sim"], ["workflow"], ["tools"], ["sim", "workflow", "tools"]):
        run = run_portfile(source, port_dir, features)
        if run is None:
            continue
        opts = dict(re.findall(r"-D(\w+)=(\S+)", run.get("configure", "")))
        for component, (option, feature, _, _) in COMPONENTS.items():
            want = "ON" if feature in features else "OFF"
            check(opts.get(option) == want,
                  f"portfile with features {features}: {option}={opts.get(option)}, expected {want}")
        want = "ON" if "tools" in features else "OFF"
        check(opts.get(TOOLS_FEATURE[0]) == want,
              f"portfile with features {features}: {TOOLS_FEATURE[0]}={opts.get(TOOLS_FEATURE[0])}")
        for name in opts:
            if name.startswith("HEROKUPP_"):
                check(name in options, f"portfile sets {name}, which CMakeLists.txt does not define")
        for off in ("HEROKUPP_BUILD_TESTS", "HEROKUPP_BUILD_EXAMPLES", "HEROKUPP_BUILD_BENCH"):
            check(opts.get(off) == "OFF", f"portfile does not turn {off} off")
        want_tools = (["herokupp"] if "tools" in features else []) + \
            (["herokupp-sim"] if "sim" in features else [])
        got_tools = run.get("tools", "").split()
        check(got_tools == want_tools,
              f"portfile with features {features} copies tools {got_tools}, expected {want_tools}")
        if built and "sim" in built["targets"] and "herokupp-sim" in got_tools:
            check("herokupp-sim" in built.get("programs", []),
                  "the portfile copies herokupp-sim, but a build with the sim component "
                  "does not install it")
        check(run.get("config_path") == "lib/cmake/herokupp",
              f"portfile fixes up {run.get('config_path')}, not lib/cmake/herokupp")
        check(run.get("copyright", "").endswith("LICENSE"), "portfile does not install LICENSE")
        check(run.get("usage_installed") == "1", "portfile does not install the usage file")


PORTFILE_STANDIN = r"""
cmake_minimum_required(VERSION 3.25)
# Stand-ins for the vcpkg helpers a portfile calls; each records what it got.
set(PORT herokupp)
set(VERSION "@VERSION@")
set(CURRENT_PACKAGES_DIR "@OUT@/packages")
set(VCPKG_LIBRARY_LINKAGE static)
set(FEATURES core @FEATURES@)
set(_record "@OUT@/record.txt")
file(WRITE "${_record}" "")
function(vcpkg_check_features)
  cmake_parse_arguments(A "" "OUT_FEATURE_OPTIONS" "FEATURES;INVERTED_FEATURES" ${ARGN})
  set(out "")
  list(LENGTH A_FEATURES n)
  math(EXPR last "${n} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET A_FEATURES ${i} feature)
    list(GET A_FEATURES ${j} var)
    if(feature IN_LIST FEATURES)
      list(APPEND out "-D${var}=ON")
    else()
      list(APPEND out "-D${var}=OFF")
    endif()
  endforeach()
  set(${A_OUT_FEATURE_OPTIONS} "${out}" PARENT_SCOPE)
endfunction()
function(vcpkg_cmake_configure)
  cmake_parse_arguments(A "" "SOURCE_PATH" "OPTIONS;OPTIONS_RELEASE;OPTIONS_DEBUG" ${ARGN})
  if(NOT EXISTS "${A_SOURCE_PATH}/CMakeLists.txt")
    message(FATAL_ERROR "no CMakeLists.txt at ${A_SOURCE_PATH}")
  endif()
  string(REPLACE ";" " " opts "${A_OPTIONS}")
  file(APPEND "${_record}" "configure=${opts}\n")
endfunction()
function(vcpkg_cmake_install)
  file(APPEND "${_record}" "install=1\n")
endfunction()
function(vcpkg_cmake_config_fixup)
  cmake_parse_arguments(A "" "PACKAGE_NAME;CONFIG_PATH" "" ${ARGN})
  file(APPEND "${_record}" "config_path=${A_CONFIG_PATH}\n")
endfunction()
function(vcpkg_fixup_pkgconfig)
  file(APPEND "${_record}" "pkgconfig=1\n")
endfunction()
function(vcpkg_copy_tools)
  cmake_parse_arguments(A "AUTO_CLEAN" "" "TOOL_NAMES" ${ARGN})
  string(REPLACE ";" " " names "${A_TOOL_NAMES}")
  file(APPEND "${_record}" "tools=${names}\n")
endfunction()
function(vcpkg_install_copyright)
  cmake_parse_arguments(A "" "" "FILE_LIST" ${ARGN})
  foreach(f IN LISTS A_FILE_LIST)
    if(NOT EXISTS "${f}")
      message(FATAL_ERROR "copyright file ${f} missing")
    endif()
  endforeach()
  file(APPEND "${_record}" "copyright=${A_FILE_LIST}\n")
endfunction()
set(CMAKE_CURRENT_LIST_DIR "@PORT_DIR@")
include("@PORT_DIR@/portfile.cmake")
if(EXISTS "${CURRENT_PACKAGES_DIR}/share/herokupp/usage")
  file(APPEND "${_record}" "usage_installed=1\n")
endif()
"""


def run_portfile(source, port_dir, features):
    with tempfile.TemporaryDirectory() as tmp:
        script = (PORTFILE_STANDIN.replace("@OUT@", tmp).replace("@PORT_DIR@", port_dir)
                  .replace("@FEATURES@", " ".join(features)).replace("@VERSION@", "0"))
        path = os.path.join(tmp, "run.cmake")
        with open(path, "w") as f:
            f.write(script)
        proc = subprocess.run(["cmake", "-P", path], capture_output=True, text=True)
        if not check(proc.returncode == 0,
                     f"portfile failed with features {features}:\n{proc.stdout}{proc.stderr}"):
            return None
        record = {}
        for line in read(os.path.join(tmp, "record.txt")).splitlines():
            key, _, value = line.partition("=")
            record[key] = value
        return record


# --- Conan ----------------------------------------------------------------

class _Options:
    def __init__(self, values):
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self._values[name] = value

    def __delattr__(self, name):
        del self._values[name]

    def rm_safe(self, name):
        self._values.pop(name, None)

    def keys(self):
        return self._values.keys()


class _Settings:
    def __init__(self, **values):
        self.__dict__.update(values)


class _Component:
    def __init__(self):
        self.properties = {}
        self.libs = []
        self.requires = []
        self.defines = []
        self.system_libs = []

    def set_property(self, name, value):
        self.properties[name] = value


class _CppInfo(_Component):
    def __init__(self):
        super().__init__()
        self.components = {}

    def __getattribute__(self, name):
        if name == "components":
            comps = object.__getattribute__(self, "components")
            return _AutoDict(comps)
        return object.__getattribute__(self, name)


class _AutoDict:
    def __init__(self, d):
        self.d = d

    def __getitem__(self, key):
        return self.d.setdefault(key, _Component())

    def items(self):
        return self.d.items()

    def keys(self):
        return self.d.keys()


class _Toolchain:
    last = None

    def __init__(self, conanfile):
        self.cache_variables = {}
        self.variables = {}
        _Toolchain.last = self

    def generate(self):
        pass


def _fake_conan_modules():
    conan = types.ModuleType("conan")

    class ConanFile:
        def __init__(self, recipe_folder, option_values, settings):
            self.recipe_folder = recipe_folder
            self.version = None
            self.options = _Options(option_values)
            self.settings = settings
            self.cpp_info = _CppInfo()
            self.required = []

        def requires(self, ref, **kwargs):
            self.required.append((ref, kwargs))

    conan.ConanFile = ConanFile
    tools = types.ModuleType("conan.tools")
    build = types.ModuleType("conan.tools.build")
    build.check_min_cppstd = lambda conanfile, std: None
    build.can_run = lambda conanfile: True
    cmake = types.ModuleType("conan.tools.cmake")
    cmake.CMake = lambda conanfile: None
    cmake.CMakeDeps = lambda conanfile: types.SimpleNamespace(generate=lambda: None)
    cmake.CMakeToolchain = _Toolchain
    cmake.cmake_layout = lambda conanfile, **kw: None
    files = types.ModuleType("conan.tools.files")
    files.load = lambda conanfile, path: read(path)
    files.copy = lambda *a, **kw: None
    files.rmdir = lambda *a, **kw: None
    errors = types.ModuleType("conan.errors")
    errors.ConanInvalidConfiguration = type("ConanInvalidConfiguration", (Exception,), {})
    return {"conan": conan, "conan.tools": tools, "conan.tools.build": build,
            "conan.tools.cmake": cmake, "conan.tools.files": files, "conan.errors": errors}


def load_recipe(path):
    saved = dict(sys.modules)
    sys.modules.update(_fake_conan_modules())
    try:
        namespace = {"__file__": path, "__name__": "conanfile"}
        exec(compile(read(path), path, "exec"), namespace)
    finally:
        sys.modules.clear()
        sys.modules.update(saved)
    base = namespace["ConanFile"]
    recipes = [v for v in namespace.values()
               if isinstance(v, type) and issubclass(v, base) and v is not base]
    return recipes[0] if check(len(recipes) == 1, f"{path}: expected one ConanFile class") else None


def run_recipe(recipe_cls, source, option_values, os_name="Linux"):
    values = dict(recipe_cls.default_options)
    values = {k: v for k, v in values.items() if "/" not in k and ":" not in k}
    values.update(option_values)
    recipe = recipe_cls(source, values, _Settings(os=os_name, build_type="Release"))
    recipe.set_version()
    recipe.config_options()
    recipe.configure()
    recipe.requirements()
    recipe.generate()
    recipe.package_info()
    return recipe, _Toolchain.last


def check_conan(source, version, options, built):
    path = os.path.join(source, "conanfile.py")
    cls = load_recipe(path)
    if cls is None:
        return
    check(cls.name == "herokupp", "conanfile.py: name is not herokupp")
    check(cls.license == "MIT", "conanfile.py: license is not MIT")
    check(getattr(cls, "version", None) is None,
          "conanfile.py: hard-codes a version; set_version() reads CMakeLists.txt")
    want_options = {"shared", "fPIC"} | {o for _, _, o, _ in COMPONENTS.values()}
    check(set(cls.options) == want_options,
          f"conanfile.py options {sorted(cls.options)} != {sorted(want_options)}")
    exported = set(cls.exports_sources)
    for needed in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*"):
        check(needed in exported, f"conanfile.py exports_sources lacks {needed}")

    vcpkg_port = json.loads(read(os.path.join(source, "packaging", "vcpkg", "ports",
                                              "herokupp", "vcpkg.json")))
    for shared in (False, True):
        for combo in ({}, {"with_sim": True}, {"with_workflow": True},
                      {"with_sim": True, "with_workflow": True}):
            values = {"shared": shared, **combo}
            label = f"conanfile.py {values}"
            recipe, tc = run_recipe(cls, source, values)
            check(recipe.version == version, f"{label}: version {recipe.version} != CMake {version}")
            check(("fPIC" in recipe.options.keys()) != shared,
                  f"{label}: fPIC should exist exactly for static builds")
            cache = tc.cache_variables if tc else {}
            for component, (option, feature, conan_option, target) in COMPONENTS.items():
                on = bool(combo.get(conan_option, False))
                check(option in options, f"CMakeLists.txt has no option {option}")
                check(cache.get(option) is on, f"{label}: {option}={cache.get(option)}, expected {on}")
                comps = dict(recipe.cpp_info.components.items())
                check((component in comps) == on, f"{label}: component {component} present={component in comps}")
                if on and component in comps:
                    c = comps[component]
                    check(c.properties.get("cmake_target_name") == target,
                          f"{label}: component {component} target {c.properties.get('cmake_target_name')} != {target}")
                    check("herokupp" in c.requires, f"{label}: component {component} does not require the core")
                    if built and component in built["targets"]:
                        check(c.libs == [built["targets"][component]["file"]],
                              f"{label}: {component} libs {c.libs} != built {built['targets'][component]['file']}")
                    want = {DEPENDENCIES[d][0] for d in
                            dep_names(vcpkg_port["features"][feature].get("dependencies", []))}
                    got = {r.split("::")[0] for r in c.requires if "::" in r}
                    check(got == want, f"{label}: {component} requires {sorted(got)}, vcpkg feature has {sorted(want)}")
            for off in ("HEROKUPP_BUILD_TESTS", "HEROKUPP_BUILD_EXAMPLES", "HEROKUPP_BUILD_BENCH",
                        "HEROKUPP_BUILD_TOOLS"):
                check(cache.get(off) is False, f"{label}: {off} is not turned off")
            for name in cache:
                if name.startswith("HEROKUPP_"):
                    check(name in options, f"{label}: sets {name}, which CMakeLists.txt does not define")
            comps = dict(recipe.cpp_info.components.items())
            core = comps.get("herokupp")
            if check(core is not None, f"{label}: no component 'herokupp'"):
                check(core.properties.get("cmake_target_name") == "herokupp::herokupp",
                      f"{label}: core target is {core.properties.get('cmake_target_name')}")
                check(core.properties.get("pkg_config_name") == "herokupp",
                      f"{label}: core pkg-config name is not herokupp")
                check(core.libs == ["herokupp"], f"{label}: core libs {core.libs}")
                check(("HEROKUPP_SHARED" in core.defines) == shared,
                      f"{label}: HEROKUPP_SHARED define should be there exactly for shared builds")
                want = {DEPENDENCIES[d][0] for d in dep_names(vcpkg_port["dependencies"])
                        if d in DEPENDENCIES}
                got = {r.split("::")[0] for r in core.requires}
                check(got == want, f"{label}: core requires {sorted(got)}, vcpkg port has {sorted(want)}")
            check(recipe.cpp_info.properties.get("cmake_file_name") == "herokupp",
                  f"{label}: cmake_file_name is not herokupp")
            required = {ref.split("/")[0] for ref, _ in recipe.required}
            comp_reqs = {r.split("::")[0] for c in comps.values() for r in c.requires if "::" in r}
            check(required == comp_reqs,
                  f"{label}: requirements {sorted(required)} != what components use {sorted(comp_reqs)}")

    test_package = os.path.join(source, "test_package")
    check(os.path.exists(os.path.join(test_package, "conanfile.py")), "test_package/conanfile.py missing")
    cml = read(os.path.join(test_package, "CMakeLists.txt"))
    check("find_package(herokupp CONFIG REQUIRED)" in cml and "herokupp::herokupp" in cml,
          "test_package/CMakeLists.txt does not use find_package(herokupp) and herokupp::herokupp")


def check_cmake_package(source, version):
    config = read(os.path.join(source, "cmake", "herokuppConfig.cmake.in"))
    for dep in ("nlohmann_json", "Boost", "CURL", "OpenSSL"):
        check(re.search(rf"find_dependency\(\s*{dep}\b", config), f"herokuppConfig.cmake.in: no find_dependency({dep})")
    install = read(os.path.join(source, "cmake", "HerokuppInstall.cmake"))
    check("SameMajorVersion" in install, "HerokuppInstall.cmake: version compatibility is not SameMajorVersion")
    for component in COMPONENTS:
        check(component in install, f"HerokuppInstall.cmake does not handle component {component}")
    pc = read(os.path.join(source, "cmake", "herokupp.pc.in"))
    check("Version: @PROJECT_VERSION@" in pc, "herokupp.pc.in does not take its version from the project")
    changelog = read(os.path.join(source, "CHANGELOG.md"))
    check(re.search(rf"^## \[{re.escape(version)}\]", changelog, re.M),
          f"CHANGELOG.md has no section for {version}")
    license_text = read(os.path.join(source, "LICENSE"))
    check(license_text.startswith("MIT License") and "Copyright (c) 2026 The herokupp authors" in license_text,
          "LICENSE is not the MIT license of the herokupp authors")
    cmakelists = read(os.path.join(source, "CMakeLists.txt"))
    for port, (_, cmake_name) in DEPENDENCIES.items():
        if port in ("boost-outcome", "curl", "nlohmann-json", "openssl"):
            check(re.search(rf"find_package\(\s*{cmake_name}\b", cmakelists),
                  f"CMakeLists.txt does not find {cmake_name}, a dependency of every package")


def check_build(build, version):
    header = read(os.path.join(build, "include", "herokupp", "version.hpp"))
    m = re.search(r'#define HEROKUPP_VERSION_STRING "([^"]+)"', header)
    check(m and m.group(1) == version, f"version.hpp says {m and m.group(1)}, CMake says {version}")
    facts = json.loads(read(os.path.join(build, "packaging", "herokupp-package.json")))
    check(facts["version"] == version, "herokupp-package.json version differs")
    check(facts["targets"].get("herokupp", {}).get("target") == "herokupp::herokupp",
          "the build does not export herokupp::herokupp")
    for component, info in facts["targets"].items():
        if component == "herokupp":
            continue
        check(component in COMPONENTS, f"the build exports an unknown component {component}")
        if component in COMPONENTS:
            check(info["target"] == COMPONENTS[component][3],
                  f"the build exports {info['target']} for {component}, packages say {COMPONENTS[component][3]}")
    pc = read(os.path.join(build, "packaging", "herokupp.pc"))
    check(f"Version: {version}" in pc, "the generated herokupp.pc has another version")
    return facts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--build")
    args = parser.parse_args()
    source = os.path.abspath(args.source)

    version, options = cmake_facts(source)
    built = check_build(args.build, version) if args.build else None
    check_cmake_package(source, version)
    check_vcpkg(source, version, options, built)
    check_conan(source, version, options, built)

    if FAILURES:
        print(f"packaging check: {len(FAILURES)} problems")
        for failure in FAILURES:
            print(f"  - {failure}")
        return 1
    components = ", ".join(sorted(built["targets"])) if built else "not built"
    print(f"packaging check: version {version} agrees across CMake, version.hpp, vcpkg, Conan, "
          f"CHANGELOG; features/options/targets agree (this build packages: {components})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
