#include "sim/core/yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>

namespace urbis::yamlin {
namespace {

namespace fs = std::filesystem;

int one_based(int zero_based) { return zero_based >= 0 ? zero_based + 1 : 0; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string shorten(std::string_view s, std::size_t max = 60) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max)) + "...";
}

// Walks the parser's events before any node is built, counting the nodes a
// reader would visit: an alias (*name) counts the whole block its anchor
// (&name) names, each time it appears. This refuses a 'billion laughs'
// input at the alias that crosses the limit, before the document takes
// memory, and an alias inside the block it names (a cycle) at that alias.
// It also refuses a key given twice in one mapping: yaml-cpp keeps both
// pairs and node["key"] answers the first, so the second would be silently
// ignored (yaml-cpp issue 60); the events still carry each key's place.
class Prescan : public YAML::EventHandler {
 public:
  Prescan(const std::string& file, const std::string& text) : file_(file), text_(text) {}
  std::size_t documents() const { return documents_; }
  YAML::Mark second_document() const { return second_; }

  void OnDocumentStart(const YAML::Mark& m) override {
    // yaml-cpp 0.7 does not consume a token no rule matches (a ',' outside
    // [ ] or { }): it reports an empty document there, again and again,
    // forever (yaml-cpp issue 1040). A document that starts where the last
    // one did is that loop.
    if (documents_ > 0 && m.pos == last_start_.pos) {
      const std::size_t at = static_cast<std::size_t>(std::max(m.pos, 0));
      const char c = at < text_.size() ? text_[at] : ' ';
      throw InputError(place(m),
                       c > ' ' && c < 0x7F
                           ? fmt::format("YAML syntax error: unexpected '{}' (a ',' belongs inside [ ] or {{ }})", c)
                           : std::string("YAML syntax error: unexpected text"));
    }
    last_start_ = m;
    if (++documents_ == 2) second_ = m;
    total_ = 0;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    leaf(m, a);
    keys_.value_done();
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& value) override {
    leaf(m, a);
    keys_.scalar(m, value, file_);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    keys_.value_done();
    const auto it = blocks_.find(a);
    if (it == blocks_.end())
      throw InputError(place(m), fmt::format("the alias *{} refers to a block that contains it; such a block "
                                             "would never end",
                                             name_of(a)));
    if (total_ + it->second.nodes > kMaxNodes)
      throw InputError(place(m), fmt::format("the alias *{} repeats a block of {} YAML nodes, taking the document to "
                                             "more than {} YAML nodes once its aliases (*name) are expanded; aliases "
                                             "that repeat large anchored blocks (a 'billion laughs' input) are refused",
                                             name_of(a), it->second.nodes, kMaxNodes));
    if (static_cast<int>(open_.size()) + it->second.height > kMaxDepth)
      throw InputError(place(m), fmt::format("the alias *{} nests mappings and lists more than {} levels deep",
                                             name_of(a), kMaxDepth));
    total_ += it->second.nodes;
    child_height(it->second.height);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a);
    keys_.open(false);
  }
  void OnSequenceEnd() override {
    close();
    keys_.close();
  }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a);
    keys_.open(true);
  }
  void OnMapEnd() override {
    close();
    keys_.close();
  }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

 private:
  struct Block {
    std::size_t nodes = 0;  // with its aliases expanded
    int height = 0;         // levels of mappings and lists, 0 for a scalar
  };
  struct Open {
    YAML::anchor_t anchor;
    std::size_t first;  // total_ before it
    int height;         // of its tallest child so far
  };

  SourcePlace place(const YAML::Mark& m) const { return SourcePlace{file_, one_based(m.line), one_based(m.column)}; }
  std::string name_of(YAML::anchor_t a) const {
    const auto it = names_.find(a);
    return it == names_.end() ? std::string("?") : it->second;
  }
  void count(const YAML::Mark& m, YAML::anchor_t a) {
    if (++total_ > kMaxNodes)
      throw InputError(place(m), fmt::format("the document has more than {} YAML nodes", kMaxNodes));
    if (a != YAML::NullAnchor) names_[a] = anchor_name_;
  }
  void child_height(int h) {
    if (!open_.empty()) open_.back().height = std::max(open_.back().height, h);
  }
  void leaf(const YAML::Mark& m, YAML::anchor_t a) {
    count(m, a);
    if (a != YAML::NullAnchor) blocks_[a] = Block{1, 0};
  }
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    count(m, a);
    if (static_cast<int>(open_.size()) >= kMaxDepth)
      throw InputError(place(m), fmt::format("mappings and lists are nested more than {} levels deep", kMaxDepth));
    open_.push_back(Open{a, total_ - 1, 0});
  }
  void close() {
    const Open o = open_.back();
    open_.pop_back();
    const Block b{total_ - o.first, o.height + 1};
    if (o.anchor != YAML::NullAnchor) blocks_[o.anchor] = b;
    child_height(b.height);
  }

  // The keys of each open mapping, to refuse one given twice. Events of a
  // mapping alternate key, value; a key that is itself a list or mapping
  // is rare and not compared.
  class KeyCheck {
   public:
    void open(bool mapping) {
      value_done();  // the new block is the value (or key) of its parent
      frames_.push_back(Frame{mapping, true, {}});
    }
    void close() { frames_.pop_back(); }
    void value_done() {
      if (!frames_.empty() && frames_.back().mapping) frames_.back().at_key = !frames_.back().at_key;
    }
    void scalar(const YAML::Mark& m, const std::string& value, const std::string& file) {
      if (!frames_.empty() && frames_.back().mapping && frames_.back().at_key) {
        const auto [first, fresh] = frames_.back().keys.emplace(value, m);
        if (!fresh)
          throw InputError(SourcePlace{file, one_based(m.line), one_based(m.column)},
                           fmt::format("key '{}' is given twice (first at line {}, column {})", shorten(value),
                                       one_based(first->second.line), one_based(first->second.column)));
      }
      value_done();
    }

   private:
    struct Frame {
      bool mapping;
      bool at_key;  // the next event is a key (mappings only)
      std::unordered_map<std::string, YAML::Mark> keys;
    };
    std::vector<Frame> frames_;
  };

  const std::string& file_;
  const std::string& text_;
  KeyCheck keys_;
  YAML::Mark last_start_;
  std::size_t documents_ = 0;
  YAML::Mark second_;
  std::size_t total_ = 0;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, Block> blocks_;
  std::unordered_map<YAML::anchor_t, std::string> names_;
  std::string anchor_name_;
};

