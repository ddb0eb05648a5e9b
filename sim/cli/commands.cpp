#include "sim/cli/commands.hpp"

#include <spdlog/spdlog.h>

namespace urbis {

CLI::App* Commands::add(const std::string& name, const std::string& help, std::function<int(const CliGlobals&)> run) {
  CLI::App* sub = app_.add_subcommand(name, help);
  commands_.emplace_back(sub, std::move(run));
  return sub;
}

void log_input_error(const InputError& error) {
  for (const auto& e : each_error(error)) spdlog::error("{}", e.what());
}

int Commands::dispatch(const CliGlobals& globals) const {
  for (const auto& [sub, run] : commands_)
    if (sub->parsed()) return run(globals);
  return 2;
}

}  // namespace urbis
