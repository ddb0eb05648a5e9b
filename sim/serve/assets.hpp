#pragma once
// The pages of the server: one HTML shell for every page, which loads the
// classroom script and style (embedded in the program at build time). The
// two assets are served under names that carry a fingerprint of their
// content (/assets/classroom.3f9c1e2a7b40.js), compressed, and cached by
// browsers for good (`immutable`): a reload fetches only the shell and the
// data; a new build has new names.
#include <string>
#include <string_view>
#include <vector>

namespace urbis::serve {

struct Asset {
  std::string path;      // /assets/classroom.<fingerprint>.js
  std::string type;      // Content-Type
  std::string_view raw;  // as built
  std::string gzipped;   // gzip of raw, made once
};

// The classroom script and style.
const std::vector<Asset>& assets();
const Asset* find_asset(std::string_view path);

// The HTML shell, naming the assets by their fingerprinted paths.
const std::string& page_shell();

}  // namespace urbis::serve
