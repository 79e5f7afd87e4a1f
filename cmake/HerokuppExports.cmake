# herokupp_limit_exports(<target>): a shared herokupp library exports only
# the herokupp namespace.
#
# The public API is what HEROKUPP_API marks (the targets compile with hidden
# visibility). On ELF platforms a linker version script additionally makes
# local the weak template instantiations of the standard library that would
# otherwise leak from every shared object. tests/packaging/check_exports.py
# lists what remains and fails on anything internal or foreign.
include(CheckLinkerFlag)

set(HEROKUPP_EXPORTS_MAP "${CMAKE_CURRENT_LIST_DIR}/herokupp-exports.map")

function(herokupp_limit_exports target)
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "SHARED_LIBRARY")
    return()
  endif()
  set_target_properties(${target} PROPERTIES
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(NOT DEFINED HEROKUPP_HAVE_VERSION_SCRIPT)
    check_linker_flag(CXX "-Wl,--version-script=${HEROKUPP_EXPORTS_MAP}" HEROKUPP_HAVE_VERSION_SCRIPT)
  endif()
  if(HEROKUPP_HAVE_VERSION_SCRIPT)
    target_link_options(${target} PRIVATE "-Wl,--version-script=${HEROKUPP_EXPORTS_MAP}")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${HEROKUPP_EXPORTS_MAP}")
  endif()
endfunction()
