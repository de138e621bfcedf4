#ifndef KNOTPLAN_OUTPUT_FILE_HPP_
#define KNOTPLAN_OUTPUT_FILE_HPP_

#include <string>
#include <string_view>

namespace knotplan {

// Writes `content` through whatever is at `path`, as `-o FILE` promises:
// - a regular file, or no file yet, is replaced atomically: readers see the old file or
//   the whole new one. An existing file keeps its mode and, where the process may set
//   it, its owner and group; a new file gets 0666 less the umask, like any program's.
// - a regular file with more than one hard link is rewritten in place, so that every
//   name still shows the same file (as editors do); it is then not atomic.
// - a symbolic link, even a dangling one, is followed: its target is written as above.
// - anything else (a device, a FIFO, /dev/stdout) is opened and written directly.
// On any failure IoError names the path and the reason, and no temporary file is left.
void write_output_file(const std::string& path, std::string_view content);

// Whether both paths exist and name the same file, following symbolic links.
bool same_file(const std::string& first, const std::string& second);

// Writes all of `content` to standard output. Throws IoError when it cannot.
void write_standard_output(std::string_view content);

}  // namespace knotplan

#endif  // KNOTPLAN_OUTPUT_FILE_HPP_
