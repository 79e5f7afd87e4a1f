#!/usr/bin/env python3
"""Builds and runs the consumer projects: herokupp as its users take it.

    run_consumers.py --source DIR --build DIR --work DIR [--cxx C++] [--launcher ccache]
                     [--generator Ninja] [--jobs 2] [--only NAME,...]

1. Installs the already-built library of --build (scripts/test's normal
   build, static) into <work>/prefix-static. Builds the add_subdirectory
   consumer, which vendors herokupp, with the other linkage and installs that
   vendored herokupp into <work>/prefix-shared: one build serves both, and
   the FetchContent consumer, built the same way in a mirrored tree, takes
   its objects from ccache. Checks the shared library's exported symbols.
2. Compiles every installed header from the static prefix alone.
3. Builds and runs, each as a separate tiny project:
     find_package (static)   tests/consumers/find_package against prefix-static
     find_package (shared)   the same against prefix-shared
     test_package            the Conan test_package/ sources against prefix-static
     pkg-config (shared)     a plain compiler command line with `pkg-config --cflags --libs`
     pkg-config (static)     the same against prefix-static
     add_subdirectory        tests/consumers/add_subdirectory, herokupp vendored
                             (the other linkage's build, above)
     FetchContent            tests/consumers/fetchcontent, from the local source tree
Build trees are kept under <work> between runs, so a rerun is incremental.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class Failure(Exception):
    pass


def run(cmd, cwd=None, env=None, log=None):
    shown = " ".join(shlex.quote(c) for c in cmd)
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    if log is not None:
        log.append(f"$ {shown}\n{proc.stdout}")
    if proc.returncode != 0:
        raise Failure(f"command failed ({proc.returncode}): {shown}\n{proc.stdout[-6000:]}")
    return proc.stdout


class Driver:
    def __init__(self, args):
        self.args = args
        self.source = os.path.abspath(args.source)
        self.build = os.path.abspath(args.build)
        self.work = os.path.abspath(args.work)
        self.results = []
        os.makedirs(self.work, exist_ok=True)
        # Paths below the source tree reach ccache relative to the build
        # directory, so the add_subdirectory and FetchContent builds, which
        # compile the same commands in mirrored trees, share results.
        os.environ.setdefault("CCACHE_BASEDIR", self.source)

    def cmake_configure(self, src, bld, *extra):
        cmd = ["cmake", "-S", src, "-B", bld, "-G", self.args.generator,
               f"-DCMAKE_CXX_COMPILER={self.args.cxx}", "-DCMAKE_BUILD_TYPE="]
        if self.args.launcher:
            cmd.append(f"-DCMAKE_CXX_COMPILER_LAUNCHER={self.args.launcher}")
        run(cmd + list(extra))

    def cmake_build(self, bld, *extra):
        run(["cmake", "--build", bld, "-j", str(self.args.jobs)] + list(extra))

    def step(self, name, fn):
        if self.args.only and name.split(" ")[0] not in self.args.only:
            return
        start = time.monotonic()
        try:
            detail = fn() or ""
            ok = True
        except Failure as e:
            detail = str(e)
            ok = False
        seconds = time.monotonic() - start
        self.results.append((name, ok, seconds))
        status = "ok" if ok else "FAILED"
        print(f"[{status:>6}] {name:<28} {seconds:6.1f}s  {detail.strip().splitlines()[-1] if ok and detail.strip() else ''}",
              flush=True)
        if not ok:
            print(detail, flush=True)

    # --- prefixes -------------------------------------------------------

    def prefix(self, linkage):
        return os.path.join(self.work, f"prefix-{linkage}")

    def parent_linkage(self):
        facts = os.path.join(self.build, "packaging", "herokupp-package.json")
        with open(facts) as f:
            return "shared" if json.load(f)["shared"] else "static"

    def install_parent(self):
        """Installs the build this test belongs to: no extra compile."""
        linkage = self.parent_linkage()
        prefix = self.prefix(linkage)
        shutil.rmtree(prefix, ignore_errors=True)
        run(["cmake", "--install", self.build, "--prefix", prefix])
        return f"installed {self.build} -> {prefix}"

    def other_linkage(self):
        return "static" if self.parent_linkage() == "shared" else "shared"

    def vendored_options(self):
        """How the add_subdirectory and FetchContent consumers configure the
        vendored herokupp: identical, so that their compile commands match."""
        # Not a unity build, whatever the parent build was: compiled file by
        # file, the library proves that each of its sources includes what it
        # uses (scripts/test's passes are unity builds).
        return [f"-DHEROKUPP_SOURCE_DIR={self.source}", "-DCMAKE_UNITY_BUILD=OFF",
                f"-DBUILD_SHARED_LIBS={'ON' if self.other_linkage() == 'shared' else 'OFF'}",
                "-DHEROKUPP_WARNINGS_AS_ERRORS=ON",
                "-DCMAKE_DISABLE_FIND_PACKAGE_Doxygen=ON"]

    def install_other(self):
        """Builds the add_subdirectory consumer, herokupp vendored with the
        other linkage, whole (the libraries and the herokupp-sim program), and
        installs the vendored herokupp: what a user who vendors it and
        installs their project gets."""
        bld = os.path.join(self.work, "add_subdirectory")
        prefix = self.prefix(self.other_linkage())
        self.cmake_configure(os.path.join(HERE, "add_subdirectory"), bld, *self.vendored_options())
        self.cmake_build(bld)
        shutil.rmtree(prefix, ignore_errors=True)
        run(["cmake", "--install", bld, "--prefix", prefix])
        return f"built {bld} and installed -> {prefix}"

    def check_exports(self):
        libdir = os.path.join(self.prefix("shared"), "lib")
        libs = sorted(f for f in os.listdir(libdir) if f.startswith("libherokupp") and ".so." in f
                      and f.count(".") == 4)
        if not libs:
            raise Failure(f"no versioned shared library in {libdir}")
        out = []
        for lib in libs:
            out.append(run([sys.executable, os.path.join(self.source, "tests", "packaging", "check_exports.py"),
                            os.path.join(libdir, lib),
                            "--list", os.path.join(self.work, f"{lib}.exported-symbols.txt")]))
        return "; ".join(os.path.basename(o.strip().splitlines()[0]) for o in out)

    def installed_headers(self):
        """Every installed header compiles, from the prefix alone, in one unit."""
        prefix = self.prefix("static")
        include = os.path.join(prefix, "include")
        headers = sorted(os.path.relpath(os.path.join(d, f), include)
                         for d, _, files in os.walk(os.path.join(include, "herokupp"))
                         for f in files if f.endswith(".hpp"))
        # Until the generated models and endpoints are in the source tree, the
        # hand-written headers over them cannot compile anywhere.
        skipped = []
        if not os.path.isdir(os.path.join(self.source, "include", "herokupp", "models")):
            for h in list(headers):
                with open(os.path.join(include, h)) as f:
                    text = f.read()
                if "<herokupp/models/" in text or "<herokupp/api/" in text or h == "herokupp/herokupp.hpp":
                    headers.remove(h)
                    skipped.append(h)
        unit = os.path.join(self.work, "all_headers.cpp")
        with open(unit, "w") as f:
            f.write("".join(f"#include <{h}>\n" for h in headers))
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(prefix, "lib", "pkgconfig"))
        flags = run(["pkg-config", "--cflags", "herokupp"], env=env).split()
        run([self.args.cxx, "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic",
             "-Werror", *flags, unit])
        note = f" ({len(skipped)} skipped: no generated models yet)" if skipped else ""
        return f"{len(headers)} headers compile from {include}{note}"

    # --- consumers ------------------------------------------------------

    def cmake_consumer(self, project, name, *defs, expect_shared=None):
        bld = os.path.join(self.work, name)
        self.cmake_configure(os.path.join(HERE, project) if not os.path.isabs(project) else project,
                             bld, *defs)
        name_of_exe = ("consumer" if project != os.path.join(self.source, "test_package")
                       else "test_package")
        # Only the consumer and what it links: a vendored herokupp's other
        # targets (workflow, the herokupp-sim program) are configured, which
        # checks their CMake, but not compiled, which proves nothing more.
        self.cmake_build(bld, "--target", name_of_exe)
        exe = os.path.join(bld, name_of_exe)
        if expect_shared is not None:
            self.check_linkage(exe, expect_shared)
        return run([exe])

    def check_linkage(self, exe, shared):
        dynamic = run(["readelf", "-d", exe])
        linked = "libherokupp.so" in dynamic
        if linked != shared:
            raise Failure(f"{exe} {'does not link' if shared else 'links'} libherokupp.so dynamically")

    def find_package(self, linkage):
        return self.cmake_consumer("find_package", f"find_package-{linkage}",
                                   f"-DCMAKE_PREFIX_PATH={self.prefix(linkage)}",
                                   expect_shared=(linkage == "shared"))

    def test_package(self):
        return self.cmake_consumer(os.path.join(self.source, "test_package"), "test_package",
                                   f"-DCMAKE_PREFIX_PATH={self.prefix('static')}")

    def start_simulator(self, prefix):
        """Starts the installed herokupp-sim on a free loopback port; returns the
        process and the environment naming it (the key is never printed)."""
        program = os.path.join(prefix, "bin", "herokupp-sim")
        if not os.path.exists(program):
            raise Failure(f"{program} was not installed")
        proc = subprocess.Popen([program, "--port", "0"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        first = proc.stdout.readline()
        env = dict(os.environ)
        for assignment in first.split():
            name, _, value = assignment.partition("=")
            if name in ("HEROKU_API_URL", "HEROKU_API_KEY"):
                env[name] = value
        if "HEROKU_API_URL" not in env or not env["HEROKU_API_URL"].startswith("http://127.0.0.1:"):
            proc.kill()
            raise Failure(f"herokupp-sim did not announce a loopback URL: {proc.stderr.read()[-2000:]}")
        env.pop("HEROKU_HOST", None)
        return proc, env

    def pkgconfig(self, linkage):
        prefix = self.prefix(linkage)
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(prefix, "lib", "pkgconfig"))
        flags = run(["pkg-config", "--cflags", "--libs", "herokupp"], env=env).split()
        exe = os.path.join(self.work, f"pkgconfig-{linkage}", "consumer")
        os.makedirs(os.path.dirname(exe), exist_ok=True)
        cmd = [self.args.cxx, "-std=c++17", f'-DHEROKUPP_CONSUMER="pkg-config ({linkage})"',
               os.path.join(HERE, "common", "consumer_main.cpp"), *flags, "-o", exe]
        if linkage == "shared":
            cmd.insert(-2, f"-Wl,-rpath,{os.path.join(prefix, 'lib')}")
        run(cmd)
        self.check_linkage(exe, linkage == "shared")
        sim, sim_env = self.start_simulator(prefix)
        try:
            return run([exe], env=sim_env)
        finally:
            sim.terminate()
            try:
                sim.wait(timeout=10)
            except subprocess.TimeoutExpired:
                sim.kill()
                sim.wait()

    def add_subdirectory(self):
        return self.cmake_consumer("add_subdirectory", "add_subdirectory", *self.vendored_options(),
                                   expect_shared=(self.other_linkage() == "shared"))

    def fetchcontent(self):
        return self.cmake_consumer("fetchcontent", "fetchcontent", *self.vendored_options(),
                                   expect_shared=(self.other_linkage() == "shared"))

    def main(self):
        total = time.monotonic()
        self.step(f"install {self.parent_linkage()} (this build)", self.install_parent)
        self.step(f"install {self.other_linkage()} (vendored)", self.install_other)
        self.step("exported symbols (shared)", self.check_exports)
        self.step("installed headers", self.installed_headers)
        self.step("find_package (static)", lambda: self.find_package("static"))
        self.step("find_package (shared)", lambda: self.find_package("shared"))
        self.step("test_package (static)", self.test_package)
        self.step("pkg-config (shared)", lambda: self.pkgconfig("shared"))
        self.step("pkg-config (static)", lambda: self.pkgconfig("static"))
        self.step("add_subdirectory", self.add_subdirectory)
        self.step("FetchContent", self.fetchcontent)
        failed = [name for name, ok, _ in self.results if not ok]
        print(f"consumers: {len(self.results) - len(failed)} passed, {len(failed)} failed "
              f"in {time.monotonic() - total:.0f}s")
        return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True, help="a configured and built static herokupp")
    parser.add_argument("--work", required=True)
    parser.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    parser.add_argument("--launcher", default="")
    parser.add_argument("--generator", default="Ninja")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", type=lambda s: s.split(","), default=None,
                        help="run only steps whose first word is listed (install,find_package,...)")
    args = parser.parse_args()
    return Driver(args).main()


if __name__ == "__main__":
    sys.exit(main())
