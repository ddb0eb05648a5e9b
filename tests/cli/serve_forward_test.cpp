// Which word of urbis's command line names the subcommand
// (sim/cli/serve_forward.hpp): `urbis serve` is handed over to urbis-serve
// whatever urbis's own options come before it, and never when an option
// urbis answers itself comes first.
#include "sim/cli/serve_forward.hpp"

#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace urbis {
namespace {

std::optional<std::size_t> at(std::vector<std::string_view> args) { return subcommand_position(args); }

TEST(ServeForward, TheFirstWordNamesTheSubcommand) {
  EXPECT_EQ(at({"serve", "--port", "0"}), 0u);
  EXPECT_EQ(at({"run", "serve"}), 0u);  // a scenario named serve is not the serve command
}

TEST(ServeForward, UrbisOwnOptionsMayComeFirst) {
  EXPECT_EQ(at({"-v", "serve"}), 1u);
  EXPECT_EQ(at({"--quiet", "--verbose", "-q", "serve"}), 3u);
  EXPECT_EQ(at({"--threads", "2", "serve"}), 2u);
  EXPECT_EQ(at({"--threads=2", "-v", "serve"}), 2u);
}

TEST(ServeForward, NoSubcommandWhenUrbisAnswersFirstOrThereIsNone) {
  EXPECT_EQ(at({}), std::nullopt);
  EXPECT_EQ(at({"--help", "serve"}), std::nullopt);
  EXPECT_EQ(at({"--version"}), std::nullopt);
  EXPECT_EQ(at({"-v"}), std::nullopt);
  EXPECT_EQ(at({"--threads"}), std::nullopt);  // its value missing: urbis's parser says so
}

}  // namespace
}  // namespace urbis
