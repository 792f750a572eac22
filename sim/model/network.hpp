// Social ties. A person's ties are most of their village and some of their county. They are not
// stored: the j-th tie of person i is a hash of (network key, i, j) mapped into i's village or
// county, so ties cost no memory and are the same in every scenario of one replicate.
// Ties are directed (i tells its ties); news travels along them (news.hpp).
#pragma once
#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "model/population.hpp"
#include "params/declare.hpp"

namespace smug {

struct NetworkParams : ParamsOf<NetworkParams> {
  int ties_village;                              // ties within the village
  int ties_county;                               // ties elsewhere in the county
  static const Declare<NetworkParams>& table();  // every parameter, with the field it fills
};

class Network {
 public:
  Network(const NetworkParams& p, StreamKey key) : p_(p), key_(key) {}
  // Appends i's ties to out (cleared first). Never includes i itself.
  void ties(const Population& pop, uint32_t i, std::vector<uint32_t>& out) const;
  int degree() const { return p_.ties_village + p_.ties_county; }

 private:
  NetworkParams p_;
  StreamKey key_;
};

}  // namespace smug
