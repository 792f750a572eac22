// `smugsim params --search WORDS`: the parameters a reader's words point at, best first, so that
// "removal" finds the removal levers without knowing which sections hold them.
#pragma once
#include <string>
#include <vector>

#include "params/registry.hpp"

namespace smug {

struct SearchHit {
  const ParamSpec* spec = nullptr;
  int words_matched = 0;  // how many of the words it matched anywhere
  int score = 0;          // the sum of the weights below over the words
};

// The weights of a word found in each place; a word counts once per place.
inline constexpr int kKeyWeight = 8;         // the key, e.g. removal_capacity_per_day
inline constexpr int kSectionWeight = 4;     // the section name, e.g. joint_communique
inline constexpr int kDocWeight = 2;         // the parameter's doc line
inline constexpr int kSectionDocWeight = 1;  // the section's doc line

// Parameters matching at least one word (case-insensitive substring; a plural's final 's' is
// dropped, so "removals" finds "removal"), ranked by score, then words matched, then name: the
// score first, because a word in a key says more than several in a section's description.
std::vector<SearchHit> search_params(const ParamRegistry& reg, const std::string& words);

}  // namespace smug
