#include "sim/core/input_error.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <tuple>
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

InputErrors::InputErrors(std::vector<InputError> all) : InputError(all.at(0)), all_(std::move(all)) {}

std::vector<InputError> each_error(const InputError& e) {
  if (const auto* many = dynamic_cast<const InputErrors*>(&e)) return many->all();
  return {e};
}

void ErrorList::add(const InputError& e) {
  for (auto& one : each_error(e)) errors_.push_back(std::move(one));
  if (errors_.size() >= limit_) throw_if_any();
}

void ErrorList::throw_if_any() const {
  if (errors_.empty()) return;
  if (errors_.size() == 1) throw errors_.front();
  // In file order, so the messages read top to bottom.
  std::vector<std::string> files;  // in the order they were first met
  for (const auto& e : errors_)
    if (std::find(files.begin(), files.end(), e.where().file) == files.end()) files.push_back(e.where().file);
  auto key = [&](const InputError& e) {
    return std::tuple(std::find(files.begin(), files.end(), e.where().file) - files.begin(), e.where().line,
                      e.where().column);
  };
  std::vector<InputError> sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const InputError& a, const InputError& b) { return key(a) < key(b); });
  throw InputErrors(std::move(sorted));
}

namespace {
// Optimal string alignment distance (Damerau): insertions, deletions,
// substitutions and swaps of neighbours each count one, so "CNA" is one
// edit from "CAN", as a typist would judge. Case is ignored.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto low = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (low(a[i - 1]) != low(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && low(a[i - 1]) == low(b[j - 2]) && low(a[i - 2]) == low(b[j - 1]))
        cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
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
