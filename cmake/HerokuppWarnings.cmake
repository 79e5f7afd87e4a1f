# herokupp_warnings: the strict warning set for herokupp's own targets only;
# consumers of the installed package never inherit it.
add_library(herokupp_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(herokupp_warnings INTERFACE -Wall -Wextra -Wpedantic)
  if(HEROKUPP_WARNINGS_AS_ERRORS)
    target_compile_options(herokupp_warnings INTERFACE -Werror)
  endif()
elseif(MSVC)
  target_compile_options(herokupp_warnings INTERFACE /W4 $<$<BOOL:${HEROKUPP_WARNINGS_AS_ERRORS}>:/WX>)
endif()
