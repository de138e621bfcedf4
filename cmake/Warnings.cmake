# Warnings live on an INTERFACE target that our own targets link PRIVATE, so that nothing
# that consumes knotplan_core inherits them and no flag is set globally.
add_library(knotplan_warnings INTERFACE)
target_compile_options(knotplan_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow>)
