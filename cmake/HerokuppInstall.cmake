# Install and export rules: headers, libraries, the CMake package
# (herokuppConfig.cmake, herokuppConfigVersion.cmake, herokuppTargets.cmake and
# one targets file per optional component) and herokupp.pc.
#
# Included from the top-level CMakeLists.txt after every library target
# exists. Optional components are installed when their targets were built:
#   herokupp::sim       (HEROKUPP_BUILD_SIM)       -> herokuppSimTargets.cmake
#   herokupp::workflow  (HEROKUPP_BUILD_WORKFLOW)  -> herokuppWorkflowTargets.cmake
include(CMakePackageConfigHelpers)

set(HEROKUPP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/herokupp"
    CACHE STRING "Where herokuppConfig.cmake is installed, relative to the prefix")
set(HEROKUPP_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where herokupp.pc is installed, relative to the prefix")
mark_as_advanced(HEROKUPP_INSTALL_CMAKEDIR HEROKUPP_INSTALL_PKGCONFIGDIR)

# The optional library components that this build has, by component name.
set(HEROKUPP_COMPONENTS "")
foreach(component IN ITEMS sim workflow)
  if(TARGET herokupp::${component})
    list(APPEND HEROKUPP_COMPONENTS ${component})
  endif()
endforeach()

function(_herokupp_real_target out alias)
  get_target_property(real ${alias} ALIASED_TARGET)
  if(NOT real)
    set(real ${alias})
  endif()
  set(${out} ${real} PARENT_SCOPE)
endfunction()

# Headers of optional components install only with their component.
set(_herokupp_header_excludes "")
foreach(component IN ITEMS sim workflow)
  if(NOT component IN_LIST HEROKUPP_COMPONENTS)
    list(APPEND _herokupp_header_excludes PATTERN "${component}" EXCLUDE
                                          PATTERN "${component}.hpp" EXCLUDE)
  endif()
endforeach()

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/herokupp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT herokupp_development
        FILES_MATCHING PATTERN "*.hpp" ${_herokupp_header_excludes})
install(FILES "${PROJECT_BINARY_DIR}/include/herokupp/version.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/herokupp"
        COMPONENT herokupp_development)

install(TARGETS herokupp
        EXPORT herokuppTargets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT herokupp_runtime
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT herokupp_runtime
                NAMELINK_COMPONENT herokupp_development
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT herokupp_development
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT herokuppTargets
        NAMESPACE herokupp::
        FILE herokuppTargets.cmake
        DESTINATION "${HEROKUPP_INSTALL_CMAKEDIR}"
        COMPONENT herokupp_development)

foreach(component IN LISTS HEROKUPP_COMPONENTS)
  _herokupp_real_target(real herokupp::${component})
  string(SUBSTRING "${component}" 0 1 first)
  string(TOUPPER "${first}" first)
  string(SUBSTRING "${component}" 1 -1 rest)
  set(export_set "herokupp${first}${rest}Targets")
  install(TARGETS ${real}
          EXPORT ${export_set}
          RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT herokupp_runtime
          LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT herokupp_runtime
                  NAMELINK_COMPONENT herokupp_development
          ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT herokupp_development
          INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  install(EXPORT ${export_set}
          NAMESPACE herokupp::
          FILE ${export_set}.cmake
          DESTINATION "${HEROKUPP_INSTALL_CMAKEDIR}"
          COMPONENT herokupp_development)
endforeach()

# Programs: the simulator server comes with the sim component, the command-line
# tool with HEROKUPP_BUILD_TOOLS. herokuppConfig.cmake finds herokupp-sim
# again as the imported executable herokupp::herokupp-sim.
# (tools/herokupp installs the herokupp tool, target herokupp_tool, itself.)
set(HEROKUPP_PROGRAMS "")
foreach(program IN ITEMS herokupp-sim herokupp_tool)
  if(TARGET ${program})
    get_target_property(_herokupp_program_name ${program} OUTPUT_NAME)
    if(NOT _herokupp_program_name)
      set(_herokupp_program_name ${program})
    endif()
    list(APPEND HEROKUPP_PROGRAMS ${_herokupp_program_name})
    # Installed programs find herokupp's shared libraries beside the prefix.
    if(BUILD_SHARED_LIBS AND NOT APPLE AND NOT WIN32 AND NOT CMAKE_INSTALL_RPATH)
      file(RELATIVE_PATH _herokupp_bin_to_lib "/p/${CMAKE_INSTALL_BINDIR}" "/p/${CMAKE_INSTALL_LIBDIR}")
      set_target_properties(${program} PROPERTIES INSTALL_RPATH "$ORIGIN/${_herokupp_bin_to_lib}")
    endif()
    if(program STREQUAL "herokupp-sim")
      install(TARGETS ${program} RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT herokupp_runtime)
    endif()
  endif()
endforeach()

# The package configuration. Static builds also need the private link
# dependencies (libcurl, libcrypto, threads) of the archive at the consumer's link step.
get_target_property(_herokupp_type herokupp TYPE)
if(_herokupp_type STREQUAL "STATIC_LIBRARY")
  set(HEROKUPP_PACKAGE_STATIC ON)
else()
  set(HEROKUPP_PACKAGE_STATIC OFF)
endif()
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/herokuppConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/packaging/herokuppConfig.cmake"
  INSTALL_DESTINATION "${HEROKUPP_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/packaging/herokuppConfigVersion.cmake"
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/packaging/herokuppConfig.cmake"
              "${PROJECT_BINARY_DIR}/packaging/herokuppConfigVersion.cmake"
        DESTINATION "${HEROKUPP_INSTALL_CMAKEDIR}"
        COMPONENT herokupp_development)

