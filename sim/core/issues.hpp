#pragma once
// The issues a city network can work on (MODEL.md section 2). Kept as a
// small enum so that per-issue quantities are fixed-size arrays, not maps.
#include <array>
#include <optional>
#include <string_view>

namespace urbis {

enum class Issue : int { climate, health, security, resilience, economy, peace };
inline constexpr int kIssueCount = 6;

inline constexpr std::array<std::string_view, kIssueCount> kIssueNames = {"climate",    "health",  "security",
                                                                          "resilience", "economy", "peace"};

inline std::string_view issue_name(Issue q) { return kIssueNames[static_cast<int>(q)]; }

inline std::optional<Issue> issue_from_name(std::string_view s) {
  for (int q = 0; q < kIssueCount; ++q)
    if (kIssueNames[q] == s) return static_cast<Issue>(q);
  return std::nullopt;
}

template <class T>
using PerIssue = std::array<T, kIssueCount>;

}  // namespace urbis
