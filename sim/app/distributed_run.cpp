#include "app/distributed_run.hpp"

#include <optional>

#include "app/distributed.hpp"
#include "engine/replicate_codec.hpp"

namespace smug {

namespace {

std::string run_item(const SlotRunner& run_slot, const std::string& item) {
  return encode_replicate(run_slot(static_cast<size_t>(std::stoull(item))));
}

}  // namespace

std::vector<ReplicateResult> run_slots_over_ranks(const std::vector<size_t>& slots,
                                                  const SlotRunner& run_slot,
                                                  const EnsembleOptions& o) {
  std::vector<std::string> items;
  for (size_t slot : slots) items.push_back(std::to_string(slot));
  std::vector<std::optional<ReplicateResult>> got(slots.size());
  size_t done = 0;
  dist::serve(
      items, [&](const std::string& item) { return run_item(run_slot, item); },
      [&](size_t i, std::string&& bytes) {
        ReplicateResult r = decode_replicate(bytes);
        if (o.on_result) o.on_result(i, r);
        got[i] = std::move(r);
        if (o.on_done) o.on_done(*got[i], ++done, slots.size());
      },
      o.stop);
  std::vector<ReplicateResult> out;
  for (auto& r : got)
    if (r) out.push_back(std::move(*r));
  return out;
}

void run_slots_for_rank0(const SlotRunner& run_slot, const std::atomic<bool>* stop) {
  dist::work([&](const std::string& item) { return run_item(run_slot, item); }, stop);
}

}  // namespace smug
