#pragma once
// Large memory in 2 MiB pages: asks the C library, before any work, to back
// its large blocks with transparent huge pages (docs/PERFORMANCE.md, "Memory
// pages").
#include <optional>
#include <string>
#include <string_view>

namespace urbis {

// The GLIBC_TUNABLES this program should run with, or nothing when it should
// run as it is: `given` is the variable as found (null: unset), `off` is
// URBIS_HUGE_PAGES (null: unset; "0", "off", "no" or "false", in any case, turn this off), `thp_modes` the line
// of /sys/kernel/mm/transparent_hugepage/enabled ("always [madvise] never").
// Only the madvise mode needs asking: "always" gives huge pages unasked,
// "never" not at all.
std::optional<std::string> tunables_with_huge_pages(const char* given, const char* off, std::string_view thp_modes);

// Where tunables_with_huge_pages says so, starts this program again in place
// (same process, arguments and open files) with those tunables. Returns when
// nothing is to be done or the restart failed. Call first in main, before
// any thread starts.
void restart_with_huge_pages(char** argv);

// Keeps the blocks the program frees (up to 32 MiB each, 64 MiB at the top
// of the heap) for its next allocations instead of handing them back to the
// system: a block handed back is a fresh page when it is next needed, and a
// first touch costs a fault, or the zeroing of a whole 2 MiB page. Loading
// the real world grows vectors through every size up to a few MiB; this
// took its load from 53 to 42 ms. Call first in main, before allocating.
void keep_freed_memory();

// The pages this process's allocator gives large blocks, in words, for the
// log (urbis -v): "2 MiB transparent huge pages", "4 KiB pages" or the
// sanitizer's own allocator.
std::string memory_pages_in_use();

}  // namespace urbis
