#include <gtest/gtest.h>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <vector>

#include "core/rng.hpp"

using namespace smug;

// Known-answer tests from the Random123 distribution (kat_vectors), Philox4x32-10.
TEST(Philox, KnownAnswers) {
  EXPECT_EQ(philox4x32_10({0, 0, 0, 0}, {0, 0}),
            (Philox4x32Counter{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(
      philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}),
      (Philox4x32Counter{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(
      philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
      (Philox4x32Counter{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

// Pins the keyed stream on top of the block function: a change here changes every golden output.
TEST(Stream, KnownAnswers) {
  Stream s(StreamKey::make(1, 0), Purpose::kDecide, 7, 19000);
  const uint64_t a = s(), b = s(), c = s();
  Stream again(StreamKey::make(1, 0), Purpose::kDecide, 7, 19000);
  EXPECT_EQ(again(), a);
  EXPECT_EQ(again(), b);
  EXPECT_EQ(again(), c);
  const Philox4x32Key k = StreamKey::make(1, 0).key;
  const auto block = philox4x32_10({0, 19000, 7, purpose_id(Purpose::kDecide)}, k);
  EXPECT_EQ(a, (uint64_t{block[1]} << 32) | block[0]);
  EXPECT_EQ(b, (uint64_t{block[3]} << 32) | block[2]);
  EXPECT_EQ(StreamKey::make(1, 0).key,
            (Philox4x32Key{0x59856ee3u, 0x7ee6d27au}));  // computed independently in Python
}

// The batched blocks (eight at a time with AVX2) are the single blocks, including where the
// first counter word wraps as Stream's ++ctr[0] does.
TEST(Philox, BatchedWordsAreTheSingleBlocks) {
  const Philox4x32Key k{0xdeadbeefu, 0x12345678u};
  for (uint32_t first : {0u, 0xfffffff9u}) {
    for (size_t blocks : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{37}}) {
      std::vector<uint64_t> words(2 * blocks);
      philox4x32_10_words({first, 19000, 7, 11}, k, blocks, words.data());
      for (size_t j = 0; j < blocks; ++j) {
        const auto b = philox4x32_10({first + static_cast<uint32_t>(j), 19000, 7, 11}, k);
        ASSERT_EQ(words[2 * j], (uint64_t{b[1]} << 32) | b[0]) << first << " " << j;
        ASSERT_EQ(words[2 * j + 1], (uint64_t{b[3]} << 32) | b[2]) << first << " " << j;
      }
    }
  }
}

// fill(n) continues a stream exactly as n single draws would, whatever was drawn before.
TEST(Stream, FillIsTheSameAsSingleDraws) {
  const StreamKey key = StreamKey::make(9, 1);
  for (int before : {0, 1, 2, 3}) {
    for (size_t n :
         {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{16}, size_t{17}, size_t{101}}) {
      Stream a(key, Purpose::kReconsider, 0, 900), b(key, Purpose::kReconsider, 0, 900);
      for (int j = 0; j < before; ++j) ASSERT_EQ(a(), b());
      std::vector<uint64_t> filled(n);
      a.fill(filled.data(), n);
      for (size_t j = 0; j < n; ++j) ASSERT_EQ(filled[j], b()) << before << " " << n << " " << j;
      EXPECT_EQ(a(), b()) << "the draw after fill, " << before << " " << n;
      EXPECT_EQ(a(), b());
    }
  }
}

// A stream made from a first block computed beforehand (eight at a time) draws what the stream
// makes itself, past that block too.
TEST(Stream, FromAFirstBlockComputedBeforehand) {
  const StreamKey key = StreamKey::make(4, 2);
  std::vector<uint32_t> people;
  for (uint32_t i = 0; i < 21; ++i) people.push_back(i * 40503u + 7);
  std::vector<Philox4x32Counter> first(people.size());
  philox4x32_10_first_blocks(key.key, Purpose::kDecide, 1234, people.data(), people.size(),
                             first.data());
  for (size_t j = 0; j < people.size(); ++j) {
    Stream a(key, Purpose::kDecide, people[j], 1234, first[j]);
    Stream b(key, Purpose::kDecide, people[j], 1234);
    for (int d = 0; d < 5; ++d) ASSERT_EQ(a(), b()) << j << " " << d;
  }
}

// Streams whose first blocks were computed together (for consecutive entities, more than a
// batch of eight) draw what each stream draws itself, before and after those blocks run out.
TEST(Stream, PrecomputedStreamsDrawWhatTheStreamsDraw) {
  const StreamKey key = StreamKey::make(8, 3);
  constexpr uint32_t kBlocks = 3, kPeople = 13, kFirst = 1000;
  std::vector<uint64_t> words(2 * kBlocks * kPeople);
  philox4x32_10_stream_words(key.key, Purpose::kPopulation, 0, kFirst, kPeople, kBlocks,
                             words.data());
  for (uint32_t k = 0; k < kPeople; ++k) {
    PrecomputedStream a(words.data() + 2 * kBlocks * k, kBlocks, key, Purpose::kPopulation,
                        kFirst + k, 0);
    Stream b(key, Purpose::kPopulation, kFirst + k, 0);
    for (int d = 0; d < 11; ++d) ASSERT_EQ(a(), b()) << k << " " << d;
    EXPECT_EQ(a.below(1000), b.below(1000));
  }
}

TEST(Stream, EveryKeyComponentChangesTheNumbers) {
  const StreamKey k = StreamKey::make(5, 2);
  const uint64_t base = Stream(k, Purpose::kDecide, 10, 100)();
  EXPECT_NE(Stream(StreamKey::make(6, 2), Purpose::kDecide, 10, 100)(), base);
  EXPECT_NE(Stream(StreamKey::make(5, 3), Purpose::kDecide, 10, 100)(), base);
  EXPECT_NE(Stream(k, Purpose::kNews, 10, 100)(), base);
  EXPECT_NE(Stream(k, Purpose::kDecide, 11, 100)(), base);
  EXPECT_NE(Stream(k, Purpose::kDecide, 10, 101)(), base);
}

TEST(Stream, UniformMomentsAndRange) {
  Stream s(StreamKey::make(3, 0), Purpose::kCrossing, 0, 0);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NEAR(sum2 / n - (sum / n) * (sum / n), 1.0 / 12, 0.002);
}

// Streams of different purposes (same entity, day, key) must be uncorrelated: the sample
// correlation of paired uniforms across many entities is within 4 standard errors of zero.
TEST(Stream, DifferentPurposesAreUncorrelated) {
  const StreamKey k = StreamKey::make(11, 0);
  const std::vector<std::pair<Purpose, Purpose>> pairs = {
      {Purpose::kDecide, Purpose::kNews},
      {Purpose::kCrossing, Purpose::kUkProcessing},
      {Purpose::kReconsider, Purpose::kDecide},
      {Purpose::kPopulation, Purpose::kNetwork}};
  const int n = 100000;
  for (const auto& [p, q] : pairs) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int e = 0; e < n; ++e) {
      const double x = Stream(k, p, static_cast<uint32_t>(e), 20000).uniform();
      const double y = Stream(k, q, static_cast<uint32_t>(e), 20000).uniform();
      sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
    }
    const double cov = sxy / n - sx / n * sy / n;
    const double r = cov / std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    EXPECT_LT(std::abs(r), 4 / std::sqrt(n)) << purpose_id(p) << " vs " << purpose_id(q);
  }
}

// Consecutive days and entities are also uncorrelated (the counter layout does not leak).
TEST(Stream, AdjacentDaysAreUncorrelated) {
  const StreamKey k = StreamKey::make(11, 0);
  const int n = 100000;
  double sxy = 0, sx = 0, sy = 0;
  for (int d = 0; d < n; ++d) {
    const double x = Stream(k, Purpose::kWeather, 0, static_cast<uint32_t>(d)).uniform();
    const double y = Stream(k, Purpose::kWeather, 0, static_cast<uint32_t>(d + 1)).uniform();
    sxy += x * y, sx += x, sy += y;
  }
  const double r = (sxy / n - sx / n * sy / n) * 12;
  EXPECT_LT(std::abs(r), 4 / std::sqrt(n));
}

TEST(Stream, BoostDistributionsDrawFromIt) {
  Stream s(StreamKey::make(1, 1), Purpose::kStockDynamics, 0, 0);
  boost::random::normal_distribution<double> normal(2.0, 3.0);
  boost::random::poisson_distribution<int> poisson(4.0);
  double sum = 0, psum = 0;
  const int n = 50000;
  for (int i = 0; i < n; ++i) sum += normal(s), psum += poisson(s);
  EXPECT_NEAR(sum / n, 2.0, 0.06);
  EXPECT_NEAR(psum / n, 4.0, 0.05);
}

TEST(Stream, BelowIsInRangeAndCoversIt) {
  Stream s(StreamKey::make(1, 1), Purpose::kReconsider, 0, 0);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) {
    const uint32_t v = s.below(7);
    ASSERT_LT(v, 7u);
    ++counts[v];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);
}
