#pragma once
// Finished outputs appear all at once or not at all. A job writes into a
// work folder inside its output folder, named like a temporary file
// (DIR/.NAME.tmp.PID, so that if the process dies the next job in DIR
// removes it as stale), and moves its files in when all are complete, its
// record (run.json, comparison.json) last. A job interrupted before that
// leaves DIR as it was: the earlier outputs, or nothing.
#include <filesystem>
#include <string>
#include <vector>

namespace urbis {

class WorkFolder {
 public:
  WorkFolder(const std::filesystem::path& dir, const std::string& name);
  ~WorkFolder();  // removes the folder and what is left in it
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

  // Moves `entries` (files or folders) from the work folder into `dir`,
  // replacing what is there, then `record` last. The old record is removed
  // first, so from then on `dir` never claims a finished job it does not
  // hold; entries of `old_entries` (the old record's list) not written
  // again are removed at the end.
  void move_in(const std::filesystem::path& dir, const std::vector<std::string>& entries, const std::string& record,
               const std::vector<std::string>& old_entries = {});

 private:
  std::filesystem::path path_;
};

}  // namespace urbis
