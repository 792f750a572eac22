// The bytes an MPI worker sends rank 0 for a replicate (engine/replicate_codec.hpp): every value
// comes back bit for bit, and damaged bytes are refused rather than misread.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "engine/replicate_codec.hpp"

namespace smug {
namespace {

uint64_t bits(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

ReplicateResult sample(int ndays, size_t nmeasures) {
  ReplicateResult r{20221213, 7, Recorder(ndays, nmeasures)};
  for (int k = 0; k < kNumSeries; ++k)
    for (int t = 0; t < ndays; ++t)
      r.rec.set(static_cast<SeriesId>(k), t, std::sqrt(k * 1000.0 + t) / 3.0);
  if (ndays > 4) {
    r.rec.set(kPeoplePerBoat, 1, std::numeric_limits<double>::quiet_NaN());
    r.rec.set(kArrivals, 2, -0.0);  // daily series are set(), so even a -0.0 survives
    r.rec.set(kArrivals, 3, std::numeric_limits<double>::infinity());
    r.rec.set(kArrivals, 4, std::numeric_limits<double>::denorm_min());
  }
  for (size_t m = 0; m < nmeasures; ++m)
    for (int k = 0; k < kNumMeasureSeries; ++k)
      for (int t = 0; t < ndays; ++t)
        r.rec.add_measure(m, static_cast<MeasureSeriesId>(k), t, 1.0 / (3 + m + k + t));
  r.wall_seconds = 1.234567890123;
  r.state_bytes = 123456789;
  r.aborted = true;
  return r;
}

void expect_bitwise_equal(const ReplicateResult& a, const ReplicateResult& b) {
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.replicate, b.replicate);
  EXPECT_EQ(bits(a.wall_seconds), bits(b.wall_seconds));
  EXPECT_EQ(a.state_bytes, b.state_bytes);
  EXPECT_EQ(a.aborted, b.aborted);
  ASSERT_EQ(a.rec.nmeasures(), b.rec.nmeasures());
  for (int k = 0; k < kNumSeries; ++k) {
    const auto &x = a.rec.series(static_cast<SeriesId>(k)),
               &y = b.rec.series(static_cast<SeriesId>(k));
    ASSERT_EQ(x.size(), y.size());
    for (size_t t = 0; t < x.size(); ++t) ASSERT_EQ(bits(x[t]), bits(y[t])) << k << " day " << t;
  }
  for (size_t m = 0; m < a.rec.nmeasures(); ++m)
    for (int k = 0; k < kNumMeasureSeries; ++k) {
      const auto& x = a.rec.measure_series(m, static_cast<MeasureSeriesId>(k));
      const auto& y = b.rec.measure_series(m, static_cast<MeasureSeriesId>(k));
      ASSERT_EQ(x.size(), y.size());
      for (size_t t = 0; t < x.size(); ++t) ASSERT_EQ(bits(x[t]), bits(y[t]));
    }
}

TEST(ReplicateCodec, RoundTripIsBitForBit) {
  const ReplicateResult r = sample(40, 3);
  const std::string bytes = encode_replicate(r);
  EXPECT_EQ(bytes.size(), 64 + 8u * 40 * (kNumSeries + 3 * kNumMeasureSeries));
  expect_bitwise_equal(r, decode_replicate(bytes));
  // Also with no measures and a single day.
  const ReplicateResult small = sample(1, 0);
  expect_bitwise_equal(small, decode_replicate(encode_replicate(small)));
}

TEST(ReplicateCodec, DamagedBytesAreRefused) {
  const std::string bytes = encode_replicate(sample(10, 2));
  EXPECT_THROW(decode_replicate(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  EXPECT_THROW(decode_replicate(bytes + "x"), std::runtime_error);
  EXPECT_THROW(decode_replicate(bytes.substr(0, 20)), std::runtime_error);
  EXPECT_THROW(decode_replicate(""), std::runtime_error);
  std::string other = bytes;
  other[0] = 'X';
  EXPECT_THROW(decode_replicate(other), std::runtime_error);
  std::string version = bytes;
  version[4] = 9;
  EXPECT_THROW(decode_replicate(version), std::runtime_error);
}

TEST(ReplicateCodec, DoublesRoundTrip) {
  const std::vector<double> v{0.1, -2.5e300, std::numeric_limits<double>::quiet_NaN(), -0.0};
  const auto back = decode_doubles(encode_doubles(v));
  ASSERT_EQ(back.size(), v.size());
  for (size_t i = 0; i < v.size(); ++i) EXPECT_EQ(bits(back[i]), bits(v[i]));
  EXPECT_TRUE(decode_doubles(encode_doubles({})).empty());
  EXPECT_THROW(decode_doubles(encode_doubles(v).substr(1)), std::runtime_error);
}

}  // namespace
}  // namespace smug
