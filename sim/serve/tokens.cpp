#include "sim/serve/tokens.hpp"

#include <cstdint>
#include <random>

#include <fmt/format.h>

namespace urbis::serve {

namespace {
std::uint32_t entropy() {
  thread_local std::random_device device;
  return device();
}
}  // namespace

std::string random_token() {
  return fmt::format("{:08x}{:08x}{:08x}{:08x}", entropy(), entropy(), entropy(), entropy());
}

std::string random_room_code() {
  std::string code;
  for (int i = 0; i < 6; ++i) code += kRoomAlphabet[entropy() % kRoomAlphabet.size()];
  return code;
}

std::string normalise_room_code(std::string_view code) {
  if (code.size() != 6) return {};
  std::string out;
  for (char c : code) {
    const char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kRoomAlphabet.find(u) == std::string_view::npos) return {};
    out += u;
  }
  return out;
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(a[i] ^ b[i]);
  return diff == 0;
}

std::string bearer_token(std::string_view h) {
  constexpr std::string_view scheme = "Bearer ";
  if (h.size() <= scheme.size() || h.substr(0, scheme.size()) != scheme || h.size() > 200) return {};
  return std::string(h.substr(scheme.size()));
}

}  // namespace urbis::serve
