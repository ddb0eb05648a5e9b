#pragma once
// Request bodies: a JSON object whose every field is known and of the right
// type and range. Anything else is an ApiError 400 naming the field, raised
// while reading, that is before a handler changes anything.
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace urbis::serve {

class Body {
 public:
  // Parses text (nesting deeper than 8 is refused) and checks the fields.
  Body(std::string_view text, std::initializer_list<std::string_view> known);
  // A nested object (value of field `prefix`), with its own known fields.
  Body(const nlohmann::json& object, std::initializer_list<std::string_view> known, std::string prefix);

  bool has(std::string_view key) const { return j_.contains(key); }
  bool empty() const { return j_.empty(); }
  // Each returns nothing when the field is absent and throws when it is
  // there but wrong (or absent and `required`).
  std::optional<double> number(std::string_view key, double min, double max, bool required = false) const;
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<std::string> text(std::string_view key, std::size_t max_bytes, bool required = false) const;
  std::optional<std::vector<std::string>> texts(std::string_view key, std::size_t max_items,
                                                std::size_t max_bytes) const;
  const nlohmann::json& at(std::string_view key) const { return j_.at(key); }
  std::string field(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }

 private:
  void check_known(std::initializer_list<std::string_view> known) const;
  nlohmann::json j_;
  std::string prefix_;
};

// A person's name: 1-40 characters of valid UTF-8 after trimming spaces, none
// of them a control or bidirectional-override character. Returns the trimmed
// name; throws ApiError 400 (field "name") otherwise.
std::string check_name(std::string_view name);

}  // namespace urbis::serve
