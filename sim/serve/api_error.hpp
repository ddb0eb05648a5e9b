#pragma once
// What a request did wrong: the HTTP status (4xx), what was wrong, and the
// field it concerns. Handlers throw it before changing anything, so that a
// refused request leaves the room as it was.
#include <stdexcept>
#include <string>

namespace urbis::serve {

struct ApiError : std::runtime_error {
  ApiError(int status, const std::string& message, std::string field = {})
      : std::runtime_error(message), status(status), field(std::move(field)) {}
  int status;
  std::string field;
};

}  // namespace urbis::serve
