#pragma once
// Runs scenarios into temporary folders for the engine tests.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <tbb/global_control.h>

#include "sim/engine/run.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace urbis::test {

inline std::string source(const std::string& rel) { return std::string(URBIS_SOURCE_DIR) + "/" + rel; }

inline Scenario load(const std::string& rel) {
  static const Params defaults = load_defaults(source("configs/defaults.yaml"));
  return load_scenario(source(rel), defaults, {source("scenarios")});
}

inline RunContext context() {
  RunContext ctx;
  ctx.default_world_dir = source("configs/world");
  return ctx;
}

inline std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("urbis-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs s with `threads` workers, writing its CSV files into dir.
inline RunSummary run_into(const Scenario& s, const std::filesystem::path& dir, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  CsvOutput out(dir.string(), s);
  return run_scenario(s, out, context());
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace urbis::test
