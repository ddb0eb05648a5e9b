#include "sim/cli/seeds.hpp"

#include <charconv>
#include <set>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"

namespace urbis {

namespace {

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

}  // namespace

std::uint64_t parse_seed(const std::string& text, const std::string& option) {
  const SourcePlace where{option};
  if (!all_digits(text))
    throw InputError(where, fmt::format("expected a seed: a whole number from 0 to 18446744073709551615 (2^64 - 1), "
                                        "got '{}'",
                                        text));
  std::uint64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size())
    throw InputError(where, fmt::format("seed '{}' is past the largest seed, 18446744073709551615 (2^64 - 1)", text));
  return v;
}

std::vector<std::uint64_t> parse_seeds(const std::string& text, const std::string& option) {
  const SourcePlace where{option};
  if (text.empty())
    throw InputError(where, "expected seeds: a range such as 1-10, a list such as 1,4,9, or both (1-5,20)");
  std::vector<std::uint64_t> seeds;
  std::set<std::uint64_t> seen;
  auto add = [&](std::uint64_t s) {
    if (!seen.insert(s).second) throw InputError(where, fmt::format("seed {} is given twice in '{}'", s, text));
    if (seeds.size() >= kMaxSeeds) throw InputError(where, fmt::format("more than {} seeds in '{}'", kMaxSeeds, text));
    seeds.push_back(s);
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t dash = part.find('-');
    if (dash == std::string::npos) {
      add(parse_seed(part, option));
    } else {
      if (dash == 0)
        throw InputError(where, fmt::format("seeds are whole numbers from 0 to 2^64 - 1; '{}' is not one", part));
      const std::uint64_t a = parse_seed(part.substr(0, dash), option);
      const std::uint64_t b = parse_seed(part.substr(dash + 1), option);
      if (b < a) throw InputError(where, fmt::format("the range '{}' runs backwards; write {}-{}", part, b, a));
      if (b - a >= kMaxSeeds)
        throw InputError(where, fmt::format("the range '{}' holds more than {} seeds", part, kMaxSeeds));
      for (std::uint64_t s = a;; ++s) {
        add(s);
        if (s == b) break;
      }
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return seeds;
}

}  // namespace urbis
