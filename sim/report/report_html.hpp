#pragma once
// One self-contained HTML page: the web views' script and style (built from
// web/ by npm at build time and embedded in the program) inlined, and the
// report data embedded as JSON. Opens offline, from the file system.
#include <string>

#include <nlohmann/json.hpp>

namespace urbis {

std::string report_html(const nlohmann::ordered_json& data);

// The embedded web assets (for tests and sizes).
std::string_view report_script();
std::string_view report_style();

// False in a build configured with -DURBIS_WITH_WEB=OFF, whose embedded
// front-ends (report, classroom) are empty: urbis report, serve and replay
// refuse to run there (sim/cli/main.cpp).
bool built_with_web();

}  // namespace urbis
