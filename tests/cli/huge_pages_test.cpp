// When urbis asks glibc for huge pages (sim/cli/huge_pages.hpp): only in the
// kernel's madvise mode, never twice, never against the user's own setting,
// and keeping the user's other tunables.
#include "sim/cli/huge_pages.hpp"

#include <gtest/gtest.h>

namespace urbis {
namespace {

constexpr const char* kMadvise = "always [madvise] never";

TEST(HugePages, AskedInMadviseMode) {
  EXPECT_EQ(tunables_with_huge_pages(nullptr, nullptr, kMadvise), "glibc.malloc.hugetlb=1");
  EXPECT_EQ(tunables_with_huge_pages("", nullptr, kMadvise), "glibc.malloc.hugetlb=1");
}

TEST(HugePages, KeepsTheUsersOtherTunables) {
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.arena_max=2", nullptr, kMadvise),
            "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
}

TEST(HugePages, NotAskedTwiceNorAgainstTheUser) {
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.hugetlb=1", nullptr, kMadvise), std::nullopt);
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.hugetlb=0", nullptr, kMadvise), std::nullopt);
  EXPECT_EQ(tunables_with_huge_pages("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0", nullptr, kMadvise),
            std::nullopt);
}

TEST(HugePages, TurnedOffByUrbisHugePages0) {
  EXPECT_EQ(tunables_with_huge_pages(nullptr, "0", kMadvise), std::nullopt);
  for (const char* off : {"off", "OFF", "no", "false", "False"})
    EXPECT_EQ(tunables_with_huge_pages(nullptr, off, kMadvise), std::nullopt) << off;
  EXPECT_EQ(tunables_with_huge_pages(nullptr, "1", kMadvise), "glibc.malloc.hugetlb=1");
}

TEST(HugePages, NotAskedWhereTheKernelDecidesAlone) {
  EXPECT_EQ(tunables_with_huge_pages(nullptr, nullptr, "[always] madvise never"), std::nullopt);
  EXPECT_EQ(tunables_with_huge_pages(nullptr, nullptr, "always madvise [never]"), std::nullopt);
  EXPECT_EQ(tunables_with_huge_pages(nullptr, nullptr, ""), std::nullopt);  // no such file: no THP in this kernel
}

}  // namespace
}  // namespace urbis
