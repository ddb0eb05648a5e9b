#pragma once
// Where this machine can be reached: the addresses of its network interfaces
// and its host name. `urbis serve --host 0.0.0.0` prints these (students type
// one of them), and the Host-header check allows them.
#include <string>
#include <vector>

namespace urbis::serve {

// The machine's IPv4 addresses other than loopback, in interface order
// (192.168.1.20, 10.0.0.5, ...); empty when it has none.
std::vector<std::string> lan_addresses();

// The machine's host name ("" when it has none).
std::string machine_name();

// Whether `host` (as given to --host) listens on every interface.
bool is_wildcard(const std::string& host);

// "http://HOST:PORT", with an IPv6 address in brackets.
std::string base_url(const std::string& host, int port);

}  // namespace urbis::serve
