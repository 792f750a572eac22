#include "model/network.hpp"

#include <algorithm>

#include "params/declare.hpp"

namespace smug {

const Declare<NetworkParams>& NetworkParams::table() {
  static const Declare<NetworkParams> d =
      Declare<NetworkParams>("network", "Social ties along which news travels")
          .integer("ties_village", &NetworkParams::ties_village, "ties", "12", 0, 200,
                   "Ties each person has within the village (family, neighbours)", "prior")
          .integer("ties_county", &NetworkParams::ties_county, "ties", "6", 0, 200,
                   "Ties each person has elsewhere in the county (friends, social media)", "prior");
  return d;
}

void Network::ties(const Population& pop, uint32_t i, std::vector<uint32_t>& out) const {
  out.clear();
  // One word per tie, its blocks computed together (a tell is a person's ties at once).
  constexpr uint32_t kMaxBlocks = 16;
  uint64_t words[2 * kMaxBlocks];
  const uint32_t blocks = std::min<uint32_t>(kMaxBlocks, static_cast<uint32_t>(degree() + 1) / 2);
  philox4x32_10_stream_words(key_.key, Purpose::kNetwork, 0, i, 1, blocks, words);
  PrecomputedStream s(words, blocks, key_, Purpose::kNetwork, i, 0);
  const uint32_t vb = pop.village_begin(i), ve = pop.village_end(i);
  const int c = pop.hot[i].county;
  const uint32_t cb = pop.county_begin[c], ce = pop.county_begin[c + 1];
  auto pick = [&](uint32_t b, uint32_t e, int n) {
    if (e - b < 2) return;
    for (int j = 0; j < n; ++j) {
      uint32_t t = b + s.below(e - b - 1);
      if (t >= i && i >= b && i < e) ++t;  // skip self without a second draw
      out.push_back(t);
    }
  };
  pick(vb, ve, p_.ties_village);
  pick(cb, ce, p_.ties_county);
}

}  // namespace smug
