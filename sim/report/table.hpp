#pragma once
// A table as the report reads it: rows and named columns, from a run
// folder's CSV file (CsvView) or kept in memory by a live run (MemoryTable,
// for `urbis serve`). The report data is built from either through this one
// interface (report_data.hpp), so a live view shows exactly what a report of
// the same run would.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/core/csv_reader.hpp"

namespace urbis {

class Table {
 public:
  virtual ~Table() = default;
  virtual const std::string& source() const = 0;  // a file name, or what the table holds (for messages)
  virtual const std::vector<std::string>& columns() const = 0;
  virtual std::size_t row_count() const = 0;
  // The cell as a number (NaN when empty or not a number).
  virtual double number(std::size_t row, std::size_t col) const = 0;
  // The cell as text (text columns).
  virtual std::string_view text(std::size_t row, std::size_t col) const = 0;

  // Index of a column; throws InputError naming the source when absent.
  std::size_t column(const std::string& name) const;
  std::optional<std::size_t> find_column(const std::string& name) const;
};

// A CSV file read whole (sim/core/csv_reader.hpp), seen as a Table.
class CsvView final : public Table {
 public:
  explicit CsvView(CsvTable table) : t_(std::move(table)) {}
  const std::string& source() const override { return t_.file; }
  const std::vector<std::string>& columns() const override { return t_.header; }
  std::size_t row_count() const override { return t_.rows.size(); }
  double number(std::size_t row, std::size_t col) const override { return t_.number(row, col); }
  std::string_view text(std::size_t row, std::size_t col) const override { return t_.rows[row][col]; }

 private:
  CsvTable t_;
};

// Rows appended in memory, column by column: numbers stay doubles (what a
// CSV file would read back exactly) and text is interned, so a run of
// thousands of cities over decades stays a few megabytes.
class MemoryTable final : public Table {
 public:
  // `text[c]` says whether column c holds text.
  MemoryTable(std::string source, std::vector<std::string> columns, std::vector<bool> text);

  // Appends the next cell of the current row (columns in order; a row is
  // complete once every column has had its cell).
  MemoryTable& add(double value);
  MemoryTable& add(std::string_view value);

  const std::string& source() const override { return source_; }
  const std::vector<std::string>& columns() const override { return columns_; }
  std::size_t row_count() const override { return rows_; }
  double number(std::size_t row, std::size_t col) const override;
  std::string_view text(std::size_t row, std::size_t col) const override;
  bool is_text(std::size_t col) const { return is_text_[col]; }

 private:
  std::string source_;
  std::vector<std::string> columns_;
  std::vector<bool> is_text_;
  std::vector<std::vector<double>> numbers_;       // per column (empty for text columns)
  std::vector<std::vector<std::uint32_t>> texts_;  // per column: ids into words_
  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t> word_ids_;
  std::size_t next_ = 0;  // column of the next cell
  std::size_t rows_ = 0;  // complete rows
};

}  // namespace urbis
