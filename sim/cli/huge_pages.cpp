#include "sim/cli/huge_pages.hpp"

#include <malloc.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>

namespace urbis {
namespace {

// A first touch of a 4 KiB page costs a fault; a world of 10^6 cities
// touches some 10^5 pages in a run, and on virtual machines a fault can cost
// 10 microseconds or more. glibc's malloc, told so, marks the blocks it maps
// MADV_HUGEPAGE, and a 2 MiB page then costs one fault.
constexpr std::string_view kHugeTlb = "glibc.malloc.hugetlb";

constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    true;  // the sanitizers' own allocators ignore glibc's tunables
#else
    false;
#endif

}  // namespace

std::optional<std::string> tunables_with_huge_pages(const char* given, const char* off, std::string_view thp_modes) {
  if (off) {
    std::string word(off);
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (word == "0" || word == "off" || word == "no" || word == "false") return std::nullopt;
  }
  const std::string tunables = given ? given : "";
  if (tunables.find(kHugeTlb) != std::string::npos) return std::nullopt;  // already asked for, or refused
  if (thp_modes.find("[madvise]") == std::string_view::npos) return std::nullopt;
  return tunables + (tunables.empty() ? "" : ":") + std::string(kHugeTlb) + "=1";
}

void restart_with_huge_pages(char** argv) {
  if (kSanitized) return;
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  const char* given = std::getenv("GLIBC_TUNABLES");
  const std::optional<std::string> tunables = tunables_with_huge_pages(given, std::getenv("URBIS_HUGE_PAGES"), modes);
  if (!tunables) return;
  const std::string before = given ? given : "";
  if (setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Not restarted (no /proc, say): go on with 4 KiB pages, and leave the
  // variable as it was for the programs this one starts.
  if (given) setenv("GLIBC_TUNABLES", before.c_str(), 1);
  else unsetenv("GLIBC_TUNABLES");
}

void keep_freed_memory() {
  // glibc's ceilings: a larger mmap threshold is refused. The sanitizers'
  // allocators take mallopt and ignore it.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

std::string memory_pages_in_use() {
  if (kSanitized) return "the sanitizer's allocator (no huge pages asked for)";
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::string_view(tunables).find(std::string(kHugeTlb) + "=1") != std::string_view::npos)
    return "large blocks in 2 MiB transparent huge pages (GLIBC_TUNABLES glibc.malloc.hugetlb=1)";
  return "4 KiB pages (URBIS_HUGE_PAGES, docs/PERFORMANCE.md)";
}

}  // namespace urbis
