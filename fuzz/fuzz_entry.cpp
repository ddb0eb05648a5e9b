#include "fuzz/fuzz_entry.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <new>
#include <string>
#include <system_error>

#include <unistd.h>

#include "sim/core/input_error.hpp"

namespace urbis::fuzz {
namespace {

// A folder of our own, made once per process (several fuzzer jobs and ctest
// runs may share the temporary folder) and removed at exit. Never
// destroyed, so the exit handler can still read its name.
const std::string& work_dir() {
  static const std::string* dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "urbis-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw Violation("cannot make a temporary folder for the inputs");
    return new std::string(tmpl);
  }();
  static const bool cleanup = [] {
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*dir, ec);
    });
    return true;
  }();
  (void)cleanup;
  return *dir;
}

// Errors about the file as a whole, which have no line to point at.
bool whole_file_error(const std::string& message) {
  for (const char* prefix : {"the scenario file is empty", "the sweep file is empty", "scenario file is ",
                             "sweep file is ", "scenario file is larger", "sweep file is larger"})
    if (message.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace

Outcome check_with(const std::uint8_t* data, std::size_t size, const char* name,
                   void (*load)(const std::string& path)) {
  const std::string path = work_dir() + "/" + name;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0)
    throw Violation("cannot write the input to " + path);
  try {
    load(path);
    return Outcome{true, {}};
  } catch (const InputError& e) {
    const SourcePlace& p = e.where();
    if (p.file.empty()) throw Violation("an InputError without a file: " + e.message());
    // A stray exception that load_scenario's guard turned into an error
    // without a place is a bug too: it hides where the input went wrong.
    if ((p.line <= 0 || p.column <= 0) && !whole_file_error(e.message()))
      throw Violation("an InputError without line and column: " + format_place(p) + ": " + e.message());
    return Outcome{false, format_place(p) + ": " + e.message()};
  } catch (const std::bad_alloc&) {
    throw Violation("out of memory (std::bad_alloc)");
  } catch (const std::exception& e) {
    throw Violation(std::string("an exception other than InputError: ") + e.what());
  } catch (...) {
    throw Violation("an exception of unknown type");
  }
}

}  // namespace urbis::fuzz
