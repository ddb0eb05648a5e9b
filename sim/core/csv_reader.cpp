#include "sim/core/csv_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>
#include <stdexcept>
#include <utility>

#include <csv.h>
#include <fmt/format.h>

namespace urbis {

namespace {
int no_space(unsigned char) { return 0; }
int space_or_tab(unsigned char c) { return c == ' ' || c == '\t'; }
// libcsv's parser state between records (ROW_NOT_BEGUN in libcsv.c).
constexpr int kRowNotBegun = 0;
// libcsv's smallest growth of its field buffer: one read of the file.
constexpr std::size_t kMinFieldBlock = std::size_t{1} << 16;
}  // namespace

struct CsvReader::Impl {
  std::string file;
  std::FILE* in = nullptr;  // the source, or
  std::string text;         // the text, when read from memory
  std::size_t text_at = 0;
  csv_parser parser{};
  bool parser_ready = false;

  struct Record {
    std::vector<std::string> fields;
    int line;
  };
  std::deque<Record> ready;  // parsed, not yet handed out
  // The record being built: its first `built` strings are this record's
  // fields. Records handed out come back as `spare` (next()), so a file of
  // alike records reuses the same vectors and strings instead of allocating
  // for every record and every field longer than the small-string buffer.
  std::vector<std::string> building;
  std::size_t built = 0;
  std::vector<std::vector<std::string>> spare;
  Record current{{}, 0};

  int line = 1;                // the physical line being fed
  int record_line = 1;         // where the record being parsed starts
  std::size_t line_bytes = 0;  // of the line being fed, so far
  bool after_cr = false;       // the last byte fed ended a line with CR
  bool started = false;        // the byte-order mark was looked for
  bool done = false;

  Impl(std::string f, CsvOptions o) : file(std::move(f)) {
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
      throw InputError(SourcePlace{file, 0, 0}, "cannot read CSV: out of memory");
    parser_ready = true;
    // libcsv grows its field buffer by a fixed block (128 bytes by default),
    // which copies a long field over and over: quadratic, and minutes for a
    // 16 MiB line where realloc cannot move pages. feed() sets the block to
    // the buffer's size before each piece of a line (at most one fill), so
    // the buffer doubles instead: 9 growths to the longest line accepted.
    csv_set_blk_size(&parser, kMinFieldBlock);
    csv_set_space_func(&parser, o.trim ? space_or_tab : no_space);
  }
  ~Impl() {
    if (parser_ready) csv_free(&parser);
    if (in) std::fclose(in);
  }

  static void on_field(void* s, std::size_t len, void* self) {
    auto* me = static_cast<Impl*>(self);
    const char* text = s ? static_cast<const char*>(s) : "";
    len = s ? len : 0;
    if (me->built < me->building.size()) me->building[me->built].assign(text, len);
    else me->building.emplace_back(text, len);
    ++me->built;
  }
  static void on_record(int, void* self) {
    auto* me = static_cast<Impl*>(self);
    me->building.resize(me->built);
    me->ready.push_back(Record{std::move(me->building), me->record_line});
    me->building.clear();
    if (!me->spare.empty()) {
      me->building = std::move(me->spare.back());
      me->spare.pop_back();
    }
    me->built = 0;
  }

  [[noreturn]] void parse_error(std::size_t column) {
    if (csv_error(&parser) == CSV_EPARSE)
      throw InputError(SourcePlace{file, line, static_cast<int>(column)},
                       "a quote inside a field that is not quoted, or text after a closing quote (a field "
                       "with a quote must be quoted whole, its quotes doubled: \"say \"\"hi\"\"\")");
    throw InputError(SourcePlace{file, line, 0}, fmt::format("cannot read CSV: {}", csv_strerror(csv_error(&parser))));
  }

  // Feeds bytes a line at a time, so each record knows the line it starts
  // on and an error knows its line and column.
  void feed(const char* p, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
      if (after_cr && p[i] == '\n') {  // the LF of a CRLF: the same line end
        after_cr = false;
        if (csv_parse(&parser, p + i, 1, on_field, on_record, this) != 1) parse_error(0);
        ++i;
        continue;
      }
      after_cr = false;
      if (parser.pstate == kRowNotBegun) record_line = line;
      std::size_t j = i;
      while (j < n && p[j] != '\n' && p[j] != '\r') ++j;
      const std::size_t len = j - i + (j < n ? 1 : 0);
      if (line_bytes + (j - i) > kMaxCsvLineBytes)
        throw InputError(SourcePlace{file, line, 0},
                         fmt::format("line too long (over {} MiB)", (kMaxCsvLineBytes + 1) >> 20));
      if (const void* nul = std::memchr(p + i, '\0', len))
        throw InputError(
            SourcePlace{file, line, static_cast<int>(line_bytes + (static_cast<const char*>(nul) - (p + i)) + 1)},
            "a NUL byte: this is not a text file");
      csv_set_blk_size(&parser, std::max(kMinFieldBlock, parser.entry_size));
      const std::size_t used = csv_parse(&parser, p + i, len, on_field, on_record, this);
      if (used != len) parse_error(line_bytes + used + 1);
      line_bytes += len;
      if (j < n) {
        ++line;
        line_bytes = 0;
        after_cr = p[j] == '\r';
      }
      i += len;
    }
  }

