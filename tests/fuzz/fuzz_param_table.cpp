// Fuzzes the parameter tables (runner/io/param_table.cpp): every input is read both as a design
// (`smugsim sweep`) and as a posterior sample (`run --posterior`, with weights), the same parser
// with different columns allowed. A table that parses is then used as the commands use it: rows
// drawn by weight and one set onto the scenario.
#include "fuzz_support.hpp"
#include "measures/assemble.hpp"
#include "runner/io/param_table.hpp"

namespace {

void use(const std::string& text, smug::TableKind kind) {
  using namespace smug;
  static const Scenario defaults(model_registry());
  fuzz::expect_success_or_refusal([&] {
    const ParamTable t = parse_param_table("fuzz/table.csv", text, kind, model_registry());
    for (const size_t row : draw_rows(t, 1, 3)) (void)with_row(defaults, t, row);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = smug::fuzz::bytes(data, size);
  use(text, smug::TableKind::kDesign);
  use(text, smug::TableKind::kPosterior);
  return 0;
}
