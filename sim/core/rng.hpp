// Keyed random streams on a counter-based generator (Philox4x32-10, Salmon et al. 2011).
//
// Every draw in the model comes from a stream keyed by (seed, replicate, purpose, entity, day).
// Nothing depends on thread id or processing order, so results are identical on any thread count,
// and a scenario that changes one measure changes only the draws that measure's own purpose keys:
// every other stream produces the same numbers (common random numbers between scenarios).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace smug {

using Philox4x32Counter = std::array<uint32_t, 4>;
using Philox4x32Key = std::array<uint32_t, 2>;

// The bare block function: 128-bit counter and 64-bit key to 128 random bits.
Philox4x32Counter philox4x32_10(Philox4x32Counter ctr, Philox4x32Key key);

// The blocks of counters {first[0] + j (mod 2^32), first[1], first[2], first[3]} for j < blocks,
// as 2 * blocks words in the order a Stream returns them. Eight blocks at a time with AVX2 where
// the processor has it (the same bits: integer arithmetic only), one at a time otherwise.
void philox4x32_10_words(Philox4x32Counter first, Philox4x32Key key, size_t blocks,
                         uint64_t* words);

// SplitMix64 finaliser: a bijective 64-bit mixer, used to fold (seed, replicate) into a key.
constexpr uint64_t mix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// What a stream is for. Each mechanism owns its purposes; a new one is appended, never inserted,
// so that existing streams keep their numbers. Values are part of the golden digests.
enum class Purpose : uint32_t {
  kPopulation = 1,      // set-up: attributes of each person
  kNetwork = 2,         // set-up: implicit ties
  kUkStock = 3,         // set-up: Albanians already in the UK
  kOrganisations = 4,   // set-up: initial smuggling organisations
  kReconsider = 10,     // who reconsiders leaving today
  kDecide = 11,         // one person's decision and route choice
  kNews = 12,           // whether a tie hears a piece of news
  kJourney = 13,        // travel to France, exit checks
  kWeather = 14,        // viable crossing days
  kCrossing = 15,       // launches, interception, deaths
  kUkProcessing = 16,   // claims, decisions, withdrawals
  kReturns = 17,        // enforced and voluntary returns
  kOrgDynamics = 18,    // recruitment, entry
  kArrests = 19,        // arrests of network members (one stream per organisation and day)
  kStockDynamics = 20,  // inflow/outflow of the other-routes stock
  kOtherNationalities = 21,
  kRemovalCapacity = 22,  // rounding of a day's removal capacity, one stream per source
  kLaunch = 23,           // a day's boarding capacity on the coast
  kOrgEntryRate = 25,     // organisations.entry_form = rate: the week's number of entrants
  kOrgIdleExit = 26,      // members leaving an idle organisation (one stream per organisation)
  kMeasure = 100,         // + measure index: a measure's own draws (detections by that measure)
  kCalibration = 1000,    // calibration sampler
  kPosteriorDraw = 1001,  // `run --posterior`: which particle each draw takes (entity = draw)
  kDesign = 1002,         // `design --lhs`: the strata permutation and jitter (entity = parameter)
  kMorrisDesign = 1003,   // a Morris trajectory: start, directions, order (entity = trajectory)
  kBootstrap = 1004,      // a bootstrap resample of a sensitivity index (entity = resample)
};

constexpr uint32_t purpose_id(Purpose p) {
  return static_cast<uint32_t>(p);
}
constexpr uint32_t measure_purpose(uint32_t measure_index) {
  return purpose_id(Purpose::kMeasure) + measure_index;
}

// The replicate's key: every stream of one replicate shares it.
struct StreamKey {
  Philox4x32Key key{};
  static StreamKey make(uint64_t seed, uint64_t replicate) {
    const uint64_t k = mix64(seed ^ mix64(replicate ^ 0x5A17C0DEull));
    return StreamKey{{static_cast<uint32_t>(k), static_cast<uint32_t>(k >> 32)}};
  }
};

