#include "sim/output/run_record.hpp"

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/core/param_table.hpp"
#include "sim/output/atomic_file.hpp"

namespace urbis {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string scenario_hash(const Scenario& s) {
  std::uint64_t h = 1469598103934665603ULL;
  auto feed = [&](const std::string& text) {
    for (unsigned char ch : text) h = (h ^ ch) * 1099511628211ULL;
  };
  std::vector<std::string> files = s.chain;
  if (files.empty()) files.push_back(s.file);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    feed(ss.str());
  }
  return fmt::format("{:016x}", h);
}

void write_run_json(const std::string& path, const Scenario& s, const RunSummary& sum, const RunRecord& r) {
  nlohmann::ordered_json j;
  j["scenario"] = s.name;
  j["description"] = s.description;
  j["scenario_file"] = s.file;
  j["scenario_hash"] = scenario_hash(s);
  j["seed"] = s.seed;
  j["start"] = s.start;
  j["end"] = s.end;
  j["version"] = URBIS_VERSION;
  j["threads"] = r.threads;
  j["started"] = r.started_utc;
  j["finished"] = r.finished_utc;
  j["wall_seconds"] = r.wall_seconds;
  j["load_seconds"] = sum.load_seconds;
  j["step_seconds"] = sum.step_seconds;
  nlohmann::ordered_json phases;
  for (std::size_t k = 0; k < kPhaseNames.size(); ++k) phases[std::string(kPhaseNames[k])] = sum.phases.seconds[k];
  j["phase_seconds"] = phases;
  j["world"] = s.world.kind == WorldSpec::Kind::synthetic ? "synthetic" : "real";
  j["cities"] = sum.cities;
  j["states"] = sum.states;
  j["networks_ever"] = sum.networks_ever;
  j["protagonists"] = s.protagonists;
  j["world_problems"] = sum.world_problems;
  j["files"] = r.files;
  j["command_line"] = r.command_line;
  j["overrides"] = s.overrides;
  nlohmann::ordered_json params;
  for (const auto& spec : param_table()) params[spec.path] = get_param(s.params, spec);
  j["parameters"] = params;
  // Units of every column of the files written, in the files' order (""
  // for text); the meaning of each is in docs/OUTPUTS.md.
  nlohmann::ordered_json units = nlohmann::ordered_json::object();
  for (const auto& file : r.files) {
    const auto it = r.units.find(file);
    if (it == r.units.end()) continue;
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& [column, unit] : it->second) columns[column] = unit;
    units[file] = std::move(columns);
  }
  j["units"] = units;
  write_file_atomically(path, j.dump(2) + "\n");
}

}  // namespace urbis
