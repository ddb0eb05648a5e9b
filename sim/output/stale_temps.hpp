#pragma once
// Temporary files of processes that died before they could remove them: an
// AtomicFile writes NAME.tmp.PID and renames it when complete, so a process
// killed with SIGKILL (or a power cut) leaves that name behind. The next run
// in the same folder removes the ones whose process is gone.
#include <chrono>
#include <string>
#include <vector>

namespace urbis {

// The process id a temporary name carries (NAME.tmp.PID), or 0 when the name
// is not a temporary one.
long temp_owner(const std::string& filename);

// Removes, in `dir` (not below it), the files and folders named NAME.tmp.PID
// whose process is no longer alive on this machine. With min_age > 0 they
// must also be unmodified for that long: in a folder that processes on
// other machines write into (the shards of a sweep on a shared file system),
// a process id says nothing about a process elsewhere, but a record there is
// written in milliseconds. Returns the names removed; errors are ignored
// (a name that cannot be removed is left for the next time).
std::vector<std::string> remove_stale_temps(const std::string& dir,
                                            std::chrono::seconds min_age = std::chrono::seconds(0));

}  // namespace urbis
