#include "app/checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "app/scenario_files.hpp"
#include "core/errors.hpp"

namespace smug {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'M', 'U', 'G', 'C', 'K', 'P', 'T'};
constexpr uint32_t kVersion = 1;
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

class Reader {
 public:
  explicit Reader(const std::string& b) : b_(b) {}
  template <typename T>
  T get() {
    T v{};
    if (pos_ + sizeof v > b_.size()) throw std::runtime_error("truncated");
    std::memcpy(&v, b_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  size_t pos() const { return pos_; }

 private:
  const std::string& b_;
  size_t pos_ = 0;
};

}  // namespace

std::string partial_dir(const std::string& output) {
  return output + ".partial";
}

void write_file_atomically(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  auto fail = [&](const std::string& what) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw RuntimeFailure("cannot write '" + path + "': " + what + ": " + why);
  };
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create a temporary file");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      fail("write failed");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("fsync failed");
  }
  if (::close(fd) != 0) fail("close failed");
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail("rename failed");
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
  if (!resumed_) write_file_atomically(manifest_path, manifest_text(manifest_));
}

std::string CheckpointStore::field(const std::string& name) const {
  for (const auto& [k, v] : manifest_)
    if (k == name) return v;
  return "";
}

void CheckpointStore::save(size_t slot, const ReplicateResult& r) const {
  const Recorder& rec = r.rec;
  const size_t ndays = rec.series(kArrivals).size();
  std::string b;
  b.reserve(128 + 8 * ndays * (kNumSeries + rec.nmeasures() * kNumMeasureSeries));
  b.append(kMagic, sizeof kMagic);
  put<uint32_t>(b, kVersion);
  put<uint32_t>(b, 0);
  put<uint64_t>(b, digest_);
  put<uint64_t>(b, slot);
  put<uint64_t>(b, r.seed);
  put<uint64_t>(b, r.replicate);
  put<double>(b, r.wall_seconds);
  put<uint64_t>(b, r.state_bytes);
  put<uint32_t>(b, r.aborted ? 1 : 0);
  put<uint32_t>(b, static_cast<uint32_t>(ndays));
  put<uint32_t>(b, kNumSeries);
  put<uint32_t>(b, static_cast<uint32_t>(rec.nmeasures()));
  put<uint32_t>(b, kNumMeasureSeries);
  put<uint32_t>(b, 0);
  auto values = [&](const std::vector<double>& v) {
    b.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
  };
  for (int k = 0; k < kNumSeries; ++k) values(rec.series(static_cast<SeriesId>(k)));
  for (size_t m = 0; m < rec.nmeasures(); ++m)
    for (int k = 0; k < kNumMeasureSeries; ++k)
      values(rec.measure_series(m, static_cast<MeasureSeriesId>(k)));
  put<uint64_t>(b, fnv1a(b.data(), b.size()));
  write_file_atomically((fs::path(dir_) / ("slot-" + std::to_string(slot) + ".ckpt")).string(), b);
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
    if (name.rfind("slot-", 0) != 0 || name.size() < 11 ||
        name.compare(name.size() - 5, 5, ".ckpt") != 0 || !bytes) {
      skip("not a checkpoint");
      continue;
    }
    try {
      const std::string& b = *bytes;
      if (b.size() < sizeof kMagic + 8 || std::memcmp(b.data(), kMagic, sizeof kMagic) != 0)
        throw std::runtime_error("not a checkpoint");
      uint64_t sum = 0;
      std::memcpy(&sum, b.data() + b.size() - 8, 8);
      if (fnv1a(b.data(), b.size() - 8) != sum) throw std::runtime_error("damaged (checksum)");
      Reader in(b);
      in.get<std::array<char, 8>>();
      if (in.get<uint32_t>() != kVersion) throw std::runtime_error("another checkpoint version");
      in.get<uint32_t>();
      if (in.get<uint64_t>() != digest_) throw std::runtime_error("from another run");
      const uint64_t slot = in.get<uint64_t>();
      const uint64_t its_seed = in.get<uint64_t>(), its_key = in.get<uint64_t>();
      if (slot >= keys.size() || its_seed != seed || its_key != keys[slot] ||
          name != "slot-" + std::to_string(slot) + ".ckpt")
        throw std::runtime_error("not a replicate of this run");
      ReplicateResult r{its_seed, its_key, Recorder(ndays, nmeasures)};
      r.wall_seconds = in.get<double>();
      r.state_bytes = in.get<uint64_t>();
      r.aborted = in.get<uint32_t>() != 0;
      const uint32_t nd = in.get<uint32_t>(), ns = in.get<uint32_t>(), nm = in.get<uint32_t>(),
                     nms = in.get<uint32_t>();
      in.get<uint32_t>();
      if (static_cast<int>(nd) != ndays || ns != kNumSeries || nm != nmeasures ||
          nms != kNumMeasureSeries)
        throw std::runtime_error("dimensions differ from this run's");
      if (b.size() - in.pos() != 8 * (static_cast<size_t>(nd) * (ns + nm * nms) + 1))
        throw std::runtime_error("wrong size");
      for (int k = 0; k < kNumSeries; ++k)
        for (int t = 0; t < ndays; ++t) r.rec.set(static_cast<SeriesId>(k), t, in.get<double>());
      // add() onto the recorder's zeros gives each value back exactly (a -0.0 would become
      // +0.0; counts are never negative).
      for (size_t m = 0; m < nmeasures; ++m)
        for (int k = 0; k < kNumMeasureSeries; ++k)
          for (int t = 0; t < ndays; ++t)
            r.rec.add_measure(m, static_cast<MeasureSeriesId>(k), t, in.get<double>());
      out.emplace(slot, std::move(r));
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
