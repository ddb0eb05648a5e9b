#pragma once
// Reading the world's CSV files: fast-cpp-csv-parser (libfccp) with its
// errors turned into InputError (file and line), numbers parsed strictly,
// text required to be UTF-8. Internal to sim/world.
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>
// csv.h trips -Wstringop-truncation in its own error classes.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include "sim/core/input_error.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::world_io {

// ---------------------------------------------------------------------------
// CSV reading: fast-cpp-csv-parser with its errors turned into InputError.

using TrimPolicy = io::trim_chars<' ', '\t'>;
using QuotePolicy = io::double_quote_escape<',', '"'>;

[[noreturn]] inline void throw_csv_error(const io::error::base& e, const std::string& file) {
  int line = 0;
  if (const auto* l = dynamic_cast<const io::error::with_file_line*>(&e))
    line = l->file_line > 0 ? l->file_line : 0;
  std::string column;
  if (const auto* c = dynamic_cast<const io::error::with_column_name*>(&e)) column = c->column_name;
  std::string content;
  if (const auto* c = dynamic_cast<const io::error::with_column_content*>(&e))
    content = c->column_content;

  std::string msg;
  if (const auto* o = dynamic_cast<const io::error::can_not_open_file*>(&e)) {
    msg = o->errno_value ? fmt::format("cannot open the file ({})", std::strerror(o->errno_value))
                         : "cannot open the file";
  } else if (dynamic_cast<const io::error::missing_column_in_header*>(&e)) {
    line = 1;
    msg = fmt::format("missing column '{}' in the header", column);
  } else if (dynamic_cast<const io::error::duplicated_column_in_header*>(&e)) {
    line = 1;
    msg = fmt::format("column '{}' appears twice in the header", column);
  } else if (dynamic_cast<const io::error::header_missing*>(&e)) {
    msg = "the file is empty (no header line)";
  } else if (dynamic_cast<const io::error::too_few_columns*>(&e)) {
    msg = "too few fields on this line";
  } else if (dynamic_cast<const io::error::too_many_columns*>(&e)) {
    msg = "too many fields on this line";
  } else if (dynamic_cast<const io::error::escaped_string_not_closed*>(&e)) {
    msg = "a quoted field is not closed";
  } else if (dynamic_cast<const io::error::line_length_limit_exceeded*>(&e)) {
    msg = "line too long (over 2^24 - 1 characters)";
  } else if (!column.empty()) {
    msg = fmt::format("column '{}': '{}' is not a valid value", column, content);
  } else {
    msg = e.what();
  }
  throw InputError(SourcePlace{file, line, 0}, msg);
}

// A field shown in a message: bytes that are not printable ASCII as \xNN.
inline std::string shown(std::string_view s) {
  std::string out;
  for (const char ch : s.substr(0, 80)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F) out += ch;
    else out += fmt::format("\\x{:02X}", c);
  }
  return s.size() > 80 ? out + "..." : out;
}

// One CSV file, read row by row; numeric fields are read as text and parsed
// strictly here (fccp turns an empty field into 0 and accepts ',' as a
// decimal point). Text fields must be UTF-8 (they end up in JSON and in the
// report). A UTF-8 byte-order mark at the start is skipped; lines may end in
// CRLF. A line longer than fccp's buffer (16 MiB) is an error at that line,
// so a huge line costs no more memory than the buffer.
template <unsigned N>
class CsvFile {
 public:
  CsvFile(const std::string& path, const std::array<const char*, N>& columns)
      : file_(path), columns_(columns) {
    try {
      std::FILE* in = std::fopen(path.c_str(), "rb");
      if (!in) {
        const int err = errno;
        throw InputError(SourcePlace{file_, 0, 0}, fmt::format("cannot open the file ({})", std::strerror(err)));
      }
      char bom[3] = {};
      if (std::fread(bom, 1, 3, in) != 3 || std::memcmp(bom, "\xEF\xBB\xBF", 3) != 0) std::rewind(in);
      reader_ = std::make_unique<io::CSVReader<N, TrimPolicy, QuotePolicy>>(path, in);  // owns `in`
      std::apply([&](auto... name) { reader_->read_header(io::ignore_extra_column, std::string(name)...); },
                 columns_);
    } catch (const io::error::base& e) {
      throw_csv_error(e, file_);
    }
  }

  bool next() {
    try {
      return std::apply([&](auto&... field) { return reader_->read_row(field...); }, row_);
    } catch (const io::error::base& e) {
      throw_csv_error(e, file_);
    }
  }

  int line() const { return static_cast<int>(reader_->get_file_line()); }
  SourcePlace place() const { return {file_, line(), 0}; }
  const std::string& file() const { return file_; }

  std::string text(unsigned k) const {
    if (!row_[k]) return {};
    const std::string_view v(row_[k]);
    if (const std::size_t at = yamlin::invalid_utf8_at(v); at != std::string_view::npos)
      throw InputError(place(), fmt::format("column '{}': '{}' is not UTF-8 text (byte {} is 0x{:02X}); save the "
                                            "file as UTF-8 (Latin-1 or Windows-1252 files must be converted)",
                                            columns_[k], shown(v), at + 1, static_cast<unsigned char>(v[at])));
    return std::string(v);
  }
  bool empty(unsigned k) const { return !row_[k] || !*row_[k]; }
  const char* column(unsigned k) const { return columns_[k]; }

  // A finite number, or InputError naming the column.
  double number(unsigned k) const {
    const auto v = maybe_number(k);
    if (!v) throw InputError(place(), fmt::format("column '{}': a number is missing", columns_[k]));
    return *v;
  }
  // Empty field: nullopt; anything else must be a finite number.
  std::optional<double> maybe_number(unsigned k) const {
    if (empty(k)) return std::nullopt;
    const char* s = row_[k];
    const char* end = s + std::strlen(s);
    if (*s == '+') ++s;
    double v = 0;
    const auto r = std::from_chars(s, end, v);
    if (r.ec != std::errc{} || r.ptr != end || !std::isfinite(v))
      throw InputError(place(), fmt::format("column '{}': '{}' is not a number", columns_[k], shown(row_[k])));
    return v;
  }
  int integer(unsigned k) const {
    const double v = number(k);
    if (v != std::floor(v) || std::abs(v) > 1e9)
      throw InputError(place(), fmt::format("column '{}': '{}' is not a whole number", columns_[k], shown(row_[k])));
    return static_cast<int>(v);
  }

 private:
  std::string file_;
  std::array<const char*, N> columns_;
  std::unique_ptr<io::CSVReader<N, TrimPolicy, QuotePolicy>> reader_;
  std::array<char*, N> row_{};
};

}  // namespace urbis::world_io
