#include "runner/shard.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace smug {

namespace {

// Up to 999999999: a slice or a Slurm task number, never near the limits of size_t.
std::optional<size_t> parse_count(const std::string& s) {
  const std::optional<uint64_t> v = parse_whole(s);
  if (!v || *v > 999999999) return std::nullopt;
  return static_cast<size_t>(*v);
}

std::optional<size_t> slurm_var(const char* name) {
  const char* v = std::getenv(name);
  return v ? parse_count(v) : std::nullopt;
}

}  // namespace

Shard parse_shard(const std::string& text) {
  if (text == "slurm") {
    const auto id = slurm_var("SLURM_ARRAY_TASK_ID"), count = slurm_var("SLURM_ARRAY_TASK_COUNT");
    if (!id || !count)
      throw UsageError(
          "--shard slurm: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are not set (not a "
          "Slurm array task); give --shard I/N");
    const size_t min = slurm_var("SLURM_ARRAY_TASK_MIN").value_or(0);
    const size_t step = std::max<size_t>(1, slurm_var("SLURM_ARRAY_TASK_STEP").value_or(1));
    if (*id < min || (*id - min) % step != 0 || (*id - min) / step >= *count)
      throw UsageError("--shard slurm: array task " + std::to_string(*id) +
                       " is not one of the array's " + std::to_string(*count) + " tasks");
    return Shard{(*id - min) / step, *count};
  }
  const auto slash = text.find('/');
  const auto index = parse_count(text.substr(0, slash));
  const auto count =
      slash == std::string::npos ? std::nullopt : parse_count(text.substr(slash + 1));
  if (!index || !count || *count < 1)
    throw UsageError("--shard expects I/N (slice I of N, I from 0 to N-1) or 'slurm', got '" +
                     text + "'");
  if (*index >= *count)
    throw UsageError("--shard " + text +
                     ": I counts from 0, so it must be below N = " + std::to_string(*count));
  return Shard{*index, *count};
}

size_t shard_begin(const Shard& s, size_t n) {
  return s.index * n / s.count;
}
size_t shard_end(const Shard& s, size_t n) {
  return (s.index + 1) * n / s.count;
}

std::string shard_output(const std::string& output, const Shard& s) {
  const std::filesystem::path p(output);
  const std::string tag = ".shard-" + std::to_string(s.index) + "-of-" + std::to_string(s.count);
  return (p.parent_path() / (p.stem().string() + tag + p.extension().string())).string();
}

}  // namespace smug
