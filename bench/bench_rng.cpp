// Random streams: the cost of the Philox4x32-10 block, of making a keyed stream and taking its
// first draw (the pattern of every per-person decision), and of further draws from one stream.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "core/rng.hpp"

namespace smug {
namespace {

const StreamKey kKey = StreamKey::make(20221213, 0);

// One bare block: 128 random bits.
void BM_PhiloxBlock(benchmark::State& st) {
  Philox4x32Counter ctr{0, 1, 2, 3};
  for (auto _ : st) {
    const Philox4x32Counter out = philox4x32_10(ctr, kKey.key);
    benchmark::DoNotOptimize(out);
    ++ctr[0];
  }
  st.SetItemsProcessed(st.iterations());
  st.SetBytesProcessed(st.iterations() * 16);
}
BENCHMARK(BM_PhiloxBlock);

// Blocks computed together, per block: a day's picks of people (Stream::fill), eight at a time
// with AVX2 where the processor has it.
void BM_PhiloxBatchedBlock(benchmark::State& st) {
  constexpr size_t kBlocks = 4096;
  std::vector<uint64_t> words(2 * kBlocks);
  uint32_t day = 0;
  for (auto _ : st) {
    philox4x32_10_words({0, day++, 0, 10}, kKey.key, kBlocks, words.data());
    benchmark::DoNotOptimize(words.data());
  }
  st.SetItemsProcessed(st.iterations() * static_cast<int64_t>(kBlocks));
}
BENCHMARK(BM_PhiloxBatchedBlock);

// A new stream per entity and one uniform from it: what consider() does for each person picked.
void BM_StreamConstructUniform(benchmark::State& st) {
  uint32_t entity = 0;
  for (auto _ : st) {
    Stream s(kKey, Purpose::kDecide, entity++, 900);
    benchmark::DoNotOptimize(s.uniform());
  }
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_StreamConstructUniform);

// Successive uniforms from one stream (two 64-bit words per block).
void BM_StreamUniform(benchmark::State& st) {
  Stream s(kKey, Purpose::kNews, 1, 900);
  for (auto _ : st) benchmark::DoNotOptimize(s.uniform());
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_StreamUniform);

// Successive bounded integers (the day's picks of people to reconsider).
void BM_StreamBelow(benchmark::State& st) {
  Stream s(kKey, Purpose::kReconsider, 0, 900);
  for (auto _ : st) benchmark::DoNotOptimize(s.below(864760));
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_StreamBelow);

}  // namespace
}  // namespace smug