// The first blocks of the streams (purpose, entities[j], day) of one key, j < n: what each one's
// first draw computes, eight at a time with AVX2. For Stream's constructor from a first block.
void philox4x32_10_first_blocks(Philox4x32Key key, Purpose purpose, uint32_t day,
                                const uint32_t* entities, size_t n, Philox4x32Counter* out);

// The first `blocks` blocks of the streams (purpose, e, day) of one key for the consecutive
// entities e = first_entity .. first_entity + entities - 1, as each stream's first 2 * blocks
// words, one stream after another (for PrecomputedStream).
void philox4x32_10_stream_words(Philox4x32Key key, Purpose purpose, uint32_t day,
                                uint32_t first_entity, size_t entities, uint32_t blocks,
                                uint64_t* words);

// The draws every stream offers on top of its words (CRTP: Words has operator()).
template <class Words>
class Draws {
 public:
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(word() >> 11) * 0x1.0p-53; }
  bool bernoulli(double p) { return uniform() < p; }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; the tiny bias is below 2^-32 for
  // the n used here and identical on every platform, which is what matters).
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>((word() >> 32) * static_cast<uint64_t>(n) >> 32);
  }

 private:
  uint64_t word() { return static_cast<Words&>(*this)(); }
};

// A stream of 64-bit words for one (purpose, entity, day). Satisfies UniformRandomBitGenerator,
// so Boost.Random distributions can draw from it. Cheap to construct: make one per use.
class Stream : public Draws<Stream> {
 public:
  using result_type = uint64_t;

  Stream(StreamKey key, uint32_t purpose, uint32_t entity, uint32_t day)
      : key_(key.key), ctr_{0, day, entity, purpose} {}
  Stream(StreamKey key, Purpose purpose, uint32_t entity, uint32_t day)
      : Stream(key, purpose_id(purpose), entity, day) {}

  // The same stream, its first block computed beforehand (philox4x32_10_first_blocks).
  Stream(StreamKey key, Purpose purpose, uint32_t entity, uint32_t day,
         const Philox4x32Counter& first)
      : key_(key.key), ctr_{1, day, entity, purpose_id(purpose)}, block_(first), used_(0) {}

  // The same stream from its block `block` on (the words before it were drawn elsewhere).
  static Stream from_block(StreamKey key, Purpose purpose, uint32_t entity, uint32_t day,
                           uint32_t block) {
    Stream s(key, purpose, entity, day);
    s.ctr_[0] = block;
    return s;
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == 2) refill();
    const uint64_t hi = block_[2 * used_ + 1], lo = block_[2 * used_];
    ++used_;
    return (hi << 32) | lo;
  }

  // The next n words, the same as n calls of operator() but with the whole blocks among them
  // computed together (for long runs of draws: a day's picks of people).
  void fill(uint64_t* out, size_t n);

 private:
  void refill() {
    block_ = philox4x32_10(ctr_, key_);
    ++ctr_[0];
    used_ = 0;
  }
  Philox4x32Key key_;
  Philox4x32Counter ctr_;
  Philox4x32Counter block_{};
  int used_ = 2;
};

// A stream whose first words were computed beforehand, with other streams' (by
// philox4x32_10_stream_words): it returns them, then goes on from the block after them, so it
// draws exactly what Stream(key, purpose, entity, day) draws.
class PrecomputedStream : public Draws<PrecomputedStream> {
 public:
  using result_type = uint64_t;

  PrecomputedStream(const uint64_t* words, uint32_t blocks, StreamKey key, Purpose purpose,
                    uint32_t entity, uint32_t day)
      : words_(words),
        n_(2 * blocks),
        rest_(Stream::from_block(key, purpose, entity, day, blocks)) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() { return used_ < n_ ? words_[used_++] : rest_(); }

 private:
  const uint64_t* words_;
  uint32_t n_, used_ = 0;
  Stream rest_;
};

}  // namespace smug
