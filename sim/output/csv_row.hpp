#pragma once
// One line of a CSV output from the data dictionary (analysis/observables.hpp):
// the header of a file's columns, and a row's values, each number rounded to
// its column's precision and written in the shortest form that reads back
// to that rounded value.
#include <algorithm>
#include <string>
#include <vector>

#include "analysis/observables.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

void append_header(std::string& out, const std::vector<BoundColumn>& columns);
void append_row(std::string& out, const std::vector<BoundColumn>& columns, const ObservableRow& row);
// A number rounded to `precision`, in the shortest form that reads back as
// precision.round(v): the text fmt's "{}" gives that double (a whole number's
// digits for a whole-number column).
void append_number(std::string& out, double v, const Precision& precision);

// Rows for the indices [0, n) -- cities, in a file of a row or more per city
// -- formatted in parallel: rows(i, text) appends index i's lines to text, and
// write(text) takes the text of consecutive indices in index order. The bytes
// are those of one loop, whatever the thread count; at most kRowBatch
// indices' text is held at once.
inline constexpr std::size_t kRowBatch = 64 * kPiece;

template <class Rows, class Write>
void write_rows_in_parallel(std::size_t n, Rows&& rows, Write&& write) {
  std::vector<std::string> texts(kRowBatch / kPiece);
  for (std::size_t start = 0; start < n; start += kRowBatch) {
    const std::size_t count = std::min(kRowBatch, n - start);
    for_pieces(count, [&](std::size_t b, std::size_t e, std::size_t piece) {
      std::string& text = texts[piece];
      text.clear();
      for (std::size_t i = start + b; i < start + e; ++i) rows(i, text);
    });
    for (std::size_t piece = 0; piece < piece_count(count); ++piece) write(texts[piece]);
  }
}

}  // namespace urbis
