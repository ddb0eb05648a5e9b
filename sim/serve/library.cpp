#include "sim/serve/library.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include <fmt/format.h>
#include <tbb/parallel_for_each.h>

#include "sim/core/input_error.hpp"
#include "sim/engine/run.hpp"
#include "sim/output/run_record.hpp"
#include "sim/report/report_data.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace urbis::serve {

std::shared_ptr<const Library> Library::load(const LibraryPaths& paths, const std::vector<std::string>& only) {
  const Params defaults = load_defaults(paths.defaults_file);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(paths.scenario_dir))
    if (e.path().extension() == ".yaml" &&
        (only.empty() || std::find(only.begin(), only.end(), e.path().stem().string()) != only.end()))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());

  // The files named on the command line replace library files of the same name.
  std::erase_if(files, [&](const fs::path& f) {
    return std::any_of(paths.files.begin(), paths.files.end(),
                       [&](const std::string& g) { return fs::path(g).stem() == f.stem(); });
  });
  const std::size_t library_files = files.size();
  for (const auto& g : paths.files) files.emplace_back(g);

  auto lib = std::make_shared<Library>();
  lib->entries_.resize(files.size());
  // The files named on the command line first: a mistake in one stops the
  // start-up at once, before the library's worlds are loaded.
  tbb::parallel_for(library_files, files.size(), [&](std::size_t f) {
    lib->entries_[f] = load_entry(files[f].string(), defaults, paths);
    lib->entries_[f]->given = true;
  });
  std::vector<std::string> errors(library_files);
  tbb::parallel_for(std::size_t{0}, library_files, [&](std::size_t f) {
    try {
      lib->entries_[f] = load_entry(files[f].string(), defaults, paths);
    } catch (const std::exception& e) {
      errors[f] = fmt::format("{}: {}", files[f].stem().string(), e.what());
    }
  });
  std::erase_if(lib->entries_, [](const auto& e) { return !e; });
  // Those named on the command line first, in their order, then the library.
  std::stable_partition(lib->entries_.begin(), lib->entries_.end(), [](const auto& e) { return e->given; });
  for (auto& e : errors)
    if (!e.empty()) lib->problems_.push_back(std::move(e));
  if (lib->entries_.empty())
    throw InputError({paths.scenario_dir}, only.empty() ? "no scenario of the library could be loaded"
                                                        : "none of the scenarios asked for is in the library");
  lib->targets_ = read_targets(paths.targets_file);
  return lib;
}

std::unique_ptr<LibraryEntry> Library::load_entry(const std::string& file, const Params& defaults,
                                                  const LibraryPaths& paths) {
  auto entry = std::make_unique<LibraryEntry>();
  entry->name = fs::path(file).stem().string();
  entry->scenario = load_scenario(file, defaults, {paths.scenario_dir});
  entry->description = entry->scenario.description.substr(0, entry->scenario.description.find('\n'));
  entry->hash = scenario_hash(entry->scenario);
  std::vector<std::string> chain = entry->scenario.chain;
  if (chain.empty()) chain.push_back(entry->scenario.file);
  for (const auto& f : chain) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    entry->sources.push_back({fs::path(f).filename().string(), text.str()});
  }
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  entry->data = load_world(entry->scenario, ctx);
  return entry;
}

const LibraryEntry* Library::find(const std::string& name) const {
  for (const auto& e : entries_)
    if (e->name == name) return e.get();
  return nullptr;
}

std::vector<std::string> Library::names() const {
  std::vector<std::string> n;
  for (const auto& e : entries_) n.push_back(e->name);
  return n;
}

}  // namespace urbis::serve
