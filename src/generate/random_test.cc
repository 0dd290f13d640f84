#include "generate/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace passend::generate {
namespace {

TEST(SplitMix64, MatchesReferenceVector) {
  // Reference outputs of splitmix64 for state 1234567 (Vigna's splitmix64.c).
  uint64_t s = 1234567;
  EXPECT_EQ(SplitMix64(s), 6457827717110365317ULL);
  EXPECT_EQ(SplitMix64(s), 3203168211198807973ULL);
  EXPECT_EQ(SplitMix64(s), 9817491932198370423ULL);
  EXPECT_EQ(SplitMix64(s), 4593380528125082431ULL);
  EXPECT_EQ(SplitMix64(s), 16408922859458223821ULL);
}

TEST(Rng, SameSeedSameStreamDifferentSeedDifferentStream) {
  Rng a(7), b(7), c(8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs |= x != c.Next();
  }
  EXPECT_TRUE(differs);
}

TEST(Rng, StreamsPerRecordAreIndependentOfEachOther) {
  Rng a = Rng::For(42, "client", 0), b = Rng::For(42, "client", 1), c = Rng::For(42, "offer", 0);
  const uint64_t x = a.Next();
  EXPECT_NE(x, b.Next());
  EXPECT_NE(x, c.Next());
  EXPECT_EQ(Rng::For(42, "client", 0).Next(), x);
}

TEST(Rng, UniformHasMeanOneHalfAndStaysInRange) {
  Rng r(1);
  double sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = r.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
}

TEST(Rng, UniformIntCoversInclusiveRangeEvenly) {
  Rng r(2);
  std::vector<int> counts(6, 0);
  for (int i = 0; i < 60000; ++i) {
    const int v = r.UniformInt(3, 8);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 8);
    ++counts[static_cast<size_t>(v - 3)];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);
  EXPECT_EQ(r.UniformInt(5, 5), 5);
}

TEST(Rng, NormalHasRequestedMeanAndSd) {
  Rng r(3);
  double sum = 0, sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double x = r.Normal(10, 2);
    sum += x;
    sq += x * x;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 10, 0.02);
  EXPECT_NEAR(std::sqrt(sq / n - mean * mean), 2, 0.02);
}

TEST(Rng, WeightedFollowsWeightsAndNeverPicksZero) {
  Rng r(4);
  const double w[] = {1, 0, 3};
  std::vector<int> counts(3, 0);
  for (int i = 0; i < 40000; ++i) ++counts[r.Weighted(w)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[2] / 40000.0, 0.75, 0.01);
}

TEST(WeightedTable, FollowsWeightsAndNeverPicksZero) {
  Rng r(5);
  const std::vector<double> w = {0, 2, 0, 6, 2};
  const WeightedTable t(w);
  std::vector<int> counts(5, 0);
  for (int i = 0; i < 50000; ++i) ++counts[t.Draw(r)];
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[2], 0);
  EXPECT_NEAR(counts[3] / 50000.0, 0.6, 0.01);
  EXPECT_NEAR(counts[4] / 50000.0, 0.2, 0.01);
}

TEST(HashText, IsStableFnv1a) {
  // FNV-1a 64 of "a" (published test vector).
  EXPECT_EQ(HashText("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_NE(HashText("client"), HashText("offer"));
}

}  // namespace
}  // namespace passend::generate
