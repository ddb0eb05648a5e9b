#pragma once
// `urbis serve` runs in a program of its own, urbis-serve, beside urbis.
// Only the server needs the HTTP library, and with it OpenSSL, Brotli and
// zlib: loading and relocating them cost every other run of urbis about
// 7 ms, twice with the huge-page restart, which is a tenth of a real-world
// run (docs/PERFORMANCE.md). urbis hands `serve` over before anything else,
// with its command line unchanged, so help, mistakes and exit codes read
// the same.
#include <optional>
#include <span>
#include <string_view>

#include "sim/cli/commands.hpp"

namespace urbis {

// The position in args (argv without argv[0]) of the subcommand's name:
// the first word that is not one of urbis's own options (-v, -q, --threads
// N, and their long forms), or nothing when an option comes first that
// urbis answers itself (--help, --version) or there is no word.
std::optional<std::size_t> subcommand_position(std::span<const std::string_view> args);

// When the subcommand is serve, starts urbis-serve from urbis's own folder
// in place of this process, with the same arguments. Returns when it is
// not serve, or when urbis-serve could not be started (the serve entry of
// add_serve_forward then says why).
void forward_serve(int argc, char** argv);

// `serve` in urbis's list of commands, for its help and for suggestions;
// reached only when urbis-serve could not be started.
void add_serve_forward(Commands& commands);

}  // namespace urbis
