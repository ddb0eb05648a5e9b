#include "sim/report/rows.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <limits>

#include <fmt/format.h>
// csv.h trips -Wstringop-truncation in its own error classes.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

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

// A CSV file streamed with fast-cpp-csv-parser: a line at a time, the fields
// left in its buffer (no copies), so a file of gigabytes costs megabytes.
class CsvRows final : public Rows {
 public:
  CsvRows(const std::string& file, const std::vector<std::string>& columns) : file_(file), n_(columns.size()) {
    std::array<std::string, kMaxColumns> names;
    for (unsigned k = 0; k < kMaxColumns; ++k)
      names[k] = k < columns.size() ? columns[k] : fmt::format("\x01unused {}", k);  // never a real column
    try {
      std::FILE* in = std::fopen(file.c_str(), "rb");
      if (!in) throw InputError({file}, fmt::format("cannot read this file ({})", std::strerror(errno)));
      reader_ = std::make_unique<Reader>(file, in);  // owns `in`
      std::apply([&](const auto&... name) { reader_->read_header(io::ignore_extra_column | io::ignore_missing_column, name...); },
                 names);
      for (unsigned k = 0; k < n_; ++k) has_[k] = reader_->has_column(names[k]);
    } catch (const io::error::base& e) {
      throw InputError({file, 1, 0}, e.what());
    }
  }
  bool has(std::size_t k) const override { return has_[k]; }
  bool next() override {
    try {
      return std::apply([&](auto&... field) { return reader_->read_row(field...); }, row_);
    } catch (const io::error::base& e) {
      throw InputError({file_, static_cast<int>(reader_->get_file_line()), 0}, e.what());
    }
  }
  double number(std::size_t k) const override { return has_[k] && row_[k] ? parse_number(row_[k]) : kNaN; }
  std::string_view text(std::size_t k) const override {
    return has_[k] && row_[k] ? std::string_view(row_[k]) : std::string_view();
  }

 private:
  using Reader = io::CSVReader<kMaxColumns, io::trim_chars<>, io::double_quote_escape<',', '"'>>;
  std::string file_;
  std::size_t n_;
  std::unique_ptr<Reader> reader_;
  std::array<bool, kMaxColumns> has_{};
  std::array<char*, kMaxColumns> row_{};
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
