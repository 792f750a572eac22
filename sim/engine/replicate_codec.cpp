#include "engine/replicate_codec.hpp"

#include <cstring>
#include <stdexcept>

namespace smug {

namespace {

constexpr char kTag[4] = {'S', 'M', 'R', 'R'};
constexpr uint32_t kCodecVersion = 1;
constexpr size_t kHeaderBytes = 64;  // the tag and the fixed fields before the series

class Out {
 public:
  template <typename T>
  Out& operator<<(T v) {
    bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
    return *this;
  }
  void doubles(const std::vector<double>& v) {
    bytes.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
  }
  std::string bytes;
};

class In {
 public:
  explicit In(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  T next() {
    T v{};
    if (at_ + sizeof v > bytes_.size()) throw std::runtime_error("encoded replicate truncated");
    std::memcpy(&v, bytes_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  size_t left() const { return bytes_.size() - at_; }

 private:
  const std::string& bytes_;
  size_t at_ = 0;
};

}  // namespace

size_t encoded_replicate_size(int ndays, size_t nmeasures) {
  return kHeaderBytes +
         8 * static_cast<size_t>(ndays) * (kNumSeries + nmeasures * kNumMeasureSeries);
}

std::string encode_replicate(const ReplicateResult& r) {
  const Recorder& rec = r.rec;
  const uint32_t ndays = static_cast<uint32_t>(rec.series(kArrivals).size());
  Out o;
  o.bytes.reserve(encoded_replicate_size(static_cast<int>(ndays), rec.nmeasures()));
  o.bytes.append(kTag, sizeof kTag);
  o << kCodecVersion << r.seed << r.replicate << r.wall_seconds
    << static_cast<uint64_t>(r.state_bytes) << static_cast<uint32_t>(r.aborted) << ndays
    << static_cast<uint32_t>(kNumSeries) << static_cast<uint32_t>(rec.nmeasures())
    << static_cast<uint32_t>(kNumMeasureSeries) << uint32_t{0};
  for (int k = 0; k < kNumSeries; ++k) o.doubles(rec.series(static_cast<SeriesId>(k)));
  for (size_t m = 0; m < rec.nmeasures(); ++m)
    for (int k = 0; k < kNumMeasureSeries; ++k)
      o.doubles(rec.measure_series(m, static_cast<MeasureSeriesId>(k)));
  return std::move(o.bytes);
}

ReplicateResult decode_replicate(const std::string& bytes) {
  if (bytes.size() < sizeof kTag || std::memcmp(bytes.data(), kTag, sizeof kTag) != 0)
    throw std::runtime_error("not an encoded replicate");
  In in(bytes);
  in.next<uint32_t>();  // the tag
  if (in.next<uint32_t>() != kCodecVersion)
    throw std::runtime_error("encoded replicate of another version");
  const uint64_t seed = in.next<uint64_t>(), replicate = in.next<uint64_t>();
  const double wall = in.next<double>();
  const uint64_t state_bytes = in.next<uint64_t>();
  const bool aborted = in.next<uint32_t>() != 0;
  const uint32_t ndays = in.next<uint32_t>(), nseries = in.next<uint32_t>(),
                 nmeasures = in.next<uint32_t>(), nmeasure_series = in.next<uint32_t>();
  in.next<uint32_t>();
  if (nseries != kNumSeries || nmeasure_series != kNumMeasureSeries)
    throw std::runtime_error("encoded replicate of another model (series differ)");
  if (in.left() != 8ull * ndays * (nseries + static_cast<uint64_t>(nmeasures) * nmeasure_series))
    throw std::runtime_error("encoded replicate has the wrong size");
  ReplicateResult r{seed, replicate, Recorder(static_cast<int>(ndays), nmeasures)};
  r.wall_seconds = wall;
  r.state_bytes = static_cast<size_t>(state_bytes);
  r.aborted = aborted;
  const int nd = static_cast<int>(ndays);
  for (int k = 0; k < kNumSeries; ++k)
    for (int t = 0; t < nd; ++t) r.rec.set(static_cast<SeriesId>(k), t, in.next<double>());
  for (size_t m = 0; m < nmeasures; ++m)
    for (int k = 0; k < kNumMeasureSeries; ++k)
      for (int t = 0; t < nd; ++t)
        r.rec.add_measure(m, static_cast<MeasureSeriesId>(k), t, in.next<double>());
  return r;
}

std::string encode_doubles(const std::vector<double>& v) {
  Out o;
  o << static_cast<uint64_t>(v.size());
  o.doubles(v);
  return std::move(o.bytes);
}

std::vector<double> decode_doubles(const std::string& bytes) {
  In in(bytes);
  const uint64_t n = in.next<uint64_t>();
  if (in.left() != 8 * n) throw std::runtime_error("encoded doubles have the wrong size");
  std::vector<double> v(n);
  for (auto& x : v) x = in.next<double>();
  return v;
}

}  // namespace smug
