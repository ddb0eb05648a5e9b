#pragma once
// gzip (zlib): the server sends its assets and report data compressed to
// browsers that accept it, compressed once, not per request.
#include <string>
#include <string_view>

namespace urbis::serve {

// The gzip stream of `text` (level 1 fastest .. 9 smallest).
std::string gzip(std::string_view text, int level = 6);

// Whether an Accept-Encoding header accepts gzip.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace urbis::serve
