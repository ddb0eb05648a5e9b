#include "sim/serve/gzip.hpp"

#include <stdexcept>

#include <zlib.h>

namespace urbis::serve {

std::string gzip(std::string_view text, int level) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: cannot start zlib");
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: zlib did not finish");
  return out;
}

bool accepts_gzip(std::string_view h) {
  // "gzip", "gzip;q=0.8", "deflate, gzip"; "gzip;q=0" refuses it.
  for (std::size_t at = h.find("gzip"); at != std::string_view::npos; at = h.find("gzip", at + 4)) {
    const auto end = h.find(',', at);
    const auto item = h.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    const auto q = item.find("q=");
    if (q == std::string_view::npos) return true;
    const auto value = item.substr(q + 2);
    if (value.find_first_not_of("0.") != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace urbis::serve
