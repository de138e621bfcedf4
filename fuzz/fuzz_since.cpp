// Arbitrary text as --since: a value or a UsageError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "knotplan/error.hpp"
#include "knotplan/since.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const knotplan::FixedClock clock({2026, 11, 21});
  try {
    const knotplan::Since since = knotplan::parse_since(text, clock);
    if (since.hours < 0) __builtin_trap();  // parse_since never goes back in time
  } catch (const knotplan::UsageError&) {
  }
  return 0;
}
