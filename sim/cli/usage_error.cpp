#include "sim/cli/usage_error.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"

namespace urbis {

namespace {

// Every spelling of the options `command` (and the commands above it, whose
// options may follow it) takes: --seed, -o, --output, ...
std::vector<std::string> option_spellings(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* c = &command; c; c = c->get_parent())
    for (const CLI::Option* o : c->get_options()) {
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
  return names;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::string see_help(const CLI::App& command) { return fmt::format("see '{} --help'", command_path(command)); }

std::string unknown_option(const CLI::App& command, const std::string& word) {
  const std::string name = word.substr(0, word.find('='));
  // A one-letter option is one edit from every other: no guess there.
  const std::string guess = name.size() > 2 ? did_you_mean(name, option_spellings(command)) : "";
  return fmt::format("{}: unknown option '{}'{}; {}", command_path(command), name, guess, see_help(command));
}

// The first word that is not a global option (or its value): what should be a command.
const std::string* first_command_word(const CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& w = args[i];
    if (w.empty() || w[0] != '-') return &w;
    // A global option that takes a value in the next word.
    const std::string name = w.substr(0, w.find('='));
    if (w.find('=') == std::string::npos) {
      for (const CLI::Option* o : app.get_options())
        if (o->check_name(name) && o->get_type_size() > 0) {
          ++i;
          break;
        }
    }
  }
  return nullptr;
}

std::string lower_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

void keep_extras(CLI::App& app) {
  app.allow_extras(true);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) keep_extras(*sub);
}

std::string extras_message(CLI::App& app) {
  const std::vector<std::string> extras = app.remaining(true);
  if (extras.empty()) return {};
  CLI::App* command = chosen_command(app);
  if (command == &app) {  // no command was chosen (require_subcommand reports that first)
    const auto commands = subcommand_names(app);
    return fmt::format("unknown command '{}'{}; the commands are {}; see 'urbis --help'", extras.front(),
                       did_you_mean(extras.front(), commands), list_choices(commands, 20));
  }
  if (command->get_prefix_command()) return {};  // its words are another program's (urbis serve)
  for (const auto& w : extras)
    if (w.size() > 1 && w[0] == '-' && !std::isdigit(static_cast<unsigned char>(w[1])))
      return unknown_option(*command, w);
  // A misspelt sub-subcommand (sweep merg DIR) was taken for the command's own argument.
  std::string guess;
  const auto subs = subcommand_names(*command);
  for (const CLI::Option* o : command->get_options())
    if (o->get_positional())
      for (const auto& v : o->results())
        if (const std::string n = nearest_name(v, subs); !n.empty() && n != v)
          guess = fmt::format(" ('{}' is not a command of {}: did you mean '{} {}'?)", v, command_path(*command),
                              command_path(*command), n);
  return fmt::format("{}: unexpected argument '{}'{}; {}", command_path(*command), extras.front(), guess,
                     see_help(*command));
}

CLI::App* chosen_command(CLI::App& app) {
  CLI::App* cur = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (CLI::App* sub : cur->get_subcommands())
      if (sub->parsed()) {
        cur = sub;
        deeper = true;
        break;
      }
  }
  return cur;
}

std::string command_path(const CLI::App& command) {
  std::string path;
  for (const CLI::App* c = &command; c; c = c->get_parent())
    path = c->get_parent() ? " " + c->get_name() + path : "urbis" + path;
  return path;
}

std::string usage_message(CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args) {
  CLI::App* command = chosen_command(app);
  const std::string kind = error.get_name();
  if (command == &app) {
    const auto commands = subcommand_names(app);
    if (const std::string* word = first_command_word(app, args)) {
      if (std::find(commands.begin(), commands.end(), *word) == commands.end())
        return fmt::format("unknown command '{}'{}; the commands are {}; see 'urbis --help'", *word,
                           did_you_mean(*word, commands), list_choices(commands, 20));
    }
    for (const auto& w : args)
      if (w.size() > 1 && w[0] == '-' && kind == "ExtrasError") return unknown_option(app, w);
    if (kind == "RequiredError" || args.empty())
      return fmt::format("expected a command: {}; see 'urbis --help'", list_choices(commands, 20));
  }
  return fmt::format("{}: {}; {}", command_path(*command), lower_first(error.what()), see_help(*command));
}

}  // namespace urbis
