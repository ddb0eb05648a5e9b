// `urbis report DIR [-o FILE]`: a run folder or a sweep folder -> one
// self-contained HTML page (sim/report/).
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/output_folder.hpp"
#include "sim/core/input_error.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/report/comparison_data.hpp"
#include "sim/report/report_data.hpp"
#include "sim/report/report_html.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

// The size docs/REPORT.md promises a report stays under (ReportLimits keep it there).
constexpr std::size_t kReportSizeWarning = 20'000'000;

struct ReportArgs {
  std::string dir;
  std::string output;  // default DIR/report.html
  std::vector<std::string> states;
  int top_networks = 8;
};

int report_command(const ReportArgs& a, const CliGlobals& g) {
  const std::string out = a.output.empty() ? (fs::path(a.dir) / "report.html").string() : a.output;
  if (!a.output.empty()) check_output_file(out, "-o");
  if (!fs::is_directory(a.dir))
    throw InputError({a.dir}, "no such folder (expected a run, sweep or comparison folder)");
  if (a.output.empty()) check_output_file(out, "the report");
  ReportOptions o;
  o.states = a.states;
  o.top_networks = a.top_networks;
  o.targets_file = (fs::path(g.paths.home) / "configs" / "calibration" / "targets.yaml").string();
  nlohmann::ordered_json data;
  if (is_comparison_folder(a.dir)) data = comparison_report_data(a.dir);
  else switch (folder_kind(a.dir)) {
      case FolderKind::run: data = run_report_data(a.dir, o); break;
      case FolderKind::sweep: data = sweep_report_data(a.dir, o); break;
      case FolderKind::unknown:
        throw InputError({a.dir},
                         "neither a finished run (run.json, global.csv), a sweep (runs.csv) nor a comparison "
                         "(comparison.json)");
    }
  // A page that would show nothing is not written: the reader learns why here.
  if (const auto blockers = report_blockers(data); !blockers.empty())
    throw InputError({a.dir}, fmt::format("cannot make a report of this folder: {}", fmt::join(blockers, "; ")));
  // Parts left out or thinned: the page says so where they would be.
  if (data.contains("problems"))
    for (const auto& p : data["problems"]) spdlog::warn("{}", p.get<std::string>());
  if (data.contains("thinned"))
    for (const auto& t : data["thinned"]) spdlog::info("thinned: {}", t.get<std::string>());
  const std::string html = report_html(data);
  write_file_atomically(out, html);
  fmt::print("report: {} ({:.1f} MB)\n", out, static_cast<double>(html.size()) / 1e6);
  if (html.size() > kReportSizeWarning)
    spdlog::warn("the report is {:.0f} MB, over the {:.0f} MB a browser opens in seconds (docs/REPORT.md, Size)",
                 static_cast<double>(html.size()) / 1e6, static_cast<double>(kReportSizeWarning) / 1e6);
  return 0;
}

}  // namespace

void add_report_commands(Commands& commands) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = commands.add("report", "Write a self-contained HTML report of a run or sweep folder",
                               [args](const CliGlobals& g) { return report_command(*args, g); });
  cmd->add_option("dir", args->dir,
                  "A run folder (urbis run -o DIR), a sweep folder (runs.csv) or a comparison "
                  "folder (urbis compare)")
      ->required();
  cmd->add_option("-o,--output", args->output, "The HTML file to write (default: DIR/report.html)");
  cmd->add_option("--states", args->states, "States (ISO3) shown after the protagonists: --states GBR,FRA")
      ->delimiter(',');
  cmd->add_option("--networks", args->top_networks, "Networks on the membership chart (default 8)")
      ->check(CLI::Range(1, 50));
}

}  // namespace urbis
