#include "calibration/distributed_calibration.hpp"

#include <stdexcept>

#include "engine/replicate_codec.hpp"
#include "runner/distributed.hpp"

namespace smug {

namespace {

// Item: the proposal's values; result: its distance, then its summaries.
std::string evaluate_item(const CalibrationContext& ctx, const std::string& item) {
  const Evaluation e = evaluate_parameters(ctx, decode_doubles(item));
  std::vector<double> out{e.distance};
  out.insert(out.end(), e.summaries.begin(), e.summaries.end());
  return encode_doubles(out);
}

}  // namespace

size_t evaluate_over_ranks(const CalibrationContext& ctx,
                           const std::vector<std::vector<double>>& proposals,
                           std::vector<Evaluation>& evaluated,
                           const std::function<void(size_t done)>& progress,
                           const std::atomic<bool>* stop) {
  std::vector<std::string> items;
  for (const auto& theta : proposals) items.push_back(encode_doubles(theta));
  size_t done = 0;
  dist::serve(
      items, [&](const std::string& item) { return evaluate_item(ctx, item); },
      [&](size_t i, std::string&& bytes) {
        const std::vector<double> v = decode_doubles(bytes);
        if (v.empty()) throw std::runtime_error("empty evaluation from a worker");
        evaluated[i].theta = proposals[i];
        evaluated[i].distance = v[0];
        evaluated[i].summaries.assign(v.begin() + 1, v.end());
        if (progress) progress(++done);
      },
      stop);
  return done;
}

void evaluate_for_rank0(const CalibrationContext& ctx, const std::atomic<bool>* stop) {
  dist::work([&](const std::string& item) { return evaluate_item(ctx, item); }, stop);
}

}  // namespace smug
