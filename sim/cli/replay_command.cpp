// `urbis replay CLASS`: a class of `urbis serve --classroom` run again from
// its record (class.json, or the debrief page that holds it): the same
// scenario, seed, parameter changes and students' choices give the same
// tables, byte for byte, which it checks against the record's fingerprints,
// and the same debrief page.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "sim/cli/commands.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/report/report_data.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/serve/replay.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

struct ReplayArgs {
  std::string file;
  std::string output;  // default: out/class-ROOM
  bool force = false;
};

std::string read_text(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file}, "cannot read this file (expected a class record, class.json, or a debrief page)");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int replay_command(const ReplayArgs& a, const CliGlobals& g) {
  nlohmann::ordered_json record;
  try {
    record = serve::read_class_record(read_text(a.file));
  } catch (const std::invalid_argument& e) {
    throw InputError({a.file}, e.what());
  }
  const auto& sc = record.value("scenario", nlohmann::ordered_json::object());
  if (!sc.contains("sources") || !sc["sources"].is_array() || sc["sources"].empty())
    throw InputError({a.file}, "the class record has no scenario files (scenario.sources)");
  if (record.value("urbis", std::string()) != URBIS_VERSION)
    spdlog::warn("the class was played with urbis {}, this is {}: the replay may differ",
                 record.value("urbis", std::string("?")), URBIS_VERSION);

  // The scenario as the class had it: its files, written to a folder of
  // their own (its extends: chain resolves there), and the world of this
  // installation.
  const fs::path dir = fs::temp_directory_path() / fmt::format("urbis-replay-{}", ::getpid());
  fs::create_directories(dir);
  std::string leaf;
  for (const auto& s : sc["sources"]) {
    const std::string name = fs::path(s.value("file", std::string())).filename().string();
    if (name.empty() || name == "." || name == "..")
      throw InputError({a.file}, "a scenario file of the record has no name");
    write_file_atomically((dir / name).string(), s.value("text", std::string()));
    leaf = (dir / name).string();
  }
  serve::LibraryPaths paths;
  paths.scenario_dir = dir.string();
  paths.world_dir = g.paths.world_dir;
  std::unique_ptr<serve::LibraryEntry> entry;
  try {
    entry = serve::Library::load_entry(leaf, load_defaults(g.paths.defaults_file), paths);
  } catch (...) {
    fs::remove_all(dir);
    throw;
  }
  fs::remove_all(dir);
  entry->name = sc.value("name", entry->name);

  serve::Debrief d;
  try {
    const auto targets = read_targets((fs::path(g.paths.home) / "configs" / "calibration" / "targets.yaml").string());
    d = serve::replay_class(*entry, record, targets);
  } catch (const std::invalid_argument& e) {
    throw InputError({a.file}, fmt::format("this record cannot be replayed: {}", e.what()));
  }

  const std::string out =
      a.output.empty() ? fmt::format("out/class-{}", record.value("room", std::string("replay"))) : a.output;
  if (fs::exists(fs::path(out) / "class.json") && !a.force)
    throw InputError({out}, "this folder already holds a replayed class (use --force to overwrite it)");
  fs::create_directories(out);
  for (const auto& [name, text] : d.tables) write_file_atomically((fs::path(out) / name).string(), text);
  write_file_atomically((fs::path(out) / "debrief.html").string(), d.html);
  write_file_atomically((fs::path(out) / "class.json").string(), d.record.dump(1) + "\n");

  // The record's fingerprints against the tables just written.
  std::vector<std::string> differ;
  const auto& expected = record.value("tables", nlohmann::ordered_json::object());
  for (const auto& [name, text] : d.tables)
    if (!expected.contains(name) || expected[name] != d.record["tables"][name]) differ.push_back(name);
  const auto rounds = record["rounds"].size();
  if (!differ.empty()) {
    std::string list;
    for (const auto& n : differ) list += (list.empty() ? "" : ", ") + n;
    spdlog::error("the replay differs from the class's record in {} (the world data or the program changed?)", list);
    return 1;
  }
  fmt::print("replay: {} rounds of {} players; {} tables identical to the class's, byte for byte\n", rounds,
             record["players"].size(), d.tables.size());
  fmt::print("replay: {} (tables, class.csv, debrief.html, class.json)\n", out);
  return 0;
}

}  // namespace

void add_replay_commands(Commands& commands) {
  auto a = std::make_shared<ReplayArgs>();
  CLI::App* cmd = commands.add("replay", "Run a class of `urbis serve --classroom` again from its record",
                               [a](const CliGlobals& g) { return replay_command(*a, g); });
  cmd->footer(
      "CLASS is the record the teacher downloaded (class.json) or the debrief page (its record is inside).\n"
      "Writes the class's tables (global.csv, ..., class.csv), debrief.html and class.json, and checks the\n"
      "tables against the record's fingerprints (exit 1 when they differ). The teacher's guide: docs/CLASSROOM.md.");
  cmd->add_option("class", a->file, "class.json or a debrief page")->required();
  cmd->add_option("-o,--output", a->output, "Folder to write (default: out/class-ROOM)");
  cmd->add_flag("--force", a->force, "Overwrite a folder that already holds a replayed class");
}

}  // namespace urbis
