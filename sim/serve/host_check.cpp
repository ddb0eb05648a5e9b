#include "sim/serve/host_check.hpp"

#include <algorithm>
#include <cctype>

namespace urbis::serve {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

HostCheck::HostCheck(std::vector<std::string> names) {
  for (const auto& n : names) {
    const std::string h = host_of(n);
    if (!h.empty() && std::find(names_.begin(), names_.end(), h) == names_.end()) names_.push_back(h);
  }
}

std::string HostCheck::host_of(std::string_view h) {
  if (!h.empty() && h.front() == '[') {  // [v6]:port
    const auto close = h.find(']');
    return close == std::string_view::npos ? std::string() : lower(h.substr(1, close - 1));
  }
  // One colon: name:port; more than one: a bare IPv6 address.
  const auto colon = h.find(':');
  if (colon != std::string_view::npos && h.find(':', colon + 1) == std::string_view::npos) h = h.substr(0, colon);
  std::string out = lower(h);
  if (!out.empty() && out.back() == '.') out.pop_back();  // "example.org." is the same name
  return out;
}

bool HostCheck::allows(std::string_view host_header) const {
  if (host_header.empty()) return true;
  const std::string h = host_of(host_header);
  return std::find(names_.begin(), names_.end(), h) != names_.end();
}

}  // namespace urbis::serve
