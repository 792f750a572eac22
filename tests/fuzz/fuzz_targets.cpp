// Fuzzes the calibration targets reader (output/targets.cpp): ids, metrics, windows and bounds.
#include "fuzz_support.hpp"
#include "output/targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  smug::fuzz::expect_success_or_refusal(
      [&] { (void)smug::out::parse_targets(smug::fuzz::bytes(data, size), "fuzz/targets.csv"); });
  return 0;
}
