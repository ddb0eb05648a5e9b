// When urbis asks glibc for huge pages (sim/cli/huge_pages.hpp): only in the
// kernel's madvise mode, never twice, never against the user's own setting,
// and keeping the user's other tunables.
#include "sim/cli/huge_pages.hpp"

#include <malloc.h>

#include <cstdlib>

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

// Sanitizer builds have their own allocator, which mallinfo2 does not describe.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST(FreedMemory, LargeBlocksComeFromTheHeapNotFreshMappings) {
  const auto mapped_blocks = [] { return mallinfo2().hblks; };
  const std::size_t before = mapped_blocks();
  void* a = std::malloc(std::size_t{4} << 20);  // above glibc's default threshold (128 KiB)
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(mapped_blocks(), before + 1);  // the default: a mapping of its own
  std::free(a);
  keep_freed_memory();
  void* b = std::malloc(std::size_t{8} << 20);  // larger than the default threshold has risen to
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(mapped_blocks(), before);  // from the heap, reused once freed
  std::free(b);
}
#endif

}  // namespace
}  // namespace urbis
