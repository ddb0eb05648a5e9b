#include "sim/serve/assets.hpp"

#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "sim/serve/gzip.hpp"

extern "C" const char urbis_classroom_js[];
extern "C" const char urbis_classroom_css[];

namespace urbis::serve {

namespace {

// 64-bit FNV-1a: enough to tell two builds apart in a name (not a secret).
std::string fingerprint(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  return fmt::format("{:012x}", h >> 16);
}

Asset make(std::string_view stem, std::string_view ext, std::string type, const char* text) {
  const std::string_view raw(text, std::strlen(text));
  return {fmt::format("/assets/{}.{}.{}", stem, fingerprint(raw), ext), std::move(type), raw, gzip(raw, 9)};
}

}  // namespace

const std::vector<Asset>& assets() {
  static const std::vector<Asset> a = {
      make("classroom", "js", "text/javascript; charset=utf-8", urbis_classroom_js),
      make("classroom", "css", "text/css; charset=utf-8", urbis_classroom_css),
  };
  return a;
}

const Asset* find_asset(std::string_view path) {
  for (const auto& a : assets())
    if (a.path == path) return &a;
  return nullptr;
}

const std::string& page_shell() {
  // The script routes on location.pathname (docs/CLASSROOM_API.md); no inline
  // script, so the pages work under a strict Content-Security-Policy.
  static const std::string shell = fmt::format(R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>urbis</title>
<link rel="stylesheet" href="{}">
</head>
<body>
<div id="app"></div>
<script src="{}"></script>
</body>
</html>
)",
                                               assets()[1].path, assets()[0].path);
  return shell;
}

}  // namespace urbis::serve
