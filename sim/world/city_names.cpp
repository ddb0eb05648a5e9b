#include "sim/world/city_names.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "sim/world/text_list.hpp"

namespace urbis::city_names {
namespace {

// ASCII letters for U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A).
constexpr std::string_view kLatinFold =
    "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuu"
    "uuwwyyyzzzzzzs";

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {  // 2-byte sequence
      const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      ++i;
      if (cp >= 0xC0 && cp < 0x180) {
        const char f = kLatinFold[cp - 0xC0];
        if (f != '_') out.push_back(f);
      }
      continue;
    }
    // Other multi-byte characters are dropped (skip continuation bytes).
    while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
  }
  return out;
}

std::vector<std::string> unique(const std::vector<std::string>& given, const std::vector<std::string>& state_iso3,
                                const std::vector<double>& reference_population, std::vector<std::string>& problems) {
  const std::size_t n = given.size();
  std::unordered_map<std::string, std::vector<int>> groups;
  for (std::size_t i = 0; i < n; ++i) groups[given[i]].push_back(static_cast<int>(i));
  std::vector<std::string> names(given);
  std::set<std::string> taken(given.begin(), given.end());
  std::vector<std::string> dup_names;
  for (const auto& [name, list] : groups)
    if (list.size() > 1) dup_names.push_back(name);
  std::sort(dup_names.begin(), dup_names.end());
  for (const auto& name : dup_names) {
    std::vector<int> list = groups[name];
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
      return reference_population[static_cast<std::size_t>(a)] > reference_population[static_cast<std::size_t>(b)];
    });
    std::vector<std::string> renamed;
    for (std::size_t k = 1; k < list.size(); ++k) {
      const auto i = static_cast<std::size_t>(list[k]);
      const std::string& iso3 = state_iso3[i];
      std::string candidate = fmt::format("{} ({})", name, iso3);
      for (int m = 2; taken.count(candidate); ++m) candidate = fmt::format("{} ({} {})", name, iso3, m);
      taken.insert(candidate);
      names[i] = candidate;
      renamed.push_back(fmt::format("'{}'", candidate));
    }
    problems.push_back(fmt::format("duplicate agglomeration name '{}': kept it for the one in {}, renamed {}", name,
                                   state_iso3[static_cast<std::size_t>(list.front())], join(renamed)));
  }
  return names;
}

}  // namespace urbis::city_names
