"""Conan 2 recipe for herokupp.

    conan create . --build=missing -o "herokupp/*:with_sim=True"

The version is read from project(VERSION) in CMakeLists.txt, the one place
it is written. Targets match the CMake package that `cmake --install` writes:
herokupp::herokupp, and herokupp::sim / herokupp::workflow with the options
with_sim / with_workflow.
"""
import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir

required_conan_version = ">=2.0"


class HerokuppConan(ConanFile):
    name = "herokupp"
    description = "C++ SDK for the Heroku Platform API"
    license = "MIT"
    topics = ("heroku", "platform-api", "paas", "http", "sdk")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "shared": [True, False],
        "fPIC": [True, False],
        "with_sim": [True, False],
        "with_workflow": [True, False],
    }
    default_options = {
        "shared": False,
        "fPIC": True,
        "with_sim": False,
        "with_workflow": False,
        "boost/*:header_only": True,
    }
    exports_sources = (
        "CMakeLists.txt",
        "LICENSE",
        "cmake/*",
        "include/*",
        "src/*",
    )

    def set_version(self):
        if self.version:
            return
        cmakelists = load(self, os.path.join(self.recipe_folder, "CMakeLists.txt"))
        match = re.search(r"project\(\s*herokupp\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)", cmakelists)
        self.version = match.group(1)

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # nlohmann_json and Boost.Outcome appear in herokupp's public headers.
        self.requires("nlohmann_json/3.11.3", transitive_headers=True)
        self.requires("boost/1.85.0", transitive_headers=True)
        self.requires("libcurl/[>=7.85.0 <9]")
        # libcrypto: HMAC-SHA256 for config fingerprints and plan codes.
        self.requires("openssl/[>=1.1.1 <4]")
        # with_sim needs Boost.Asio and Boost.Beast, header-only parts of the
        # Boost already required.
        if self.options.with_workflow:
            self.requires("yaml-cpp/0.8.0")

    def validate(self):
        check_min_cppstd(self, 17)

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["HEROKUPP_BUILD_SIM"] = bool(self.options.with_sim)
        tc.cache_variables["HEROKUPP_BUILD_WORKFLOW"] = bool(self.options.with_workflow)
        tc.cache_variables["HEROKUPP_BUILD_TOOLS"] = False
        tc.cache_variables["HEROKUPP_BUILD_TESTS"] = False
        tc.cache_variables["HEROKUPP_BUILD_EXAMPLES"] = False
        tc.cache_variables["HEROKUPP_BUILD_BENCH"] = False
        tc.cache_variables["HEROKUPP_WARNINGS_AS_ERRORS"] = False
        tc.cache_variables["CMAKE_DISABLE_FIND_PACKAGE_Doxygen"] = True
        tc.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        # Conan generates its own CMake and pkg-config files from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "herokupp")
        self.cpp_info.set_property("pkg_config_name", "herokupp-all")

        core = self.cpp_info.components["herokupp"]
        core.set_property("cmake_target_name", "herokupp::herokupp")
        core.set_property("pkg_config_name", "herokupp")
        core.libs = ["herokupp"]
        core.requires = [
            "nlohmann_json::nlohmann_json", "boost::headers", "libcurl::curl", "openssl::crypto"
        ]
        if self.options.shared:
            core.defines = ["HEROKUPP_SHARED"]
        if self.settings.os in ("Linux", "FreeBSD"):
            core.system_libs = ["pthread"]

        if self.options.with_sim:
            sim = self.cpp_info.components["sim"]
            sim.set_property("cmake_target_name", "herokupp::sim")
            sim.libs = ["herokupp_sim"]
            sim.requires = ["herokupp", "boost::headers"]
            if self.settings.os in ("Linux", "FreeBSD"):
                sim.system_libs = ["pthread"]

        if self.options.with_workflow:
            workflow = self.cpp_info.components["workflow"]
            workflow.set_property("cmake_target_name", "herokupp::workflow")
            workflow.libs = ["herokupp_workflow"]
            workflow.requires = ["herokupp", "yaml-cpp::yaml-cpp"]
