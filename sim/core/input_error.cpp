#include "sim/core/input_error.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

#include <fmt/format.h>

namespace urbis {

std::string format_place(const SourcePlace& p) {
  if (p.line > 0 && p.column > 0) return fmt::format("{}:{}:{}", p.file, p.line, p.column);
  if (p.line > 0) return fmt::format("{}:{}", p.file, p.line);
  return p.file;
}

InputError::InputError(SourcePlace where, const std::string& what)
    : std::runtime_error(format_place(where) + ": " + what), where_(std::move(where)), message_(what) {}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (std::tolower(a[i - 1]) != std::tolower(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string nearest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_d = SIZE_MAX;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  // A plausible typo: at most a third of the word changed (and at least 1 edit allowed).
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  return best_d <= limit ? best : std::string{};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string n = nearest_name(word, candidates);
  return n.empty() ? std::string{} : fmt::format(" (did you mean '{}'?)", n);
}

std::string list_choices(const std::vector<std::string>& candidates, std::size_t max_shown) {
  std::string out;
  for (std::size_t i = 0; i < candidates.size() && i < max_shown; ++i) {
    if (i) out += ", ";
    out += candidates[i];
  }
  if (candidates.size() > max_shown) out += fmt::format(", ... ({} in all)", candidates.size());
  return out;
}

}  // namespace urbis