# herokupp.pc, relocatable: paths are relative to the .pc file's own folder,
# so `cmake --install --prefix` and package managers can move the tree.
if(IS_ABSOLUTE "${HEROKUPP_INSTALL_PKGCONFIGDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}"
   OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(HEROKUPP_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _herokupp_up "/prefix/${HEROKUPP_INSTALL_PKGCONFIGDIR}" "/prefix")
  string(REGEX REPLACE "/$" "" _herokupp_up "${_herokupp_up}")
  set(HEROKUPP_PC_PREFIX "\${pcfiledir}/${_herokupp_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(HEROKUPP_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(HEROKUPP_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(HEROKUPP_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(HEROKUPP_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# Boost is header-only here and has no .pc file: its headers must be on the
# compiler's include path (they are, for system and package-manager installs).
# A static-only install lists libcurl and threads as public requirements, so
# that `pkg-config --libs herokupp` links without --static.
if(HEROKUPP_PACKAGE_STATIC)
  set(HEROKUPP_PC_CFLAGS "")
  set(HEROKUPP_PC_REQUIRES "nlohmann_json >= 3.9, libcurl, libcrypto")
  set(HEROKUPP_PC_REQUIRES_PRIVATE "")
  set(HEROKUPP_PC_LIBS " -pthread")
  set(HEROKUPP_PC_LIBS_PRIVATE "")
else()
  set(HEROKUPP_PC_CFLAGS " -DHEROKUPP_SHARED")
  set(HEROKUPP_PC_REQUIRES "nlohmann_json >= 3.9")
  set(HEROKUPP_PC_REQUIRES_PRIVATE "libcurl, libcrypto")
  set(HEROKUPP_PC_LIBS "")
  set(HEROKUPP_PC_LIBS_PRIVATE "-pthread")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/herokupp.pc.in"
               "${PROJECT_BINARY_DIR}/packaging/herokupp.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/packaging/herokupp.pc"
        DESTINATION "${HEROKUPP_INSTALL_PKGCONFIGDIR}"
        COMPONENT herokupp_development)

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/herokupp"
        COMPONENT herokupp_runtime)

# What this build packages, for tests/packaging/check_packaging.py.
set(_herokupp_json_targets "\"herokupp\": {\"target\": \"herokupp::herokupp\", \"file\": \"$<TARGET_FILE_BASE_NAME:herokupp>\"}")
foreach(component IN LISTS HEROKUPP_COMPONENTS)
  _herokupp_real_target(real herokupp::${component})
  get_target_property(export_name ${real} EXPORT_NAME)
  if(NOT export_name)
    set(export_name ${real})
  endif()
  string(APPEND _herokupp_json_targets
         ",\n    \"${component}\": {\"target\": \"herokupp::${export_name}\", \"file\": \"$<TARGET_FILE_BASE_NAME:${real}>\"}")
endforeach()
set(_herokupp_json_programs "")
foreach(program IN LISTS HEROKUPP_PROGRAMS)
  if(_herokupp_json_programs)
    string(APPEND _herokupp_json_programs ", ")
  endif()
  string(APPEND _herokupp_json_programs "\"${program}\"")
endforeach()
file(GENERATE OUTPUT "${PROJECT_BINARY_DIR}/packaging/herokupp-package.json" CONTENT
"{
  \"version\": \"${PROJECT_VERSION}\",
  \"programs\": [${_herokupp_json_programs}],
  \"shared\": $<IF:$<BOOL:${HEROKUPP_PACKAGE_STATIC}>,false,true>,
  \"targets\": {
    ${_herokupp_json_targets}
  }
}
")
