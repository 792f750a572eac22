#include "runner/checkpoint.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>

#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "engine/replicate_codec.hpp"
#include "runner/io/scenario_files.hpp"

namespace smug {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'M', 'U', 'G', 'C', 'K', 'P', 'T'};
constexpr uint32_t kVersion = 2;  // 2: the replicate in the codec's encoding
const char* const kManifestHeader = "smugsim checkpoint manifest 1\n";

uint64_t fnv1a(const char* p, size_t n, uint64_t h = 0xcbf29ce484222325ull) {
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 0x100000001b3ull;
  return h;
}

bool informational(const std::string& field) {
  return std::find(kInformationalFields.begin(), kInformationalFields.end(), field) !=
         kInformationalFields.end();
}

uint64_t digest_of(const Manifest& m) {
  uint64_t h = fnv1a("", 0);
  for (const auto& [k, v] : m) {
    if (informational(k)) continue;
    h = fnv1a(k.c_str(), k.size() + 1, h);
    h = fnv1a(v.c_str(), v.size() + 1, h);
  }
  return h;
}

std::string manifest_text(const Manifest& m) {
  std::string s = kManifestHeader;
  for (const auto& [k, v] : m) s += k + " " + std::to_string(v.size()) + "\n" + v + "\n";
  return s;
}

// nullopt for anything that is not a whole manifest.
std::optional<Manifest> parse_manifest(const std::string& text) {
  if (text.rfind(kManifestHeader, 0) != 0) return std::nullopt;
  Manifest m;
  size_t pos = std::strlen(kManifestHeader);
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) return std::nullopt;
    const std::string head = text.substr(pos, nl - pos);
    const size_t sp = head.rfind(' ');
    if (sp == std::string::npos) return std::nullopt;
    const size_t len = std::strtoull(head.c_str() + sp + 1, nullptr, 10);
    if (nl + 1 + len + 1 > text.size() || text[nl + 1 + len] != '\n') return std::nullopt;
    m.emplace_back(head.substr(0, sp), text.substr(nl + 1, len));
    pos = nl + 1 + len + 1;
  }
  return m;
}

bool short_text(const std::string& v) {
  return v.find('\n') == std::string::npos && v.size() <= 60;
}

// The reason a resume is refused, or "" if the manifests agree.
std::string mismatch(const Manifest& was, const Manifest& now) {
  auto find = [](const Manifest& m, const std::string& k) -> const std::string* {
    for (const auto& [key, v] : m)
      if (key == k) return &v;
    return nullptr;
  };
  for (const auto& [k, v] : now) {
    if (informational(k)) continue;
    const std::string* old = find(was, k);
    if (old && *old == v) continue;
    std::string why = "its " + k + " differs";
    if (old && short_text(*old) && short_text(v))
      why += " (partial run: " + (old->empty() ? "none" : *old) + ", now: " + v + ")";
    return why;
  }
  for (const auto& [k, v] : was)
    if (!informational(k) && !find(now, k))
      return "it has a field this smugsim does not know (" + k + ")";
  return "";
}

template <typename T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
T get(const std::string& b, size_t& pos) {
  T v{};
  if (pos + sizeof v > b.size()) throw std::runtime_error("truncated");
  std::memcpy(&v, b.data() + pos, sizeof v);
  pos += sizeof v;
  return v;
}

constexpr size_t kHeaderBytes = sizeof kMagic + 4 + 4 + 8 + 8;

bool checkpoint_name(const std::string& name) {
  return name.rfind("slot-", 0) == 0 && name.size() >= 11 &&
         name.compare(name.size() - 5, 5, ".ckpt") == 0;
}

