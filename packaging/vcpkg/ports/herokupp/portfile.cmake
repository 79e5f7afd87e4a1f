# vcpkg overlay port for herokupp.
#
# This port builds the source tree it lives in, so that a checkout can be
# consumed before any release exists:
#
#   vcpkg install herokupp[sim,workflow] --overlay-ports=<herokupp>/packaging/vcpkg/ports
#
# A registry port would fetch a release instead, with
#   vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH REPO <owner>/herokupp
#                     REF "v${VERSION}" SHA512 <sha512 of the archive>)
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)
if(NOT EXISTS "${SOURCE_PATH}/CMakeLists.txt")
  message(FATAL_ERROR "herokupp sources not found at ${SOURCE_PATH}")
endif()

vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  FEATURES
    sim      HEROKUPP_BUILD_SIM
    workflow HEROKUPP_BUILD_WORKFLOW
    tools    HEROKUPP_BUILD_TOOLS
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DHEROKUPP_BUILD_TESTS=OFF
    -DHEROKUPP_BUILD_EXAMPLES=OFF
    -DHEROKUPP_BUILD_BENCH=OFF
    -DHEROKUPP_WARNINGS_AS_ERRORS=OFF
    -DHEROKUPP_INSTALL=ON
    -DCMAKE_DISABLE_FIND_PACKAGE_Doxygen=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME herokupp CONFIG_PATH lib/cmake/herokupp)
vcpkg_fixup_pkgconfig()

# Programs go to tools/herokupp/: the simulator server comes with "sim", the
# command-line tool with "tools".
set(tool_names "")
if("tools" IN_LIST FEATURES)
  list(APPEND tool_names herokupp)
endif()
if("sim" IN_LIST FEATURES)
  list(APPEND tool_names herokupp-sim)
endif()
if(tool_names)
  vcpkg_copy_tools(TOOL_NAMES ${tool_names} AUTO_CLEAN)
endif()

file(REMOVE_RECURSE
  "${CURRENT_PACKAGES_DIR}/debug/include"
  "${CURRENT_PACKAGES_DIR}/debug/share"
  "${CURRENT_PACKAGES_DIR}/share/doc")
if(VCPKG_LIBRARY_LINKAGE STREQUAL "static")
  file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/bin" "${CURRENT_PACKAGES_DIR}/debug/bin")
endif()

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
