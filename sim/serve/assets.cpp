#include "sim/serve/assets.hpp"

#include <cstring>

extern "C" const char urbis_classroom_js[];
extern "C" const char urbis_classroom_css[];

namespace urbis::serve {

std::string_view classroom_script() { return {urbis_classroom_js, std::strlen(urbis_classroom_js)}; }
std::string_view classroom_style() { return {urbis_classroom_css, std::strlen(urbis_classroom_css)}; }

std::string_view page_shell() {
  // The script routes on location.pathname (docs/CLASSROOM_API.md); no inline
  // script, so the pages work under a strict Content-Security-Policy.
  return R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>urbis</title>
<link rel="stylesheet" href="/assets/classroom.css">
</head>
<body>
<div id="app"></div>
<script src="/assets/classroom.js"></script>
</body>
</html>
)";
}

}  // namespace urbis::serve
