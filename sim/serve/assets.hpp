#pragma once
// The pages of the server: one HTML shell for every page, which loads the
// classroom script and style (embedded in the program at build time).
#include <string_view>

namespace urbis::serve {

std::string_view classroom_script();
std::string_view classroom_style();
std::string_view page_shell();

}  // namespace urbis::serve
