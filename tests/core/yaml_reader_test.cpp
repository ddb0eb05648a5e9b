// The one YAML reader (sim/core/yaml_reader): a key given twice in a mapping
// is refused at the second one, wherever the mapping sits, whatever the file.
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sim/core/yaml_reader.hpp"

namespace urbis {
namespace {

namespace fs = std::filesystem;

class YamlFile : public ::testing::Test {
 protected:
  void TearDown() override { fs::remove(path_); }
  // Loads `text` as a file; the InputError it throws, or none.
  std::optional<InputError> load(const std::string& text) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << text;
    try {
      yamlin::load_file(path_.string(), "test");
    } catch (const InputError& e) {
      return e;
    }
    return std::nullopt;
  }
  fs::path path_ = fs::temp_directory_path() / ("urbis_yaml_reader_test_" + std::to_string(::getpid()) + ".yaml");
};

TEST_F(YamlFile, KeyGivenTwiceAtTheTopIsRefusedAtTheSecond) {
  const auto e = load("name: a\nseed: 1\nseed: 2\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->where().line, 3);
  EXPECT_EQ(e->where().column, 1);
  EXPECT_EQ(e->message(), "key 'seed' is given twice (first at line 2, column 1)");
}

TEST_F(YamlFile, KeyGivenTwiceInAMappingInAList) {
  // As in configs/world/networks.yaml: the value kept would have been the first.
  const auto e = load("networks:\n  - name: A\n    founded: 1990\n  - name: B\n    founded: 1991\n    founded: 1992\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->where().line, 6);
  EXPECT_EQ(e->where().column, 5);
  EXPECT_EQ(e->message(), "key 'founded' is given twice (first at line 5, column 5)");
}

TEST_F(YamlFile, KeyGivenTwiceInAFlowMappingAndWithQuotes) {
  auto e = load("a: {x: 1, y: 2, x: 3}\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->where().line, 1);
  EXPECT_EQ(e->where().column, 17);
  e = load("\"a\": 1\na: 2\n");  // the same name, quoted or not
  ASSERT_TRUE(e);
  EXPECT_EQ(e->where().line, 2);
}

TEST_F(YamlFile, SameKeyInSeparateMappingsAndKeyNamesAsValuesAreFine) {
  EXPECT_FALSE(load("a: {x: 1}\nb: {x: 2}\nlist:\n  - x: 1\n  - x: 2\nx: x\ny: [x, x]\n"));
  // Values that are mappings or lists do not shift which events are keys.
  EXPECT_FALSE(load("a:\n  b: [1, {c: 2}]\n  c: {d: {e: 1}}\n  d: 3\ne: 4\n"));
  const auto e = load("a:\n  b: [1, {c: 2}]\n  c: {d: {e: 1}}\n  b: 3\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->where().line, 4);
  EXPECT_EQ(e->message(), "key 'b' is given twice (first at line 2, column 3)");
}

}  // namespace
}  // namespace urbis
