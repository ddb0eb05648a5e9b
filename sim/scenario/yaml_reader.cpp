#include "sim/scenario/yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>

#include <fmt/format.h>

namespace urbis::yamlin {
namespace {

namespace fs = std::filesystem;

int one_based(int zero_based) { return zero_based >= 0 ? zero_based + 1 : 0; }

// Counts the nodes of a document the way a walk sees them (an alias is
// walked again each time it appears), stopping at the limits.
void count_nodes(const YAML::Node& n, int depth, std::size_t& total, const std::string& file) {
  if (++total > kMaxNodes) {
    const YAML::Mark m = n.Mark();
    throw InputError(
        SourcePlace{file, one_based(m.line), one_based(m.column)},
        fmt::format("the document has more than {} YAML nodes once its aliases (*name) are expanded; "
                    "aliases that repeat large anchored blocks (a 'billion laughs' input) are refused",
                    kMaxNodes));
  }
  if (depth > kMaxDepth) {
    const YAML::Mark m = n.Mark();
    throw InputError(SourcePlace{file, one_based(m.line), one_based(m.column)},
                     fmt::format("mappings and lists are nested more than {} levels deep "
                                 "(or an alias refers to a block that contains it)",
                                 kMaxDepth));
  }
  if (n.IsMap()) {
    for (auto it = n.begin(); it != n.end(); ++it) {
      count_nodes(it->first, depth + 1, total, file);
      count_nodes(it->second, depth + 1, total, file);
    }
  } else if (n.IsSequence()) {
    for (auto it = n.begin(); it != n.end(); ++it) count_nodes(*it, depth + 1, total, file);
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string shorten(std::string_view s, std::size_t max = 60) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max)) + "...";
}

// A scalar written as a plain (unquoted, untagged) scalar.
bool plain(const YAML::Node& n) { return n.IsScalar() && n.Tag() == "?"; }

}  // namespace

YAML::Node load_file(const std::string& file, std::string_view what) {
  const SourcePlace whole{file, 0, 0};
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);
  if (ec || !fs::exists(st)) throw InputError(whole, fmt::format("{} file not found", what));
  if (!fs::is_regular_file(st))
    throw InputError(whole, fmt::format("{} file is not a regular file", what));
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) throw InputError(whole, fmt::format("cannot read {} file: {}", what, ec.message()));
  if (size > kMaxFileBytes)
    throw InputError(whole, fmt::format("{} file is {} bytes; at most {} bytes (4 MiB) are read", what,
                                        size, kMaxFileBytes));
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

  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(SourcePlace{file, one_based(e.mark.line), one_based(e.mark.column)},
                     fmt::format("YAML syntax error: {}", e.msg));
  } catch (const YAML::Exception& e) {
    throw InputError(SourcePlace{file, one_based(e.mark.line), one_based(e.mark.column)},
                     fmt::format("cannot read YAML: {}", e.msg));
  }
  if (docs.empty()) return YAML::Node(YAML::NodeType::Null);
  if (docs.size() > 1) {
    const YAML::Mark m = docs[1].Mark();
    throw InputError(SourcePlace{file, one_based(m.line), one_based(m.column)},
                     fmt::format("{} file holds {} YAML documents (separated by '---'); expected one",
                                 what, docs.size()));
  }
  std::size_t total = 0;
  count_nodes(docs[0], 0, total, file);
  return docs[0];
}

std::optional<double> parse_real(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+' || s.front() == ' ') return std::nullopt;
  // Only decimal forms: digits, sign, point, exponent (no hex, inf, nan).
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == 'e' || c == 'E' ||
          c == '+'))
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

void Reader::fail(const YAML::Node& n, const std::string& message) const {
  throw InputError(at(n), message);
}

void Reader::expected(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (key.empty()) fail(n, fmt::format("expected {}, got {}", what, describe(n)));
  fail(n, fmt::format("{}: expected {}, got {}", key, what, describe(n)));
}

std::vector<Entry> Reader::mapping(const YAML::Node& n, std::string_view key,
                                   std::string_view what) const {
  if (!n.IsMap()) expected(n, key, what);
  std::vector<Entry> out;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const YAML::Node k = it->first;
    if (!k.IsScalar() || k.Scalar().empty())
      fail(k, fmt::format("{}{}keys must be plain names, got {}", key, key.empty() ? "" : ": ", describe(k)));
    for (const auto& e : out)
      if (e.key == k.Scalar()) {
        const SourcePlace first = at(e.key_node);
        fail(k, fmt::format("key '{}' is given twice (first at line {}, column {})", e.key, first.line,
                            first.column));
      }
    out.push_back(Entry{k.Scalar(), k, it->second});
  }
  return out;
}

void Reader::check_keys(const std::vector<Entry>& entries, const std::vector<std::string>& valid,
                        std::string_view where) const {
  for (const auto& e : entries) {
    if (std::find(valid.begin(), valid.end(), e.key) != valid.end()) continue;
    fail(e.key_node, fmt::format("unknown key '{}'{}; valid keys {}: {}", shorten(e.key),
                                 did_you_mean(e.key, valid), where, list_choices(valid, 24)));
  }
}

std::vector<YAML::Node> Reader::sequence(const YAML::Node& n, std::string_view key,
                                         std::string_view what) const {
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
    fail(n, fmt::format("{}{}expected {}, got {} (write numbers without quotes)", key, key.empty() ? "" : ": ",
                        what, describe(n)));
  const auto v = parse_real(n.Scalar());
  if (!v) expected(n, key, what);
  return *v;
}

std::int64_t Reader::integer(const YAML::Node& n, std::string_view key, std::string_view what,
                             std::int64_t lo, std::int64_t hi) const {
  if (!n.IsScalar()) expected(n, key, what);
  if (!plain(n))
    fail(n, fmt::format("{}{}expected {}, got {} (write numbers without quotes)", key, key.empty() ? "" : ": ",
                        what, describe(n)));
  const auto v = parse_int(n.Scalar());
  if (!v) expected(n, key, what);
  if (*v < lo || *v > hi)
    fail(n, fmt::format("{}{}expected {} in [{}, {}], got {}", key, key.empty() ? "" : ": ", what, lo, hi, *v));
  return *v;
}

std::uint64_t Reader::unsigned64(const YAML::Node& n, std::string_view key, std::string_view what) const {
  if (!n.IsScalar()) expected(n, key, what);
  if (!plain(n))
    fail(n, fmt::format("{}{}expected {}, got {} (write numbers without quotes)", key, key.empty() ? "" : ": ",
                        what, describe(n)));
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
