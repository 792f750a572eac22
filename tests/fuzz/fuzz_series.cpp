// Fuzzes the reader of the all-nationality monthly series (other_nationalities.series_file,
// runner/io/inputs.cpp) against the baseline's run: the CSV parser, the month and people cells,
// consecutive months and the horizon check.
#include "fuzz_support.hpp"
#include "measures/assemble.hpp"
#include "runner/io/inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smug;
  static const Scenario defaults(model_registry());
  fuzz::expect_success_or_refusal(
      [&] { (void)parse_series(fuzz::bytes(data, size), "fuzz/series.csv", defaults); });
  return 0;
}