  // Reads more input; false once it is all fed.
  bool fill() {
    if (done) return false;
    char buf[1 << 16];
    std::size_t n = 0;
    if (in) {
      n = std::fread(buf, 1, sizeof buf, in);
      if (n == 0 && std::ferror(in))
        throw InputError(SourcePlace{file, line, 0}, fmt::format("cannot read the file ({})", std::strerror(errno)));
    } else {
      n = std::min(sizeof buf, text.size() - text_at);
      std::memcpy(buf, text.data() + text_at, n);
      text_at += n;
    }
    const char* p = buf;
    if (!started) {
      started = true;
      if (n >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, n -= 3;
    }
    if (n > 0) {
      feed(p, n);
      return true;
    }
    done = true;
    if (csv_fini(&parser, on_field, on_record, this) != 0)
      throw InputError(SourcePlace{file, record_line, 0}, "a quoted field is not closed (its record starts here)");
    return true;
  }
};

CsvReader::CsvReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

CsvReader::CsvReader(const std::string& file, CsvOptions options) : impl_(std::make_unique<Impl>(file, options)) {
  impl_->in = std::fopen(file.c_str(), "rb");
  if (!impl_->in)
    throw InputError(SourcePlace{file, 0, 0}, fmt::format("cannot open the file ({})", std::strerror(errno)));
}

CsvReader CsvReader::from_text(std::string_view text, std::string name, CsvOptions options) {
  auto impl = std::make_unique<Impl>(std::move(name), options);
  impl->text = std::string(text);
  return CsvReader(std::move(impl));
}

CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

bool CsvReader::next() {
  while (impl_->ready.empty())
    if (!impl_->fill()) return false;
  if (impl_->current.fields.capacity() > 0) impl_->spare.push_back(std::move(impl_->current.fields));
  impl_->current = std::move(impl_->ready.front());
  impl_->ready.pop_front();
  return true;
}

const std::vector<std::string>& CsvReader::fields() const { return impl_->current.fields; }
int CsvReader::line() const { return impl_->current.line; }
const std::string& CsvReader::file() const { return impl_->file; }

namespace {
CsvTable table_of(CsvReader& r) {
  CsvTable t;
  t.file = r.file();
  if (!r.next()) throw InputError(SourcePlace{t.file, 0, 0}, "the file is empty (expected a header line)");
  t.header = r.fields();
  while (r.next()) {
    if (r.fields().size() != t.header.size())
      throw InputError(r.place(), fmt::format("{} fields where the header has {}", r.fields().size(), t.header.size()));
    t.rows.push_back(r.fields());
    t.lines.push_back(r.line());
  }
  return t;
}
}  // namespace

CsvTable read_csv(const std::string& path, CsvOptions options) {
  CsvReader r(path, options);
  return table_of(r);
}

CsvTable parse_csv(std::string_view text, std::string name, CsvOptions options) {
  CsvReader r = CsvReader::from_text(text, std::move(name), options);
  return table_of(r);
}

std::vector<std::vector<std::string>> csv_records(std::string_view text) {
  CsvReader r = CsvReader::from_text(text, "<text>");
  std::vector<std::vector<std::string>> out;
  while (r.next()) out.push_back(r.fields());
  return out;
}

std::optional<std::size_t> CsvTable::find_column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

std::size_t CsvTable::column(const std::string& name) const {
  if (auto c = find_column(name)) return *c;
  throw InputError({file, 1, 0}, fmt::format("no column '{}'{}", name, did_you_mean(name, header)));
}

double CsvTable::number(std::size_t row, std::size_t col) const {
  const std::string& s = rows[row][col];
  double v = std::numeric_limits<double>::quiet_NaN();
  if (s.empty()) return v;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc{}) return std::numeric_limits<double>::quiet_NaN();
  return v;
}

double field_number(const std::string& f) {
  if (f.empty()) return std::numeric_limits<double>::quiet_NaN();
  double v = 0;
  const auto r = std::from_chars(f.data(), f.data() + f.size(), v);
  if (r.ec != std::errc() || r.ptr != f.data() + f.size())
    throw std::runtime_error(fmt::format("not a number: '{}'", f));
  return v;
}

}  // namespace urbis
