#ifndef KNOTPLAN_OUTPUT_FILE_HPP_
#define KNOTPLAN_OUTPUT_FILE_HPP_

#include <string>
#include <string_view>

namespace knotplan {

// Writes `content` to `path` so that readers see either the old file or the whole new
// one: it writes a temporary file in the same folder, flushes it to disk, then renames
// it over `path`. On any failure the old file is untouched, the temporary file is
// removed, and IoError names the path and the reason.
void write_file_atomically(const std::string& path, std::string_view content);

// Writes all of `content` to standard output. Throws IoError when it cannot.
void write_standard_output(std::string_view content);

}  // namespace knotplan

#endif  // KNOTPLAN_OUTPUT_FILE_HPP_
