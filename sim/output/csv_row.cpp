#include "sim/output/csv_row.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "sim/output/atomic_file.hpp"

namespace urbis {

namespace {

// (find_first_of would call memchr over the four bytes once per character.)
bool needs_quotes(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; });
}

void put_text(std::string& out, std::string_view s) {
  if (!needs_quotes(s)) out += s;  // the usual case: no quoting, no temporary string
  else out += csv_field(s);
}

// Writes a rounded number from its decimal steps, as fmt's "{}" writes the
// rounded double (its shortest form): the shortest form of a decimal of at
// most 15 digits is those digits, so no search for it is needed. Outside
// fmt's fixed notation (exponents below -4 or from 16: fmt writes 1e-05 and
// 1e+16), or with more digits, it writes nothing and says so.
bool put_decimal(std::string& out, DecimalRounding d) {
  constexpr double kMaxSteps = 1e15;  // 15 digits
  if (!(std::fabs(d.steps) < kMaxSteps)) return false;
  auto steps = static_cast<std::int64_t>(d.steps);
  if (steps == 0) {
    out += '0';  // the rounding writes no -0
    return true;
  }
  int exponent = -d.shift;  // of the last digit
  while (steps % 10 == 0) steps /= 10, ++exponent;
  char digits[24];
  const auto magnitude = static_cast<std::uint64_t>(steps < 0 ? -steps : steps);
  const int n = static_cast<int>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  const int leading = exponent + n - 1;  // of the first digit
  if (leading < -4 || leading >= 16) return false;
  if (steps < 0) out += '-';
  if (exponent >= 0) {  // 12300
    out.append(digits, static_cast<std::size_t>(n));
    out.append(static_cast<std::size_t>(exponent), '0');
  } else if (leading >= 0) {  // 12.3
    const auto whole = static_cast<std::size_t>(leading + 1);
    out.append(digits, whole);
    out += '.';
    out.append(digits + whole, static_cast<std::size_t>(n) - whole);
  } else {  // 0.0123
    out += "0.";
    out.append(static_cast<std::size_t>(-leading - 1), '0');
    out.append(digits, static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

// A column's value rounded to its precision and written in the shortest form
// that reads back as the rounded double. Most numbers go by their decimal
// steps (above); the rest by fmt, whose format string is compiled, not parsed
// for every number.
void append_number(std::string& out, double v, const Precision& precision) {
  if (const auto d = precision.decimal(v); d && put_decimal(out, *d)) return;
  const double r = precision.round(v);
  if (precision.kind == Precision::Kind::integer && std::fabs(r) < 9e15)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), static_cast<long long>(r));
  else fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), r);
}

void append_header(std::string& out, const std::vector<BoundColumn>& columns) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c) out += ',';
    put_text(out, columns[c].name);
  }
  out += '\n';
}

void append_row(std::string& out, const std::vector<BoundColumn>& columns, const ObservableRow& row) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c) out += ',';
    const BoundColumn& col = columns[c];
    if (col.observable->is_text()) put_text(out, col.text(row));
    else append_number(out, col.observable->number(row, col.member), col.observable->precision);
  }
  out += '\n';
}

}  // namespace urbis
