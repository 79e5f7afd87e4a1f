# The `docs` target: the API reference (Doxygen, over the public headers and
# the guides in docs/). Doxygen is optional; without it there is no target.
#
#   HEROKUPP_DOCS_WARN_AS_ERROR   fail on any Doxygen warning (default ON)
#
# When tests are built and Doxygen is present, CTest runs the same build as
# the test `docs` (label `docs`), so a warning in a public header fails CI.
# Every public declaration must be documented (WARN_IF_UNDOCUMENTED), the
# generated headers included: an undocumented member is a warning too.
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND OR NOT EXISTS "${PROJECT_SOURCE_DIR}/docs/Doxyfile.in")
  return()
endif()

option(HEROKUPP_DOCS_WARN_AS_ERROR "Fail the docs target on any Doxygen warning" ON)
set(HEROKUPP_DOCS_WARN_UNDOCUMENTED YES)
if(HEROKUPP_DOCS_WARN_AS_ERROR)
  set(HEROKUPP_DOCS_WARN_AS_ERROR FAIL_ON_WARNINGS)
else()
  set(HEROKUPP_DOCS_WARN_AS_ERROR NO)
endif()
set(HEROKUPP_DOCS_OUTPUT "${PROJECT_BINARY_DIR}/docs")
set(HEROKUPP_DOCS_INPUT
    "\"${PROJECT_SOURCE_DIR}/include/herokupp\" \"${PROJECT_BINARY_DIR}/include/herokupp/version.hpp\" \"${PROJECT_SOURCE_DIR}/docs\"")
if(EXISTS "${PROJECT_SOURCE_DIR}/README.md")
  set(HEROKUPP_DOCS_MAINPAGE "${PROJECT_SOURCE_DIR}/README.md")
  string(APPEND HEROKUPP_DOCS_INPUT " \"${PROJECT_SOURCE_DIR}/README.md\"")
else()
  set(HEROKUPP_DOCS_MAINPAGE "${PROJECT_SOURCE_DIR}/docs/getting-started.md")
endif()
configure_file("${PROJECT_SOURCE_DIR}/docs/Doxyfile.in" "${HEROKUPP_DOCS_OUTPUT}/Doxyfile" @ONLY)

add_custom_target(docs
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${HEROKUPP_DOCS_OUTPUT}"
  COMMAND Doxygen::doxygen "${HEROKUPP_DOCS_OUTPUT}/Doxyfile"
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "API reference -> ${HEROKUPP_DOCS_OUTPUT}/html/index.html"
  VERBATIM)
