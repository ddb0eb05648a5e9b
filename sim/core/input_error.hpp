#pragma once
// Errors in what a user wrote (a scenario, a world file, a --set): they carry
// the place (file, line, column) so the message can point at it, and map to
// exit code 2 at the command line.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace urbis {

struct SourcePlace {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

class InputError : public std::runtime_error {
 public:
  InputError(SourcePlace where, const std::string& what);
  const SourcePlace& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourcePlace where_;
  std::string message_;
};

// Several mistakes found in one pass over a file, reported together: what()
// and where() are the first one's; all() lists every one, in file order.
class InputErrors : public InputError {
 public:
  explicit InputErrors(std::vector<InputError> all);
  const std::vector<InputError>& all() const { return all_; }

 private:
  std::vector<InputError> all_;
};

// Collects the mistakes of a file while a reader goes on past them:
// attempt(f) runs f and keeps the InputError it throws (every one of an
// InputErrors); throw_if_any() throws them together (InputErrors when there
// are several). Stops early, throwing, once `limit` are kept.
class ErrorList {
 public:
  explicit ErrorList(std::size_t limit = 20) : limit_(limit) {}
  template <class F>
  void attempt(F&& f) {
    try {
      f();
    } catch (const InputError& e) {
      add(e);
    }
  }
  void add(const InputError& e);
  bool empty() const { return errors_.empty(); }
  void throw_if_any() const;

 private:
  std::size_t limit_;
  std::vector<InputError> errors_;
};

// Every mistake an exception carries: all() of an InputErrors, else itself.
std::vector<InputError> each_error(const InputError& e);

// "file:line:column: message" (line and column left out when unknown).
std::string format_place(const SourcePlace& p);

// The candidate nearest to word by edit distance, or "" when none is close
// enough to be a plausible typo.
std::string nearest_name(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" — lists valid choices, shortened when there are many.
std::string list_choices(const std::vector<std::string>& candidates, std::size_t max_shown = 12);

}  // namespace urbis
