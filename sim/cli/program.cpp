// The body both urbis programs share (sim/cli/program.hpp): parses the
// command line, sets threads and logging, and hands over to the chosen
// subcommand. Every mistake in what the user wrote (the command line, a
// file) is reported as "urbis: error: ..." with exit code 2; SIGINT and
// SIGTERM stop the work at a step boundary with exit code 130 or 143; a
// failure of the system during the work (a full disk, a file damaged since
// it was written) exits 1 with its reason, and so does an internal error (a
// bug), which says so.
#include "sim/cli/program.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <tbb/global_control.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/huge_pages.hpp"
#include "sim/cli/usage_error.hpp"
#include "sim/core/input_error.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/report/report_html.hpp"
#include "sim/sweep/mpi_runner.hpp"
#include "sim/sweep/runner.hpp"

namespace {

// A program built without MPI, started by mpirun, would run the whole job
// in every process, each writing the same files: refused. With MPI, only a
// sweep shares its work out over the processes.
std::string mpi_refusal(const CLI::App& chosen) {
  const int size = urbis::sweep::mpi_launcher_size();
  if (size == 0 || size == 1) return {};
  const std::string n = size > 1 ? fmt::format("{}", size) : "several";
  if (!urbis::sweep::built_with_mpi())
    return fmt::format(
        "started by an MPI launcher ({} processes), but this urbis was built without MPI: each process "
        "would do the whole job and write the same files. Run it without mpirun, or build with "
        "-DURBIS_WITH_MPI=ON to share a sweep's runs out (mpirun -np N urbis sweep FILE)",
        n);
  if (chosen.get_name() != "sweep")
    return fmt::format(
        "started by an MPI launcher ({} processes): only 'urbis sweep' shares its work out over MPI "
        "processes; run '{}' without mpirun",
        n, urbis::command_path(chosen));
  return {};
}

// A program built with -DURBIS_WITH_WEB=OFF has no web front-end to put in
// a report, a debrief or the server's pages: those commands are refused
// before they do any work.
std::string web_refusal(const CLI::App& chosen) {
  const std::string name = chosen.get_name();
  if (urbis::built_with_web() || (name != "report" && name != "serve" && name != "replay")) return {};
  return fmt::format(
      "'{}' needs the web front-end, and this urbis was built without it (-DURBIS_WITH_WEB=OFF); "
      "build with -DURBIS_WITH_WEB=ON (needs Node.js and npm) to use it",
      urbis::command_path(chosen));
}

}  // namespace

namespace urbis {

int run_program(int argc, char** argv, std::initializer_list<AddCommands> faces) {
  auto logger = spdlog::stderr_color_mt("urbis");
  logger->set_pattern("urbis: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  install_interrupt_handlers();

  CLI::App app{"urbis: an agent-based simulation of cities, states and city networks"};
  app.set_version_flag("--version", std::string("urbis ") + URBIS_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // --threads, --verbose and --quiet may follow the subcommand
  bool verbose = false, quiet = false;
  int threads = 0;
  app.add_flag("-v,--verbose", verbose, "Log more (world data problems, timings)");
  app.add_flag("-q,--quiet", quiet, "Log only errors");
  app.add_option("--threads", threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));

  Commands commands(app);
  for (const AddCommands add : faces) add(commands);

  keep_extras(app);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    spdlog::error("{}", usage_message(app, e, args));
    return 2;
  }
  if (const std::string extras = extras_message(app); !extras.empty()) {
    spdlog::error("{}", extras);
    return 2;
  }
  spdlog::set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::info);
  spdlog::debug("memory: {}", memory_pages_in_use());
  const CLI::App& chosen = *chosen_command(app);
  if (const std::string refusal = web_refusal(chosen); !refusal.empty()) {
    spdlog::error("{}", refusal);
    return 2;
  }
  if (const std::string refusal = mpi_refusal(chosen); !refusal.empty()) {
    spdlog::error("{}", refusal);
    return 2;
  }
  // The commands that check for an interrupt at every step boundary take
  // SIGINT and SIGTERM as a request to stop there; the others (quick, or
  // serve, which waits for the signals itself) get the dispositions the
  // process started with back.
  const std::string name = chosen.get_name();
  if (name != "run" && name != "sweep" && name != "compare" && name != "calibrate")
    restore_inherited_signal_dispositions();

  std::unique_ptr<tbb::global_control> limit;
  if (threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<std::size_t>(threads));
  CliGlobals globals;
  globals.threads = static_cast<int>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  for (int i = 0; i < argc; ++i) globals.command_line += (i ? " " : "") + std::string(argv[i]);

  try {
    globals.paths = find_project_paths(argv[0]);
    return commands.dispatch(globals);
  } catch (const Interrupted& e) {
    fmt::print(stderr, "urbis: {}\n", e.what());
    return e.exit_code();
  } catch (const InputError& e) {
    log_input_error(e);
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {
    // A folder that cannot be written, a full disk: the system's reason and
    // the path, not an "internal error".
    spdlog::error("cannot write {}: {}", e.path1().string(), e.code().message());
    return 1;
  } catch (const std::bad_alloc&) {
    spdlog::error("out of memory");
    return 1;
  } catch (const std::runtime_error& e) {
    // The work failed for a reason outside the program: a write that
    // failed (a full disk), a file damaged since it was written.
    spdlog::error("{}", e.what());
    return 1;
  } catch (const std::exception& e) {
    spdlog::error(
        "internal error (a bug in urbis, not in what you wrote; please report it with the command "
        "line): {}",
        e.what());
    return 1;
  }
}

}  // namespace urbis
