#pragma once
// Mistakes the argument parser (CLI11) finds, told in the project's style:
// what is wrong, for which command, the nearest valid command or option,
// and where to read more. main() prints it as "urbis: error: ..." and exits
// with code 2, like every other mistake in what the user wrote.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace urbis {

// `args` are the command line's words after the program's name.
std::string usage_message(CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args);

// Words the parser could not place (allow_extras keeps them, so the message
// can name them with a suggestion): "" when there are none.
std::string extras_message(CLI::App& app);

// Lets every command keep the words it cannot place, for extras_message.
void keep_extras(CLI::App& app);

// The subcommand the words chose (the deepest one), or the app itself.
CLI::App* chosen_command(CLI::App& app);

// "urbis run", "urbis sweep merge".
std::string command_path(const CLI::App& command);

}  // namespace urbis
