#include "sim/report/rows.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"
#include "sim/report/table.hpp"

namespace urbis {

namespace {

constexpr unsigned kMaxColumns = 8;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double parse_number(std::string_view s) {
  double v = kNaN;
  if (s.empty()) return kNaN;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size() ? v : kNaN;
}

// A Table's rows, one after the other.
class TableRows final : public Rows {
 public:
  TableRows(const Table& t, const std::vector<std::string>& columns) : t_(t) {
    for (const auto& c : columns) col_.push_back(t.find_column(c));
  }
  bool has(std::size_t k) const override { return col_[k].has_value(); }
  bool next() override { return ++row_ < t_.row_count(); }
  double number(std::size_t k) const override { return col_[k] ? t_.number(row_, *col_[k]) : kNaN; }
  std::string_view text(std::size_t k) const override { return col_[k] ? t_.text(row_, *col_[k]) : std::string_view(); }

 private:
  const Table& t_;
  std::vector<std::optional<std::size_t>> col_;
  std::size_t row_ = static_cast<std::size_t>(-1);
};

// A CSV file streamed a record at a time (sim/core/csv_reader), so a file
// of gigabytes costs one record of memory.
class CsvRows final : public Rows {
 public:
  CsvRows(const std::string& file, const std::vector<std::string>& columns) : reader_(file), col_(columns.size()) {
    if (!reader_.next()) throw InputError({file, 0, 0}, "the file is empty (expected a header line)");
    header_ = reader_.fields().size();
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const auto& h = reader_.fields();
      const auto it = std::find(h.begin(), h.end(), columns[k]);
      if (it != h.end()) col_[k] = static_cast<std::size_t>(it - h.begin());
    }
  }
  bool has(std::size_t k) const override { return col_[k].has_value(); }
  bool next() override {
    if (!reader_.next()) return false;
    if (reader_.fields().size() != header_)
      throw InputError(reader_.place(),
                       fmt::format("{} fields where the header has {}", reader_.fields().size(), header_));
    return true;
  }
  double number(std::size_t k) const override { return col_[k] ? parse_number(reader_.fields()[*col_[k]]) : kNaN; }
  std::string_view text(std::size_t k) const override {
    return col_[k] ? std::string_view(reader_.fields()[*col_[k]]) : std::string_view();
  }

 private:
  CsvReader reader_;
  std::size_t header_ = 0;
  std::vector<std::optional<std::size_t>> col_;
};

}  // namespace

std::string RowSource::name() const { return table ? table->source() : file; }

std::unique_ptr<Rows> RowSource::open(const std::vector<std::string>& columns,
                                      const std::vector<std::string>& required) const {
  if (columns.size() > kMaxColumns) throw std::logic_error("RowSource::open: at most 8 columns");
  std::unique_ptr<Rows> rows;
  if (table) rows = std::make_unique<TableRows>(*table, columns);
  else rows = std::make_unique<CsvRows>(file, columns);
  for (const auto& r : required)
    for (std::size_t k = 0; k < columns.size(); ++k)
      if (columns[k] == r && !rows->has(k)) throw InputError({name(), 1, 0}, fmt::format("no column '{}'", r));
  return rows;
}

}  // namespace urbis
