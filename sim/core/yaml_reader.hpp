#pragma once
// The one reader of user-written YAML (scenarios, configs/defaults.yaml,
// sweeps, calibration configs, the world's files, validation targets):
// loading a file with size, node-count and depth limits and no key given
// twice in a mapping, and typed access to nodes where every mistake becomes
// an InputError at the node's file, line and column.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/core/input_error.hpp"

namespace urbis::yamlin {

inline constexpr std::uintmax_t kMaxFileBytes = 4u << 20;  // 4 MiB
inline constexpr std::size_t kMaxNodes = 100000;           // after alias expansion
inline constexpr int kMaxDepth = 64;                       // nesting of mappings and lists

// Reads and parses one YAML file. A missing or unreadable file, a file over
// kMaxFileBytes, a syntax error, more than one document, or a document that
// expands (through aliases) to more than kMaxNodes nodes or kMaxDepth levels
// is an InputError, and so is text that is not UTF-8 (names end up in JSON
// and HTML) or a mapping that gives a key twice. `what` names the file's role in messages ("scenario").
// An empty document gives a null node.
YAML::Node load_file(const std::string& file, std::string_view what);

// The offset of the first byte of `text` that is not well-formed UTF-8 (no
// overlong forms, surrogates or code points past U+10FFFF), or npos. Also
// used by the world loader for its CSV files.
std::size_t invalid_utf8_at(std::string_view text);

// Scalar parsing shared with --set: a finite decimal number, a whole number,
// a YAML 1.2 boolean (true/false, any case). nullopt when the text is not one.
std::optional<double> parse_real(std::string_view text);
std::optional<std::int64_t> parse_int(std::string_view text);
std::optional<std::uint64_t> parse_uint(std::string_view text);
std::optional<bool> parse_bool(std::string_view text);

// How a node is shown after "got": 'text', a list, a mapping, nothing.
std::string describe(const YAML::Node& n);

struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

// Typed reading of the nodes of one file. `key` arguments name the value in
// messages ("time.start", "seed"); `what` says what was expected ("an
// integer year"), so messages read "time.start: expected an integer year,
// got 'twenty'".
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  SourcePlace at(const YAML::Node& n) const;
  [[noreturn]] void fail(const YAML::Node& n, const std::string& message) const;
  [[noreturn]] void expected(const YAML::Node& n, std::string_view key, std::string_view what) const;

  // Entries of a mapping, in order; keys must be plain scalars (distinct:
  // load_file checked).
  std::vector<Entry> mapping(const YAML::Node& n, std::string_view key, std::string_view what) const;
  // Fails on the keys not in `valid` (all of them at once), with did-you-mean
  // and the list of valid keys; `where` completes "valid keys <where>: ...".
  void check_keys(const std::vector<Entry>& entries, const std::vector<std::string>& valid,
                  std::string_view where) const;
  // Elements of a list.
  std::vector<YAML::Node> sequence(const YAML::Node& n, std::string_view key, std::string_view what) const;

  // A non-empty scalar (numbers are taken as their text).
  std::string text(const YAML::Node& n, std::string_view key, std::string_view what) const;
  // A finite number written without quotes.
  double number(const YAML::Node& n, std::string_view key, std::string_view what) const;
  // A whole number in [lo, hi].
  std::int64_t integer(const YAML::Node& n, std::string_view key, std::string_view what, std::int64_t lo,
                       std::int64_t hi) const;
  // A non-negative whole number below 2^64.
  std::uint64_t unsigned64(const YAML::Node& n, std::string_view key, std::string_view what) const;
  // true/false when the node is an unquoted boolean, else nullopt.
  std::optional<bool> maybe_bool(const YAML::Node& n) const;
  bool boolean(const YAML::Node& n, std::string_view key) const;

 private:
  std::string file_;
};

// The entry with this key, or nullptr.
const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key);

}  // namespace urbis::yamlin
