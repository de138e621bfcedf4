// Only in the statically linked knotplan (CMakeLists.txt links it with -Wl,--wrap=dlopen).
// SQLite can load extensions with dlopen(); knotplan never asks it to, and a static binary
// could not load a shared object safely anyway. Sending SQLite's call here keeps glibc's
// static dlopen, and the link warning that comes with it, out of the binary.

extern "C" void* __wrap_dlopen(const char* /*file*/, int /*flags*/);

extern "C" void* __wrap_dlopen(const char* /*file*/, int /*flags*/) {
  return nullptr;
}
