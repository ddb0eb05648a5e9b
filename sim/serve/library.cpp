#include "sim/serve/library.hpp"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>
#include <tbb/parallel_for_each.h>

#include "sim/core/input_error.hpp"
#include "sim/engine/run.hpp"
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

  auto lib = std::make_shared<Library>();
  lib->entries_.resize(files.size());
  std::vector<std::string> errors(files.size());
  tbb::parallel_for(std::size_t{0}, files.size(), [&](std::size_t f) {
    try {
      auto entry = std::make_unique<LibraryEntry>();
      entry->name = files[f].stem().string();
      entry->scenario = load_scenario(files[f].string(), defaults, {paths.scenario_dir});
      entry->description = entry->scenario.description.substr(0, entry->scenario.description.find('\n'));
      RunContext ctx;
      ctx.default_world_dir = paths.world_dir;
      entry->data = load_world(entry->scenario, ctx);
      lib->entries_[f] = std::move(entry);
    } catch (const std::exception& e) {
      errors[f] = fmt::format("{}: {}", files[f].stem().string(), e.what());
    }
  });
  std::erase_if(lib->entries_, [](const auto& e) { return !e; });
  for (auto& e : errors)
    if (!e.empty()) lib->problems_.push_back(std::move(e));
  if (lib->entries_.empty())
    throw InputError({paths.scenario_dir}, only.empty() ? "no scenario of the library could be loaded"
                                                        : "none of the scenarios asked for is in the library");
  lib->targets_ = read_targets(paths.targets_file);
  return lib;
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
