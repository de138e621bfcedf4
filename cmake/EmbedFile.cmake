# Turns a text file into a C++ source that defines a std::string_view with its bytes.
# Called at build time: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P EmbedFile.cmake
# A raw string literal keeps the data readable in a debugger; the char array (not a
# constexpr string_view) avoids GCC's constexpr loop limit on large inputs.
file(READ "${INPUT}" content)
set(delimiter "knotplan_data")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedFile.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace knotplan::embedded {\n"
  "namespace {\n"
  "constexpr char raw_bytes[] = R\"${delimiter}(${content})${delimiter}\";\n"
  "}\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL}{raw_bytes, sizeof raw_bytes - 1};\n"
  "}  // namespace knotplan::embedded\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
