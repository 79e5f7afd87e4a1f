# Regenerates the simulator's route tables into a temporary folder and fails
# when they differ from the committed src/sim/generated/routes.cpp.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(
  COMMAND "${PYTHON}" "${SOURCE}/tools/codegen/sim_tables.py" --schema "${SCHEMA}" --out "${WORK}"
  RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "tools/codegen/sim_tables.py failed (${status})")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/src/sim/generated/routes.cpp"
          "${SOURCE}/src/sim/generated/routes.cpp"
  RESULT_VARIABLE differs)
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "src/sim/generated/routes.cpp is stale: run "
                      "tools/codegen/sim_tables.py --schema <schema> --out .")
endif()
message(STATUS "src/sim/generated/routes.cpp is current")
