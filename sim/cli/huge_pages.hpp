#pragma once
// Large memory in 2 MiB pages: asks the C library, before any work, to back
// its large blocks with transparent huge pages (docs/PERFORMANCE.md, "Memory
// pages").

namespace urbis {

// Where the kernel hands out transparent huge pages only to memory that asks
// for them ("madvise" mode, Debian's default) and glibc has not been told to
// ask, starts this program again in place (same process, arguments and
// files) with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 added. Returns when
// nothing is to be done or the restart failed; URBIS_HUGE_PAGES=0 turns it
// off. Call first in main, before any thread starts.
void restart_with_huge_pages(char** argv);

}  // namespace urbis
