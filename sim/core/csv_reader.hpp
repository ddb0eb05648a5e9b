#pragma once
// The one reader of CSV files: the world's data files, and the outputs that
// the report, the sweep summaries and the tests read back; built on libcsv
// (RFC 4180, strict mode). Every reader of CSV handles the same input the same way:
//  - quoted fields hold commas, quotes ("") and line breaks;
//  - lines end in LF, CRLF or a bare CR; blank lines are skipped;
//  - a UTF-8 byte-order mark at the start is skipped;
//  - a quote inside a field that is not quoted, text after a closing quote,
//    a quoted field left open at the end of the file, a NUL byte and a line
//    longer than kMaxCsvLineBytes are InputErrors at their file and line (and column
//    where there is one); so is a row whose field count differs from the
//    header's, and a column asked for by a name the header lacks (with the
//    nearest name in the header).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/input_error.hpp"

namespace urbis {

// A longer line is refused at its place, so a broken file costs no more
// memory than this.
inline constexpr std::size_t kMaxCsvLineBytes = (std::size_t{1} << 24) - 1;

struct CsvOptions {
  // Drop spaces and tabs around unquoted fields (hand-edited data files);
  // the program's own outputs are read exactly as written.
  bool trim = false;
};

// Records one at a time, from a file or from text: memory holds one record.
class CsvReader {
 public:
  // InputError when the file cannot be opened.
  explicit CsvReader(const std::string& file, CsvOptions options = {});
  // Text already in memory; `name` stands for the file in messages.
  static CsvReader from_text(std::string_view text, std::string name, CsvOptions options = {});
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  ~CsvReader();

  // Reads the next record into fields(); false at the end of the input.
  bool next();
  const std::vector<std::string>& fields() const;
  // The line (1-based) where the current record starts.
  int line() const;
  SourcePlace place() const { return SourcePlace{file(), line(), 0}; }
  const std::string& file() const;

 private:
  struct Impl;
  explicit CsvReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A CSV file read whole: its header and rows of text fields, every row as
// long as the header.
struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;  // where each row starts in the file

  // Index of a column; InputError at the header naming the nearest column.
  std::size_t column(const std::string& name) const;
  std::optional<std::size_t> find_column(const std::string& name) const;
  // The field as a number (NaN when empty or not a number).
  double number(std::size_t row, std::size_t col) const;
};

// InputError when the file cannot be read, is empty or is malformed.
CsvTable read_csv(const std::string& path, CsvOptions options = {});
// The same from text in memory; `name` stands for the file in messages.
CsvTable parse_csv(std::string_view text, std::string name = "<text>", CsvOptions options = {});
// Every record of CSV text, the header first, fields counted as written.
std::vector<std::vector<std::string>> csv_records(std::string_view text);

// A field that must be a number: NaN when empty, std::runtime_error when it
// is anything but a whole decimal number.
double field_number(const std::string& field);

}  // namespace urbis
