#include "sim/sweep/records.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "sim/core/input_error.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/stale_temps.hpp"

namespace fs = std::filesystem;

namespace urbis::sweep {

namespace {

std::string records_dir(const std::string& dir) { return (fs::path(dir) / "records").string(); }
std::string record_path(const std::string& dir, std::int64_t id) {
  return (fs::path(dir) / "records" / fmt::format("{}.csv", id)).string();
}

std::set<std::int64_t> finished_runs(const std::string& dir) {
  std::set<std::int64_t> done;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(records_dir(dir), ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() < 5 || name.substr(name.size() - 4) != ".csv") continue;
    const std::string stem = name.substr(0, name.size() - 4);
    if (stem.empty() || !std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    done.insert(std::stoll(stem));
  }
  return done;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json manifest(const SweepPlan& plan) {
  const SweepSpec& s = plan.spec;
  nlohmann::json j;
  j["format"] = 1;
  j["name"] = s.name;
  j["hash"] = s.hash;
  j["scenario"] = plan.scenario_args.size() == 1 ? plan.scenario_args[0] : "";
  if (s.scenario_factor) j["scenarios"] = plan.scenario_args;
  j["design"] = design_name(s.design);
  j["samples"] = s.samples;
  j["levels"] = s.levels;
  j["replicates"] = s.replicates;
  j["seed"] = s.seed;
  j["points"] = plan.point_count();
  j["runs"] = plan.runs();
  j["parameters"] = nlohmann::json::array();
  for (const auto& p : s.params) {
    nlohmann::json q;
    q["path"] = p.path;
    q["scale"] = p.scale == Scale::log ? "log" : "linear";
    if (s.design == DesignType::grid) {
      q["values"] = p.values;
      q["min"] = *std::min_element(p.values.begin(), p.values.end());
      q["max"] = *std::max_element(p.values.begin(), p.values.end());
    } else {
      q["min"] = p.min;
      q["max"] = p.max;
    }
    j["parameters"].push_back(q);
  }
  j["metrics"] = nlohmann::json::array();
  for (const auto& m : s.metrics) j["metrics"].push_back(m.name);
  j["header"] = plan.header();
  return j;
}

}  // namespace

std::string manifest_path(const std::string& dir) { return (fs::path(dir) / "sweep.json").string(); }

std::string record_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';  // not (i ? "," : "") + ...: GCC 12 warns (-Wrestrict) on the inlined concatenation
    line += csv_field(fields[i]);
  }
  return line + "\n";
}

void write_record(const std::string& dir, std::int64_t id, const std::string& line) {
  write_file_atomically(record_path(dir, id), line);
}

std::string ranges(const std::vector<std::int64_t>& ids, std::size_t max_shown) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    parts.push_back(i == j ? fmt::format("{}", ids[i]) : fmt::format("{}-{}", ids[i], ids[j]));
    i = j + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size() && i < max_shown; ++i) out += (i ? ", " : "") + parts[i];
  if (parts.size() > max_shown) out += fmt::format(", ... ({} ranges in all)", parts.size());
  return out;
}

std::vector<std::int64_t> assemble(const std::string& dir, bool allow_partial) {
  const nlohmann::json m = nlohmann::json::parse(read_text(manifest_path(dir)));
  const std::int64_t total = m.at("runs").get<std::int64_t>();
  std::vector<std::string> header = m.at("header").get<std::vector<std::string>>();
  const auto done = finished_runs(dir);
  std::vector<std::int64_t> missing;
  std::string out = record_line(header);
  for (std::int64_t id = 0; id < total; ++id) {
    if (!done.count(id)) {
      missing.push_back(id);
      continue;
    }
    std::string line = read_text(record_path(dir, id));
    if (line.empty() || line.back() != '\n' || line.rfind(fmt::format("{},", id), 0) != 0)
      throw std::runtime_error(
          fmt::format("record {} is damaged; delete it and run again with --resume", record_path(dir, id)));
    out += line;
  }
  if (missing.empty()) {
    write_file_atomically((fs::path(dir) / "runs.csv").string(), out);
    std::error_code ec;
    fs::remove(fs::path(dir) / "runs.partial.csv", ec);
  } else if (allow_partial) {
    write_file_atomically((fs::path(dir) / "runs.partial.csv").string(), out);
  }
  return missing;
}

std::vector<std::int64_t> prepare_folder(const SweepPlan& plan, const std::string& dir, bool resume, int shard,
                                         int shards) {
  fs::create_directories(records_dir(dir));
  // Temporary files of dead processes (a sweep killed with SIGKILL). Shards
  // on other machines may be writing here: a minute's quiet as well.
  for (const auto& d : {dir, records_dir(dir)}) remove_stale_temps(d, std::chrono::seconds(60));
  const std::string mpath = manifest_path(dir);
  const nlohmann::json mine = manifest(plan);
  if (fs::exists(mpath)) {
    nlohmann::json theirs;
    try {
      theirs = nlohmann::json::parse(read_text(mpath));
    } catch (const std::exception&) {
      throw InputError({mpath}, "this folder's sweep.json cannot be read; choose another folder with -o");
    }
    if (theirs.value("hash", "") != mine["hash"] || theirs.value("runs", -1) != mine["runs"] ||
        theirs.value("header", nlohmann::json()) != mine["header"])
      throw InputError({dir}, fmt::format("this folder holds another sweep ('{}', or this sweep file before a change); "
                                          "choose another folder with -o",
                                          theirs.value("name", "?")));
  } else {
    write_file_atomically(mpath, mine.dump(1) + "\n");
  }
  const auto done = finished_runs(dir);
  std::vector<std::int64_t> pending;
  std::int64_t already = 0;
  for (std::int64_t id = shard; id < plan.runs(); id += shards) {
    if (done.count(id)) ++already;
    else pending.push_back(id);
  }
  if (already > 0 && !resume)
    throw InputError(
        {dir},
        fmt::format("this folder already holds {} finished run{} of this sweep{}; pass --resume to do "
                    "only the missing ones, or choose another folder with -o",
                    already, already == 1 ? "" : "s", shards > 1 ? fmt::format(" (shard {}/{})", shard, shards) : ""));
  if (resume && already > 0) spdlog::info("resuming: {} runs already done, {} pending", already, pending.size());
  return pending;
}

}  // namespace urbis::sweep
