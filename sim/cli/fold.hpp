#pragma once
// Text folded for matching names as people type them: lower case, and the
// Latin letters with accents or strokes of Unicode's Latin-1 Supplement and
// Latin Extended-A blocks (the ones in the world's city names: é, ã, ł, ş,
// ...) written as their plain letters, so "sao paulo" finds "São Paulo" and
// "lodz" finds "Łódź". Other characters are kept as they are.
#include <string>
#include <string_view>

namespace urbis {

std::string fold_for_matching(std::string_view utf8);

// Whether `needle` occurs in `haystack`, both folded.
bool folded_contains(std::string_view haystack, std::string_view needle);

}  // namespace urbis