// The slot and replicate in a checkpoint's bytes, or std::runtime_error saying why it is not one of
// this run's: another format, a damaged file, another manifest, another slot, seed, key or
// dimensions.
std::pair<size_t, ReplicateResult> decode_checkpoint(const std::string& name, const std::string& b,
                                                     uint64_t digest, uint64_t seed,
                                                     const std::vector<uint64_t>& keys, int ndays,
                                                     size_t nmeasures) {
  if (b.size() < kHeaderBytes + 8 || std::memcmp(b.data(), kMagic, sizeof kMagic) != 0)
    throw std::runtime_error("not a checkpoint");
  uint64_t sum = 0;
  std::memcpy(&sum, b.data() + b.size() - 8, 8);
  if (fnv1a(b.data(), b.size() - 8) != sum) throw std::runtime_error("damaged (checksum)");
  size_t pos = sizeof kMagic;
  if (get<uint32_t>(b, pos) != kVersion) throw std::runtime_error("another checkpoint version");
  get<uint32_t>(b, pos);
  if (get<uint64_t>(b, pos) != digest) throw std::runtime_error("from another run");
  const uint64_t slot = get<uint64_t>(b, pos);
  ReplicateResult r = decode_replicate(b.substr(pos, b.size() - 8 - pos));
  if (slot >= keys.size() || r.seed != seed || r.replicate != keys[slot] ||
      name != "slot-" + std::to_string(slot) + ".ckpt")
    throw std::runtime_error("not a replicate of this run");
  if (static_cast<int>(r.rec.series(kArrivals).size()) != ndays || r.rec.nmeasures() != nmeasures)
    throw std::runtime_error("dimensions differ from this run's");
  return {slot, std::move(r)};
}

}  // namespace

std::string partial_dir(const std::string& output) {
  return output + ".partial";
}

CheckpointStore::CheckpointStore(const std::string& output, Manifest manifest, bool resume)
    : dir_(partial_dir(output)), manifest_(std::move(manifest)) {
  digest_ = digest_of(manifest_);
  const std::string manifest_path = (fs::path(dir_) / "manifest").string();
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    const auto text = load_file_from_disk(manifest_path);
    const auto old = text ? parse_manifest(*text) : std::nullopt;
    const bool empty = fs::is_directory(dir_, ec) && fs::is_empty(dir_, ec);
    if (!old && !empty) {
      throw RuntimeFailure("'" + dir_ +
                           "' exists and is not a smugsim partial run; move it or choose another "
                           "output");
    }
    if (resume && old) {
      const std::string why = mismatch(*old, manifest_);
      if (!why.empty()) {
        throw UsageError("cannot resume from " + dir_ + ": " + why +
                         "; run without --resume to start afresh (it will be replaced)");
      }
      for (auto& [k, v] : manifest_)
        for (const auto& [ok, ov] : *old)
          if (k == ok && informational(k)) v = ov;
      resumed_ = true;
    } else {
      fs::remove_all(dir_, ec);
      if (ec) throw RuntimeFailure("cannot remove '" + dir_ + "': " + ec.message());
      replaced_ = old.has_value();
    }
  }
  fs::create_directories(dir_, ec);
  if (ec) throw RuntimeFailure("cannot create '" + dir_ + "': " + ec.message());
  if (!resumed_) write_durably(manifest_path, manifest_text(manifest_));
}

std::string CheckpointStore::field(const std::string& name) const {
  for (const auto& [k, v] : manifest_)
    if (k == name) return v;
  return "";
}

void CheckpointStore::save(size_t slot, const ReplicateResult& r) const {
  const std::string replicate = encode_replicate(r);
  std::string b;
  b.reserve(kHeaderBytes + replicate.size() + 8);
  b.append(kMagic, sizeof kMagic);
  put<uint32_t>(b, kVersion);
  put<uint32_t>(b, 0);
  put<uint64_t>(b, digest_);
  put<uint64_t>(b, slot);
  b.append(replicate);
  put<uint64_t>(b, fnv1a(b.data(), b.size()));
  write_durably((fs::path(dir_) / ("slot-" + std::to_string(slot) + ".ckpt")).string(), b);
}

std::map<size_t, ReplicateResult> CheckpointStore::load(uint64_t seed,
                                                        const std::vector<uint64_t>& keys,
                                                        int ndays, size_t nmeasures,
                                                        std::vector<std::string>* ignored) const {
  std::map<size_t, ReplicateResult> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "manifest" || name.find(".tmp.") != std::string::npos) continue;
    auto skip = [&](const std::string& why) {
      if (ignored) ignored->push_back(entry.path().string() + ": " + why);
    };
    const auto bytes = load_file_from_disk(entry.path().string());
    if (!checkpoint_name(name) || !bytes) {
      skip("not a checkpoint");
      continue;
    }
    try {
      out.insert(decode_checkpoint(name, *bytes, digest_, seed, keys, ndays, nmeasures));
    } catch (const std::runtime_error& e) {
      skip(e.what());
    }
  }
  return out;
}

void CheckpointStore::remove() const {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

}  // namespace smug
