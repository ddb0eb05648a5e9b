#pragma once
// Rows of a table read once from the top, for the tables that can be too
// large to hold whole (cities.csv, places.csv and memberships.csv of a run
// of millions of cities): a CSV file streamed from disk with the one CSV
// reader (sim/core/csv_reader), or a table kept in memory by a live run. Only the
// columns asked for are read; a column may be absent (has() says so).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace urbis {

class Table;

class Rows {
 public:
  virtual ~Rows() = default;
  // Whether the table has the k-th column asked for.
  virtual bool has(std::size_t k) const = 0;
  // Advances to the next row; false at the end.
  virtual bool next() = 0;
  // The k-th column of the current row: as a number (NaN when empty or not a
  // number, or the column is absent), as text ("" when absent).
  virtual double number(std::size_t k) const = 0;
  virtual std::string_view text(std::size_t k) const = 0;
};

// Where a table comes from: a Table in memory, or a CSV file to stream.
struct RowSource {
  const Table* table = nullptr;
  std::string file;

  RowSource(const Table* t = nullptr) : table(t) {}  // NOLINT: a Table converts (live runs)
  static RowSource csv(std::string path) {
    RowSource s;
    s.file = std::move(path);
    return s;
  }

  bool present() const { return table || !file.empty(); }
  std::string name() const;  // for messages
  // At most 8 columns; throws InputError when the file cannot be read or
  // lacks a column of `required`.
  std::unique_ptr<Rows> open(const std::vector<std::string>& columns,
                             const std::vector<std::string>& required = {}) const;
};

}  // namespace urbis
