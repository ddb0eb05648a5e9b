#include "sim/report/table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"

namespace urbis {

std::optional<std::size_t> Table::find_column(const std::string& name) const {
  const auto& h = columns();
  const auto it = std::find(h.begin(), h.end(), name);
  if (it == h.end()) return std::nullopt;
  return static_cast<std::size_t>(it - h.begin());
}

std::size_t Table::column(const std::string& name) const {
  if (auto c = find_column(name)) return *c;
  throw InputError({source(), 1, 0}, fmt::format("no column '{}'{}", name, did_you_mean(name, columns())));
}

MemoryTable::MemoryTable(std::string source, std::vector<std::string> columns, std::vector<bool> text)
    : source_(std::move(source)), columns_(std::move(columns)), is_text_(std::move(text)) {
  if (is_text_.size() != columns_.size()) throw std::logic_error("MemoryTable: one kind per column");
  numbers_.resize(columns_.size());
  texts_.resize(columns_.size());
}

MemoryTable& MemoryTable::add(double value) {
  if (is_text_[next_]) throw std::logic_error(fmt::format("{}: column {} holds text", source_, columns_[next_]));
  numbers_[next_].push_back(value);
  if (++next_ == columns_.size()) next_ = 0, ++rows_;
  return *this;
}

MemoryTable& MemoryTable::add(std::string_view value) {
  if (!is_text_[next_]) throw std::logic_error(fmt::format("{}: column {} holds numbers", source_, columns_[next_]));
  auto [it, fresh] = word_ids_.try_emplace(std::string(value), static_cast<std::uint32_t>(words_.size()));
  if (fresh) words_.push_back(it->first);
  texts_[next_].push_back(it->second);
  if (++next_ == columns_.size()) next_ = 0, ++rows_;
  return *this;
}

double MemoryTable::number(std::size_t row, std::size_t col) const {
  if (!is_text_[col]) return numbers_[col][row];
  const std::string& s = words_[texts_[col][row]];
  double v = std::numeric_limits<double>::quiet_NaN();
  if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), v).ec != std::errc{})
    return std::numeric_limits<double>::quiet_NaN();
  return v;
}

std::string_view MemoryTable::text(std::size_t row, std::size_t col) const {
  if (!is_text_[col]) throw std::logic_error(fmt::format("{}: column {} holds numbers", source_, columns_[col]));
  return words_[texts_[col][row]];
}

}  // namespace urbis
