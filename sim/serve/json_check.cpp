#include "sim/serve/json_check.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/serve/api_error.hpp"

namespace urbis::serve {

namespace {
constexpr int kMaxDepth = 8;
}

Body::Body(std::string_view text, std::initializer_list<std::string_view> known) {
  try {
    j_ = nlohmann::json::parse(text, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
      if (depth > kMaxDepth) throw ApiError(400, "the body is nested too deeply");
      return true;
    });
  } catch (const nlohmann::json::exception&) {
    throw ApiError(400, "the body is not valid JSON");
  }
  if (!j_.is_object()) throw ApiError(400, "the body must be a JSON object");
  check_known(known);
}

Body::Body(const nlohmann::json& object, std::initializer_list<std::string_view> known, std::string prefix)
    : prefix_(std::move(prefix)) {
  if (!object.is_object()) throw ApiError(400, fmt::format("{} must be an object", prefix_), prefix_);
  j_ = object;
  check_known(known);
}

void Body::check_known(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : j_.items())
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      // The key may be anything a client sent: do not echo it back.
      throw ApiError(400, fmt::format("unknown field{} (known: {})", prefix_.empty() ? "" : " in " + prefix_, list),
                     key.size() <= 64 ? field(key) : std::string());
    }
}

std::optional<double> Body::number(std::string_view key, double min, double max, bool required) const {
  if (!has(key)) {
    if (required) throw ApiError(400, fmt::format("{} is required", field(key)), field(key));
    return std::nullopt;
  }
  const auto& v = j_.at(key);
  if (!v.is_number()) throw ApiError(400, fmt::format("{} must be a number", field(key)), field(key));
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < min || x > max)
    throw ApiError(400, fmt::format("{} must be in [{}, {}]", field(key), min, max), field(key));
  return x;
}

std::optional<bool> Body::boolean(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  const auto& v = j_.at(key);
  if (!v.is_boolean()) throw ApiError(400, fmt::format("{} must be true or false", field(key)), field(key));
  return v.get<bool>();
}

std::optional<std::string> Body::text(std::string_view key, std::size_t max_bytes, bool required) const {
  if (!has(key)) {
    if (required) throw ApiError(400, fmt::format("{} is required", field(key)), field(key));
    return std::nullopt;
  }
  const auto& v = j_.at(key);
  if (!v.is_string()) throw ApiError(400, fmt::format("{} must be a string", field(key)), field(key));
  std::string s = v.get<std::string>();
  if (s.size() > max_bytes) throw ApiError(400, fmt::format("{} is too long", field(key)), field(key));
  return s;
}

std::optional<std::vector<std::string>> Body::texts(std::string_view key, std::size_t max_items,
                                                    std::size_t max_bytes) const {
  if (!has(key)) return std::nullopt;
  const auto& v = j_.at(key);
  if (!v.is_array()) throw ApiError(400, fmt::format("{} must be a list of names", field(key)), field(key));
  if (v.size() > max_items)
    throw ApiError(400, fmt::format("{} has more than {} names", field(key), max_items), field(key));
  std::vector<std::string> out;
  for (const auto& e : v) {
    if (!e.is_string() || e.get_ref<const std::string&>().size() > max_bytes)
      throw ApiError(400, fmt::format("{} must be a list of names", field(key)), field(key));
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::string check_name(std::string_view raw) {
  auto bad = [](const char* why) { return ApiError(400, fmt::format("the name {}", why), "name"); };
  std::size_t b = 0, e = raw.size();
  while (b < e && raw[b] == ' ') ++b;
  while (e > b && raw[e - 1] == ' ') --e;
  const std::string_view name = raw.substr(b, e - b);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    // Decode one UTF-8 sequence (the JSON parser has checked validity; this
    // keeps the rule self-contained).
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > name.size()) throw bad("is not valid UTF-8");
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(name[i + static_cast<std::size_t>(k)]);
      if ((cc >> 6) != 0x2) throw bad("is not valid UTF-8");
      cp = (cp << 6) | (cc & 0x3f);
    }
    const bool control = cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
    const bool bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
                      cp == 0x200f || cp == 0xfeff;
    if (control || bidi) throw bad("may hold only printable characters");
    i += static_cast<std::size_t>(len);
    ++chars;
  }
  if (chars < 1 || chars > 40) throw bad("must have 1 to 40 characters");
  return std::string(name);
}

}  // namespace urbis::serve
