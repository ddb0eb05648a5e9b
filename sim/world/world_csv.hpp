#pragma once
// Reading the world's CSV files: the one CSV reader (sim/core/csv_reader)
// with the columns named by the loader, numbers parsed strictly, text
// required to be UTF-8. Internal to sim/world.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::world_io {

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
// strictly here (an empty field is missing, not 0). Text fields must be
// UTF-8 (they end up in JSON and in the report). Spaces and tabs around
// unquoted fields are dropped (the files are edited by hand); the reader's
// rules for quotes, line ends, a byte-order mark and over-long lines are
// those of every CSV input (sim/core/csv_reader.hpp).
template <unsigned N>
class CsvFile {
 public:
  CsvFile(const std::string& path, const std::array<const char*, N>& columns)
      : file_(path), columns_(columns), reader_(path, CsvOptions{true}) {
    if (!reader_.next()) throw InputError(SourcePlace{file_, 0, 0}, "the file is empty (no header line)");
    const std::vector<std::string>& header = reader_.fields();
    std::unordered_set<std::string_view> seen;  // a header may have many columns
    for (const auto& name : header)
      if (!seen.insert(name).second)
        throw InputError(SourcePlace{file_, reader_.line(), 0},
                         fmt::format("column '{}' appears twice in the header", shown(name)));
    for (unsigned k = 0; k < N; ++k) {
      const auto it = std::find(header.begin(), header.end(), columns_[k]);
      if (it == header.end())
        throw InputError(
            SourcePlace{file_, reader_.line(), 0},
            fmt::format("missing column '{}' in the header{}", columns_[k], did_you_mean(columns_[k], header)));
      index_[k] = static_cast<std::size_t>(it - header.begin());
    }
    width_ = header.size();
  }

  bool next() {
    if (!reader_.next()) return false;
    const std::size_t n = reader_.fields().size();
    if (n < width_) throw InputError(place(), "too few fields on this line");
    if (n > width_) throw InputError(place(), "too many fields on this line");
    return true;
  }

  int line() const { return reader_.line(); }
  SourcePlace place() const { return {file_, line(), 0}; }
  const std::string& file() const { return file_; }

  std::string text(unsigned k) const {
    const std::string_view v = field(k);
    if (const std::size_t at = yamlin::invalid_utf8_at(v); at != std::string_view::npos)
      throw InputError(place(), fmt::format("column '{}': '{}' is not UTF-8 text (byte {} is 0x{:02X}); save the "
                                            "file as UTF-8 (Latin-1 or Windows-1252 files must be converted)",
                                            columns_[k], shown(v), at + 1, static_cast<unsigned char>(v[at])));
    return std::string(v);
  }
  bool empty(unsigned k) const { return field(k).empty(); }
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
    const std::string_view t = field(k);
    const char* s = t.data();
    const char* end = s + t.size();
    if (*s == '+') ++s;
    double v = 0;
    const auto r = std::from_chars(s, end, v);
    if (r.ec != std::errc{} || r.ptr != end || !std::isfinite(v))
      throw InputError(place(), fmt::format("column '{}': '{}' is not a number", columns_[k], shown(field(k))));
    return v;
  }
  int integer(unsigned k) const {
    const double v = number(k);
    if (v != std::floor(v) || std::abs(v) > 1e9)
      throw InputError(place(), fmt::format("column '{}': '{}' is not a whole number", columns_[k], shown(field(k))));
    return static_cast<int>(v);
  }

 private:
  std::string_view field(unsigned k) const { return reader_.fields()[index_[k]]; }

  std::string file_;
  std::array<const char*, N> columns_;
  CsvReader reader_;
  std::array<std::size_t, N> index_{};
  std::size_t width_ = 0;
};

}  // namespace urbis::world_io
