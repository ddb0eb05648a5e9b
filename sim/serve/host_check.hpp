#pragma once
// Against DNS rebinding: a page of another site whose name is made to point
// at this machine would reach the server with that site's name in its Host
// header. The server answers only to the names and addresses it printed
// (loopback, the machine's addresses and name, --allow-host), whatever the
// port.
#include <string>
#include <string_view>
#include <vector>

namespace urbis::serve {

class HostCheck {
 public:
  HostCheck() = default;
  // Allows these names or addresses (case does not matter).
  explicit HostCheck(std::vector<std::string> names);
  // Whether a Host header (name or address, with or without a port) is one
  // of ours. A request without one (not a browser's) is allowed.
  bool allows(std::string_view host_header) const;
  const std::vector<std::string>& names() const { return names_; }

  // The host of a Host header: "Example.org:8080" -> "example.org",
  // "[::1]:8080" -> "::1".
  static std::string host_of(std::string_view host_header);

 private:
  std::vector<std::string> names_;  // lower case, IPv6 without brackets
};

}  // namespace urbis::serve
