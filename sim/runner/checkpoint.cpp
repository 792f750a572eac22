#include "runner/checkpoint.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "engine/replicate_codec.hpp"
#include "runner/io/scenario_files.hpp"
#include "runner/packed_bytes.hpp"

namespace smug {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'M', 'U', 'G', 'C', 'K', 'P', 'T'};
constexpr uint32_t kVersion = 3;  // 2: the replicate in the codec's encoding; 3: compressed
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

constexpr size_t kHeaderBytes = sizeof kMagic + 4 + 4 + 8 + 8 + 8 + 8;

std::string slot_name(size_t slot) {
  return "slot-" + std::to_string(slot) + ".ckpt";
}

bool checkpoint_name(const std::string& name) {
  return name.rfind("slot-", 0) == 0 && name.size() >= 11 &&
         name.compare(name.size() - 5, 5, ".ckpt") == 0;
}

// The largest a checkpoint of this shape can be: a larger file is not read at all.
size_t largest_checkpoint(const CheckpointShape& shape) {
  return kHeaderBytes + packed_bound(encoded_replicate_size(shape.ndays, shape.nmeasures)) + 8;
}

// The slot and replicate in a checkpoint's bytes, or std::runtime_error saying why it is not one of
// this run's: another format, a damaged file, another manifest, another slot, seed, key or
// dimensions.
std::pair<size_t, ReplicateResult> decode_checkpoint(const std::string& name, const std::string& b,
                                                     uint64_t digest,
                                                     const CheckpointShape& shape) {
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
  const uint64_t raw_size = get<uint64_t>(b, pos), packed_size = get<uint64_t>(b, pos);
  if (raw_size != encoded_replicate_size(shape.ndays, shape.nmeasures))
    throw std::runtime_error("dimensions differ from this run's");
  if (packed_size != b.size() - 8 - pos) throw std::runtime_error("damaged (sizes)");
  ReplicateResult r = decode_replicate(unpack_bytes({b.data() + pos, packed_size}, raw_size));
  if (slot >= shape.keys.size() || r.seed != shape.seed || r.replicate != shape.keys[slot] ||
      name != slot_name(slot))
    throw std::runtime_error("not a replicate of this run");
  if (static_cast<int>(r.rec.series(kArrivals).size()) != shape.ndays ||
      r.rec.nmeasures() != shape.nmeasures)
    throw std::runtime_error("dimensions differ from this run's");
  return {slot, std::move(r)};
}

// The bytes of a file no larger than `limit`; nullopt if it cannot be read or is larger.
std::optional<std::string> read_bounded(const fs::path& path, size_t limit) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || size > limit) return std::nullopt;
  return load_file_from_disk(path.string());
}

}  // namespace

std::string partial_dir(const std::string& output) {
  return output + ".partial";
}

CheckpointStore::CheckpointStore(const std::string& output, Manifest manifest, bool resume)
    : dir_(partial_dir(output)), manifest_(std::move(manifest)) {
  digest_ = digest_of(manifest_);
  const std::string manifest_path = (fs::path(dir_) / "manifest").string();
  auto read_old = [&] {
    const auto text = load_file_from_disk(manifest_path);
    return text ? parse_manifest(*text) : std::nullopt;
  };
  std::error_code ec;
  if (fs::exists(dir_, ec) && !read_old() &&
      !(fs::is_directory(dir_, ec) && fs::is_empty(dir_, ec)))
    throw RuntimeFailure("'" + dir_ +
                         "' exists and is not a smugsim partial run; move it or choose another "
                         "output");
  fs::create_directories(dir_, ec);
  if (ec) throw RuntimeFailure("cannot create '" + dir_ + "': " + ec.message());
  lock();
  const auto old = read_old();  // read again under the lock: another run may have just ended
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
    return;
  }
  clear();
  replaced_ = old.has_value();
  write_durably(manifest_path, manifest_text(manifest_));
}

CheckpointStore::Descriptor::~Descriptor() {
  if (fd >= 0) ::close(fd);  // releases the lock
}

// A lock on the folder itself (flock on its descriptor), held until the store is destroyed: the
// kernel releases it when the process ends, however it ends, so a killed run leaves no stale lock.
void CheckpointStore::lock() {
  const int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw RuntimeFailure("cannot open '" + dir_ + "': " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
    lock_.fd = fd;
    return;
  }
  const int err = errno;
  ::close(fd);
  if (err == EWOULDBLOCK)
    throw UsageError("another smugsim run is writing to the same output: its checkpoints are in " +
                     dir_ + "; wait for it to finish, or give this run another -o");
  throw RuntimeFailure("cannot lock '" + dir_ + "': " + std::strerror(err));
}

// Empties the folder but keeps it: the lock is on the folder.
void CheckpointStore::clear() const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    fs::remove_all(entry.path(), ec);
    if (ec) throw RuntimeFailure("cannot remove '" + entry.path().string() + "': " + ec.message());
  }
  if (ec) throw RuntimeFailure("cannot list '" + dir_ + "': " + ec.message());
}

std::string CheckpointStore::field(const std::string& name) const {
  for (const auto& [k, v] : manifest_)
    if (k == name) return v;
  return "";
}

void CheckpointStore::save(size_t slot, const ReplicateResult& r) const {
  const std::string encoded = encode_replicate(r);
  const std::string packed = pack_bytes(encoded);
  std::string b;
  b.reserve(kHeaderBytes + packed.size() + 8);
  b.append(kMagic, sizeof kMagic);
  put<uint32_t>(b, kVersion);
  put<uint32_t>(b, 0);
  put<uint64_t>(b, digest_);
  put<uint64_t>(b, slot);
  put<uint64_t>(b, encoded.size());
  put<uint64_t>(b, packed.size());
  b.append(packed);
  put<uint64_t>(b, fnv1a(b.data(), b.size()));
  write_durably((fs::path(dir_) / slot_name(slot)).string(), b);
}

std::map<size_t, FinishedReplicate> CheckpointStore::scan(const CheckpointShape& shape,
                                                          std::vector<std::string>* ignored) const {
  std::map<size_t, FinishedReplicate> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "manifest" || name.find(".tmp.") != std::string::npos) continue;
    auto skip = [&](const std::string& why) {
      if (ignored) ignored->push_back(entry.path().string() + ": " + why);
    };
    if (!checkpoint_name(name)) {
      skip("not a checkpoint");
      continue;
    }
    const auto bytes = read_bounded(entry.path(), largest_checkpoint(shape));
    if (!bytes) {
      skip("not a checkpoint of this run (unreadable, or larger than one can be)");
      continue;
    }
    try {
      const auto [slot, r] = decode_checkpoint(name, *bytes, digest_, shape);
      out[slot] = {r.seed, r.replicate, r.wall_seconds};
    } catch (const std::runtime_error& e) {
      skip(e.what());
    }
  }
  return out;
}

ReplicateResult CheckpointStore::load(size_t slot, const CheckpointShape& shape) const {
  const fs::path path = fs::path(dir_) / slot_name(slot);
  const auto bytes = read_bounded(path, largest_checkpoint(shape));
  try {
    if (!bytes) throw std::runtime_error("missing or unreadable");
    return decode_checkpoint(slot_name(slot), *bytes, digest_, shape).second;
  } catch (const std::runtime_error& e) {
    throw RuntimeFailure("checkpoint '" + path.string() + "' of a finished replicate: " + e.what() +
                         "; run the same command with --resume to compute it again");
  }
}

void CheckpointStore::remove() const {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

}  // namespace smug