// A scalar written as a plain (unquoted, untagged) scalar.
bool plain(const YAML::Node& n) { return n.IsScalar() && n.Tag() == "?"; }

}  // namespace

YAML::Node load_file(const std::string& file, std::string_view what) {
  const SourcePlace whole{file, 0, 0};
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);
  if (ec || !fs::exists(st)) throw InputError(whole, fmt::format("{} file not found", what));
  if (!fs::is_regular_file(st)) throw InputError(whole, fmt::format("{} file is not a regular file", what));
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) throw InputError(whole, fmt::format("cannot read {} file: {}", what, ec.message()));
  if (size > kMaxFileBytes)
    throw InputError(whole,
                     fmt::format("{} file is {} bytes; at most {} bytes (4 MiB) are read", what, size, kMaxFileBytes));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(whole, fmt::format("cannot open {} file", what));
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes)
      throw InputError(whole, fmt::format("{} file is larger than {} bytes (4 MiB)", what, kMaxFileBytes));
  }

  // YAML is Unicode; yaml-cpp passes bad bytes through, and a name that is
  // not UTF-8 would only fail when run.json is written, after the run.
  // (yaml-cpp itself reads UTF-16 and UTF-32 files, but they are not UTF-8:
  // refused here with the same advice.)
  if (const std::size_t at = invalid_utf8_at(text); at != std::string_view::npos) {
    const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t col = line_start == std::string::npos || at == 0 ? at : at - line_start - 1;
    const auto line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    throw InputError(SourcePlace{file, line + 1, static_cast<int>(col) + 1},
                     fmt::format("the {} file is not UTF-8 text (byte 0x{:02X} here); save it as UTF-8 (Latin-1, "
                                 "Windows-1252 and UTF-16 files must be converted)",
                                 what, static_cast<unsigned char>(text[at])));
  }

  // First the events alone (limits, documents), then the nodes.
  YAML::Node doc;
  try {
    Prescan scan(file, text);
    {
      std::istringstream events(text);
      YAML::Parser parser(events);
      while (parser.HandleNextDocument(scan)) {
      }
    }
    if (scan.documents() > 1) {
      const YAML::Mark m = scan.second_document();
      throw InputError(
          SourcePlace{file, one_based(m.line), one_based(m.column)},
          fmt::format("{} file holds {} YAML documents (separated by '---'); expected one", what, scan.documents()));
    }
    if (scan.documents() == 0) return YAML::Node(YAML::NodeType::Null);
    doc = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(SourcePlace{file, one_based(e.mark.line), one_based(e.mark.column)},
                     fmt::format("YAML syntax error: {}", e.msg));
  } catch (const YAML::Exception& e) {
    throw InputError(SourcePlace{file, one_based(e.mark.line), one_based(e.mark.column)},
                     fmt::format("cannot read YAML: {}", e.msg));
  }
  return doc;
}

