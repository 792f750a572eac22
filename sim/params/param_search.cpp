#include "params/param_search.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace smug {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(lower(text));
  std::vector<std::string> words;
  for (std::string w; in >> w;) {
    if (w.size() > 3 && w.back() == 's') w.pop_back();
    words.push_back(w);
  }
  return words;
}

SearchHit score(const ParamRegistry& reg, const ParamSpec& p, const std::vector<std::string>& ws) {
  const SectionSpec* sec = reg.find_section(p.section);
  const std::pair<std::string, int> places[] = {{lower(p.key), kKeyWeight},
                                                {lower(p.section), kSectionWeight},
                                                {lower(p.doc), kDocWeight},
                                                {sec ? lower(sec->doc) : "", kSectionDocWeight}};
  SearchHit hit{&p, 0, 0};
  for (const auto& w : ws) {
    int s = 0;
    for (const auto& [text, weight] : places)
      if (text.find(w) != std::string::npos) s += weight;
    hit.words_matched += s > 0;
    hit.score += s;
  }
  return hit;
}

}  // namespace

std::vector<SearchHit> search_params(const ParamRegistry& reg, const std::string& words) {
  const std::vector<std::string> ws = split_words(words);
  std::vector<SearchHit> hits;
  for (const auto& p : reg.params())
    if (SearchHit h = score(reg, p, ws); h.score > 0) hits.push_back(h);
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.words_matched != b.words_matched) return a.words_matched > b.words_matched;
    return a.spec->name() < b.spec->name();
  });
  return hits;
}

}  // namespace smug
