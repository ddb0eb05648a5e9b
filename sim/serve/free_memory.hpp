#pragma once
// Hands memory freed after a large, short-lived build (the report's JSON
// tree, a debrief) back to the system, so that a server's footprint follows
// its data, not the peak of its busiest moment (glibc keeps freed memory
// otherwise).
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace urbis::serve {

inline void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace urbis::serve