std::size_t invalid_utf8_at(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = p[i];
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned b = p[i + k];
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::optional<double> parse_real(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+' || s.front() == ' ') return std::nullopt;
  // Only decimal forms: digits, sign, point, exponent (no hex, inf, nan).
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == 'e' || c == 'E' || c == '+'))
      return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (ec != std::errc{} || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return std::nullopt;
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::uint64_t> parse_uint(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front()))) return std::nullopt;
  std::uint64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(std::string_view text) {
  const std::string_view s = trim(text);
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

std::string describe(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "nothing";
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a mapping";
  if (!plain(n)) return fmt::format("the quoted string '{}'", shorten(n.Scalar()));
  return fmt::format("'{}'", shorten(n.Scalar()));
}

SourcePlace Reader::at(const YAML::Node& n) const {
  if (!n.IsDefined()) return SourcePlace{file_, 0, 0};
  const YAML::Mark m = n.Mark();
  return SourcePlace{file_, one_based(m.line), one_based(m.column)};
}

void Reader::fail(const YAML::Node& n, const std::string& message) const { throw InputError(at(n), message); }

void Reader::expected(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (key.empty()) fail(n, fmt::format("expected {}, got {}", what, describe(n)));
  fail(n, fmt::format("{}: expected {}, got {}", key, what, describe(n)));
}

std::vector<Entry> Reader::mapping(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (!n.IsMap()) expected(n, key, what);
  std::vector<Entry> out;
  // Keys given twice were refused by load_file, at the second one.
  for (auto it = n.begin(); it != n.end(); ++it) {
    const YAML::Node k = it->first;
    if (!k.IsScalar() || k.Scalar().empty())
      fail(k, fmt::format("{}{}keys must be plain names, got {}", key, key.empty() ? "" : ": ", describe(k)));
    out.push_back(Entry{k.Scalar(), k, it->second});
  }
  return out;
}

void Reader::check_keys(const std::vector<Entry>& entries, const std::vector<std::string>& valid,
                        std::string_view where) const {
  ErrorList errors;  // every unknown key of the mapping at once
  for (const auto& e : entries) {
    if (std::find(valid.begin(), valid.end(), e.key) != valid.end()) continue;
    errors.add(InputError(at(e.key_node), fmt::format("unknown key '{}'{}; valid keys {}: {}", shorten(e.key),
                                                      did_you_mean(e.key, valid), where, list_choices(valid, 24))));
  }
  errors.throw_if_any();
}

std::vector<YAML::Node> Reader::sequence(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (!n.IsSequence()) expected(n, key, what);
  std::vector<YAML::Node> out;
  for (auto it = n.begin(); it != n.end(); ++it) out.push_back(*it);
  return out;
}

std::string Reader::text(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (!n.IsScalar() || n.Scalar().empty()) expected(n, key, what);
  return n.Scalar();
}

double Reader::number(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (!n.IsScalar()) expected(n, key, what);
  if (!plain(n))
    fail(n, fmt::format("{}{}expected {}, got {} (write numbers without quotes)", key, key.empty() ? "" : ": ", what,
                        describe(n)));
  const auto v = parse_real(n.Scalar());
  if (!v) expected(n, key, what);
  return *v;
}

std::int64_t Reader::integer(const YAML::Node& n, std::string_view key, std::string_view what, std::int64_t lo,
                             std::int64_t hi) const {
  if (!n.IsScalar()) expected(n, key, what);
  if (!plain(n))
    fail(n, fmt::format("{}{}expected {}, got {} (write numbers without quotes)", key, key.empty() ? "" : ": ", what,
                        describe(n)));
  const auto v = parse_int(n.Scalar());
  if (!v) expected(n, key, what);
  if (*v < lo || *v > hi)
    fail(n, fmt::format("{}{}expected {} in [{}, {}], got {}", key, key.empty() ? "" : ": ", what, lo, hi, *v));
  return *v;
}

std::uint64_t Reader::unsigned64(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (!n.IsScalar()) expected(n, key, what);
  if (!plain(n))
    fail(n, fmt::format("{}{}expected {}, got {} (write numbers without quotes)", key, key.empty() ? "" : ": ", what,
                        describe(n)));
  const auto v = parse_uint(n.Scalar());
  if (!v) expected(n, key, what);
  return *v;
}

std::optional<bool> Reader::maybe_bool(const YAML::Node& n) const {
  if (!plain(n)) return std::nullopt;
  return parse_bool(n.Scalar());
}

bool Reader::boolean(const YAML::Node& n, std::string_view key) const {
  const auto b = maybe_bool(n);
  if (!b) expected(n, key, "true or false");
  return *b;
}

const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key) {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

}  // namespace urbis::yamlin
