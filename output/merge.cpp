#include "output/merge.hpp"

#include <algorithm>
#include <set>

namespace smug::out {

namespace {

const char* const kShard = "shard";  // "I/N", for people
const char* const kIndex = "shard_index";
const char* const kCount = "shard_count";
const char* const kFirst = "shard_first_replicate";
const char* const kTotal = "shard_total_replicates";
const char* const kRunId = "shard_run_id";

size_t number(const RunData& d, const char* key, const std::string& path) {
  const auto it = d.provenance.find(key);
  const std::string v = it == d.provenance.end() ? "" : it->second;
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
    throw RunFileError(path + ": malformed shard attribute " + key + " ('" + v + "')");
  return static_cast<size_t>(std::stoull(v));
}

std::string prov(const RunData& d, const std::string& key) {
  const auto it = d.provenance.find(key);
  return it == d.provenance.end() ? "" : it->second;
}

std::string brief(const std::string& v) {
  if (v.find('\n') != std::string::npos || v.size() > 40) return "";
  return " (" + (v.empty() ? std::string("none") : v) + ")";
}

// Why two shards with different run identities belong to different runs, as precisely as the
// files tell.
std::string why_different(const RunData& a, const RunData& b) {
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields = {
      {"seed",
       {a.seeds.empty() ? "" : std::to_string(a.seeds[0]),
        b.seeds.empty() ? "" : std::to_string(b.seeds[0])}},
      {"software version", {prov(a, "software_version"), prov(b, "software_version")}},
      {"git commit", {prov(a, "git_commit"), prov(b, "git_commit")}},
      {"design", {prov(a, "design_sha256"), prov(b, "design_sha256")}},
      {"posterior", {prov(a, "posterior_sha256"), prov(b, "posterior_sha256")}},
      {"number of posterior draws", {prov(a, "posterior_draws"), prov(b, "posterior_draws")}},
      {"number of replicates", {prov(a, kTotal), prov(b, kTotal)}},
      {"scenario", {a.resolved_scenario, b.resolved_scenario}},
  };
  for (const auto& [what, v] : fields) {
    if (v.first == v.second) continue;
    const std::string shown = brief(v.first).empty() || brief(v.second).empty()
                                  ? ""
                                  : " (" + v.second + " there, " + v.first + " here)";
    return "its " + what + " differs" + shown;
  }
  return "its run identity (shard_run_id) differs";
}

template <typename T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

std::map<std::string, std::string> shard_attributes(const ShardInfo& s) {
  return {{kShard, std::to_string(s.index) + "/" + std::to_string(s.count)},
          {kIndex, std::to_string(s.index)},
          {kCount, std::to_string(s.count)},
          {kFirst, std::to_string(s.first)},
          {kTotal, std::to_string(s.total)},
          {kRunId, s.run_id}};
}

std::optional<ShardInfo> shard_info(const RunData& d, const std::string& path) {
  if (!d.provenance.count(kRunId)) return std::nullopt;
  ShardInfo s{number(d, kIndex, path), number(d, kCount, path), number(d, kFirst, path),
              number(d, kTotal, path), prov(d, kRunId)};
  const size_t n = static_cast<size_t>(d.nreplicates());
  if (s.index >= s.count || s.first + n > s.total || s.first != s.index * s.total / s.count ||
      s.first + n != (s.index + 1) * s.total / s.count)
    throw RunFileError(path + ": its shard attributes (" + prov(d, kShard) + ", " +
                       std::to_string(n) + " replicates from " + std::to_string(s.first) + " of " +
                       std::to_string(s.total) + ") disagree with each other");
  return s;
}

const std::vector<std::string>& merge_varying_attributes() {
  static const std::vector<std::string> names = {"started_at",  "finished_at", "command",
                                                 "host",        "threads",     "resumed_from",
                                                 "merged_from", "mpi_ranks"};
  return names;
}

RunData merge_shards(const std::vector<std::pair<std::string, RunData>>& shards,
                     std::vector<size_t>* order) {
  if (shards.empty()) throw RunFileError("merge: no shards given");
  struct Part {
    const std::string* path;
    const RunData* data;
    ShardInfo info;
    size_t position;
  };
  std::vector<Part> parts;
  for (const auto& [path, d] : shards) {
    const auto info = shard_info(d, path);
    if (!info)
      throw RunFileError(path + ": not a shard (written without --shard; nothing to merge)");
    parts.push_back({&path, &d, *info, parts.size()});
  }
  const Part& ref = parts.front();
  std::map<size_t, const Part*> by_index;
  for (const Part& p : parts) {
    if (p.info.run_id != ref.info.run_id)
      throw RunFileError(*p.path + ": from a different run than " + *ref.path + ": " +
                         why_different(*p.data, *ref.data));
    if (p.info.count != ref.info.count)
      throw RunFileError(*p.path + ": shard " + prov(*p.data, kShard) + " overlaps shard " +
                         prov(*ref.data, kShard) + " of " + *ref.path +
                         " (the run was cut into different numbers of shards)");
    const auto [it, fresh] = by_index.emplace(p.info.index, &p);
    if (!fresh)
      throw RunFileError(*p.path + ": shard " + prov(*p.data, kShard) + " overlaps " +
                         *it->second->path + ", which holds the same slice");
  }
  for (size_t i = 0; i < ref.info.count; ++i) {
    if (by_index.count(i)) continue;
    const size_t first = i * ref.info.total / ref.info.count;
    const size_t end = (i + 1) * ref.info.total / ref.info.count;
    throw RunFileError("merge: shard " + std::to_string(i) + "/" + std::to_string(ref.info.count) +
                       " (replicates " + std::to_string(first) + ".." + std::to_string(end - 1) +
                       ") of the run of " + *ref.path + " is missing");
  }

  const RunData& head = *by_index.begin()->second->data;
  RunData m = head;
  m.seeds.clear();
  m.replicate_ids.clear();
  m.wall_seconds.clear();
  m.varied_values.clear();
  m.design_rows.clear();
  m.posterior_rows.clear();
  for (auto& s : m.series) s.values.clear();
  std::string started = prov(head, "started_at"), finished = prov(head, "finished_at");
  for (const auto& [index, p] : by_index) {
    const RunData& d = *p->data;
    if (d.series.size() != m.series.size() || d.ndays != m.ndays)
      throw RunFileError(*p->path + ": its series differ from " + *ref.path + "'s");
    append(m.seeds, d.seeds);
    append(m.replicate_ids, d.replicate_ids);
    append(m.wall_seconds, d.wall_seconds);
    append(m.varied_values, d.varied_values);
    append(m.design_rows, d.design_rows);
    append(m.posterior_rows, d.posterior_rows);
    for (size_t k = 0; k < m.series.size(); ++k) {
      if (d.series[k].name != m.series[k].name)
        throw RunFileError(*p->path + ": its series differ from " + *ref.path + "'s");
      append(m.series[k].values, d.series[k].values);
    }
    // ISO 8601 times of one zone compare as text.
    started = std::min(started, prov(d, "started_at"));
    finished = std::max(finished, prov(d, "finished_at"));
  }
  for (const auto& [key, v] : shard_attributes(ShardInfo{})) m.provenance.erase(key);
  if (!started.empty()) m.provenance["started_at"] = started;
  if (!finished.empty()) m.provenance["finished_at"] = finished;
  std::string from;
  for (const auto& [index, p] : by_index) from.append(from.empty() ? "" : " ").append(*p->path);
  if (order)
    for (const auto& [index, p] : by_index) order->push_back(p->position);
  m.provenance["merged_from"] = from;
  return m;
}

}  // namespace smug::out
