#include "sim/cli/huge_pages.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace urbis {
namespace {

// A first touch of a 4 KiB page costs a fault; a world of 10^6 cities
// touches some 10^5 pages in a run, and on virtual machines a fault can cost
// 10 microseconds or more. glibc's malloc, told so, marks the blocks it maps
// MADV_HUGEPAGE, and a 2 MiB page then costs one fault.
bool kernel_gives_pages_on_request() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  return modes.find("[madvise]") != std::string::npos;
}

constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    true;  // the sanitizers' own allocators ignore glibc's tunables
#else
    false;
#endif

}  // namespace

void restart_with_huge_pages(char** argv) {
  if (kSanitized) return;
  if (const char* off = std::getenv("URBIS_HUGE_PAGES"); off && std::string(off) == "0") return;
  const char* given = std::getenv("GLIBC_TUNABLES");
  std::string tunables = given ? given : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // already asked (or refused)
  if (!kernel_gives_pages_on_request()) return;
  tunables += (tunables.empty() ? "" : ":") + std::string("glibc.malloc.hugetlb=1");
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Not restarted (no /proc, say): go on with 4 KiB pages, and leave no
  // setting behind for the programs this one starts.
  if (given) setenv("GLIBC_TUNABLES", given, 1);
  else unsetenv("GLIBC_TUNABLES");
}

}  // namespace urbis
