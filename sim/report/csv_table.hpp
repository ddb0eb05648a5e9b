#pragma once
// A CSV file read whole into memory: its header and rows of text fields
// (RFC 4180 quoting). Enough for the report, which reads each output once.
#include <optional>
#include <string>
#include <vector>

namespace urbis {

struct CsvTable {
  std::string file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // Index of a column; throws InputError naming the file when absent.
  std::size_t column(const std::string& name) const;
  std::optional<std::size_t> find_column(const std::string& name) const;
  // The field as a number (NaN when empty or not a number).
  double number(std::size_t row, std::size_t col) const;
};

// Throws InputError when the file cannot be read or a row has the wrong
// number of fields.
CsvTable read_csv(const std::string& path);

// Splits CSV text into rows of fields.
std::vector<std::vector<std::string>> split_csv(const std::string& text);

}  // namespace urbis
