#include "sim/calibrate/markdown.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/calibrate/tables.hpp"
#include "sim/core/input_error.hpp"

namespace urbis::calib {

namespace {

// A table cell: pipes escaped, line breaks as spaces.
std::string cell(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n' || ch == '\r') out += ' ';
    else out += ch;
  }
  return out;
}

// "1-10", "1-3, 7": runs of consecutive seeds.
std::string seed_list(const std::vector<std::uint64_t>& seeds) {
  std::string out;
  for (std::size_t i = 0; i < seeds.size();) {
    std::size_t j = i;
    while (j + 1 < seeds.size() && seeds[j + 1] == seeds[j] + 1) ++j;
    out += (out.empty() ? "" : ", ") + (j > i ? fmt::format("{}-{}", seeds[i], seeds[j]) : fmt::format("{}", seeds[i]));
    i = j + 1;
  }
  return out;
}

int line_of(const std::string& doc, std::size_t offset) {
  return 1 + static_cast<int>(std::count(doc.begin(), doc.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

std::string validation_markdown(const CalibConfig& c, const Evaluation& e, const std::string& command) {
  std::string out =
      fmt::format("| pattern | source | target | model: mean ± sd over {} seeds | met |\n", c.seeds.size());
  out += "|---|---|---|---|---|\n";
  for (std::size_t t = 0; t < c.targets.size(); ++t) {
    const auto& tg = c.targets[t];
    const auto& f = e.fits[t];
    out += fmt::format(
        "| {}: {} | {} | {} | {} ± {} | {} |\n", cell(tg.name), cell(target_description(tg, c.scenario.name)),
        cell(tg.source), cell(target_text(tg)), value_text(tg, f.mean),
        tg.difference == Difference::relative ? fmt::format("{:.1f} points", 100 * f.sd) : fmt::format("{:.1f}", f.sd),
        f.met ? "yes" : "**no**");
  }
  const auto met = std::count_if(e.fits.begin(), e.fits.end(), [](const TargetFit& f) { return f.met; });
  out += fmt::format("\n{} of {} patterns met; seeds {}. Regenerate with `{}`.\n", met, e.fits.size(),
                     seed_list(c.seeds), command);
  return out;
}

std::string replace_fragment(const std::string& doc, const std::string& fragment, const std::string& file) {
  const std::string begin = kTableBegin, end = kTableEnd;
  const auto b = doc.find(begin);
  const auto en = doc.find(end);
  if (b == std::string::npos || en == std::string::npos)
    throw InputError({file},
                     fmt::format("no table markers: the file needs a line {} and, below it, a line {}", begin, end));
  if (doc.find(begin, b + 1) != std::string::npos)
    throw InputError({file, line_of(doc, doc.find(begin, b + 1)), 1}, fmt::format("a second {}", begin));
  if (doc.find(end, en + 1) != std::string::npos)
    throw InputError({file, line_of(doc, doc.find(end, en + 1)), 1}, fmt::format("a second {}", end));
  if (en < b) throw InputError({file, line_of(doc, en), 1}, fmt::format("{} comes before {}", end, begin));
  return doc.substr(0, b + begin.size()) + "\n" + fragment + doc.substr(en);
}

}  // namespace urbis::calib
