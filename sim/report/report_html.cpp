#include "sim/report/report_html.hpp"

#include <cstring>

namespace urbis {

extern "C" const char urbis_report_js[];   // web/dist/report.js, NUL-terminated (report_assets.cpp)
extern "C" const char urbis_report_css[];  // web/dist/report.css

namespace {

// Text placed inside <script> or <style> must not close the element early.
std::string escape_closing_tags(std::string_view text, std::string_view tag) {
  std::string out;
  out.reserve(text.size());
  const std::string needle = "</" + std::string(tag);
  std::size_t pos = 0;
  while (true) {
    const std::size_t hit = text.find(needle, pos);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(pos, hit - pos));
    out += "<\\/";
    out.append(tag);
    pos = hit + needle.size();
  }
  out.append(text.substr(pos));
  return out;
}

std::string html_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string_view report_script() { return {urbis_report_js, std::strlen(urbis_report_js)}; }
std::string_view report_style() { return {urbis_report_css, std::strlen(urbis_report_css)}; }

bool built_with_web() {
#ifdef URBIS_WITH_WEB
  return true;
#else
  return false;
#endif
}

std::string report_html(const nlohmann::ordered_json& data) {
  std::string title = "urbis report";
  if (data.contains("meta") && data["meta"].contains("scenario"))
    title = "urbis: " + data["meta"]["scenario"].get<std::string>();
  // JSON inside a script element: "</" could end it, "<!--" could start a
  // comment state; both are escaped as \u003c.
  std::string json = data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string safe;
  safe.reserve(json.size());
  for (char c : json) {
    if (c == '<') safe += "\\u003c";
    else safe += c;
  }
  std::string html;
  html.reserve(safe.size() + 2'000'000);
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<meta name=\"generator\" content=\"urbis " URBIS_VERSION "\">\n";
  html += "<title>" + html_text(title) + "</title>\n<style>\n";
  html += escape_closing_tags(report_style(), "style");
  html += "\n</style>\n</head>\n<body>\n<div id=\"app\"><p class=\"loading\">Loading the report…</p></div>\n";
  html += "<script type=\"application/json\" id=\"urbis-data\">";
  html += safe;
  html += "</script>\n<script>\n";
  html += escape_closing_tags(report_script(), "script");
  html += "\n</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace urbis
