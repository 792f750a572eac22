// Scenario INI files. Boost.Program_options does the parsing and rejects unregistered keys; our own
// pass before it handles what Boost does not: line numbers, comments starting with ';', sections
// and keys it would misread, duplicates, the `extends` chain, empty and binary files.
//
// Comment syntax (documented in docs/parameters.md): whole lines starting with ';' or '#', and
// trailing comments that start with " ;" or " #" (a space or tab before the marker). A '#' anywhere
// else is rejected rather than silently truncating the value as Boost would.
#include <algorithm>
#include <boost/program_options/errors.hpp>
#include <boost/program_options/options_description.hpp>
#include <boost/program_options/parsers.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "params/scenario.hpp"
#include "params/value_text.hpp"

namespace po = boost::program_options;

namespace smug {
namespace {

struct FileScan {
  std::string path;
  std::string text;
  std::string cleaned;                 // comments removed and lines rewritten for Boost
  std::map<std::string, int> line_of;  // "section.key" -> line, to place Boost's findings
  std::set<std::string> calibrated;    // keys set inside the `; BEGIN CALIBRATED` block
  std::string extends;                 // empty: none
  int extends_line = 0;
};

// Valid UTF-8 and no NUL; returns the 1-based line of the first offending byte, or 0.
int first_binary_line(const std::string& t) {
  int line = 1;
  for (size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == 0) return line;
    if (c == '\n') ++line;
    size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
    if (n == 9 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4) || i + n >= t.size() + (n ? 0 : 1)) {
      return line;
    }
    for (size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return line;
    }
    i += n + 1;
  }
  return 0;
}

std::string key_hint(const ParamRegistry& reg, const std::string& section, const std::string& key) {
  for (const auto& p : reg.params()) {
    if (p.key == key && p.section != section)
      return "did you mean [" + p.section + "] " + key + "?";
  }
  std::vector<std::string> same;
  for (const ParamSpec* p : reg.in_section(section)) same.push_back(p->key);
  if (std::string k = detail::closest(key, same); !k.empty()) return "did you mean '" + k + "'?";
  std::vector<std::string> all;
  for (const auto& p : reg.params()) all.push_back(p.key);
  if (std::string k = detail::closest(key, all); !k.empty()) {
    for (const auto& p : reg.params()) {
      if (p.key == k) return "did you mean [" + p.section + "] " + k + "?";
    }
  }
  if (section.empty()) return "";
  return "see 'smugsim params --section " + section + "' for its keys";
}

std::string with_hint(std::string message, const std::string& hint) {
  return hint.empty() ? message : message + "; " + hint;
}

// Strips a trailing comment: ';' or '#' preceded by whitespace.
std::string strip_comment(const std::string& line) {
  for (size_t p = 1; p < line.size(); ++p) {
    if ((line[p] == ';' || line[p] == '#') && (line[p - 1] == ' ' || line[p - 1] == '\t')) {
      return line.substr(0, p);
    }
  }
  return line;
}

// The calibration's markers (written by `smugsim calibrate` and scripts/calibrate): a posterior's
// draws replace the values between them by design, so a run with --posterior accepts them.
bool marks_calibrated_block(const std::string& comment, bool inside) {
  if (comment.rfind("; BEGIN CALIBRATED", 0) == 0) return true;
  if (comment.rfind("; END CALIBRATED", 0) == 0) return false;
  return inside;
}

// "key *= 1.5" splits at '=' into "key *" and "1.5": the value becomes "*= 1.5" (relative.hpp).
void mark_relative(std::string& key, std::string& value) {
  if (key.empty() || key.back() != '*') return;
  key = detail::trim(std::string_view(key).substr(0, key.size() - 1));
  value = "*= " + value;
}

FileScan scan(const std::string& path, const std::string& text, const ParamRegistry& reg) {
  FileScan f{path, text, "", {}, {}, "", 0};
  bool calibrated = false;
  if (detail::trim(text).empty()) throw InputError(path, 0, "", "empty scenario file");
  if (int bad = first_binary_line(text)) {
    throw InputError(path, bad, "",
                     "binary file (NUL byte or invalid UTF-8); expected a text scenario file");
  }
  std::istringstream in(text);
  std::string raw, section;
  for (int n = 1; std::getline(in, raw); ++n) {
    if (n == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);  // UTF-8 byte-order mark
    std::string t = detail::trim(raw);
    if (t.empty() || t[0] == ';' || t[0] == '#') {
      calibrated = marks_calibrated_block(t, calibrated);
      f.cleaned += "\n";
      continue;
    }
    t = detail::trim(strip_comment(t));
    if (t.find('#') != std::string::npos) {
      throw InputError(
          path, n, "",
          "'#' can only start a comment (after a space); it cannot be part of a value");
    }
    if (t[0] == '[') {
      if (t.back() != ']') throw InputError(path, n, "", "expected ']' to close the section name");
      section = detail::trim(std::string_view(t).substr(1, t.size() - 2));
      if (!reg.find_section(section)) {
        std::vector<std::string> names;
        for (const auto& s : reg.sections()) names.push_back(s.name);
        const std::string k = detail::closest(section, names);
        throw InputError(path, n, section,
                         with_hint("unknown section [" + section + "]",
                                   k.empty() ? "" : "did you mean [" + k + "]?"));
      }
      f.cleaned += "[" + section + "]\n";
      continue;
    }
    const size_t eq = t.find('=');
    if (eq == std::string::npos) {
      throw InputError(path, n, "",
                       "expected 'key = value', a [section] line or a comment, got '" + t + "'");
    }
    std::string key = detail::trim(std::string_view(t).substr(0, eq));
    std::string value = detail::trim(std::string_view(t).substr(eq + 1));
    mark_relative(key, value);
    if (key.empty()) throw InputError(path, n, "", "missing key before '='");
    if (key == "extends") {
      if (!section.empty()) {
        throw InputError(path, n, key, "'extends' must come before the first [section]");
      }
      if (f.extends_line) {
        throw InputError(path, n, key,
                         "duplicate key: already set on line " + std::to_string(f.extends_line));
      }
      if (value.empty()) throw InputError(path, n, key, "expected the name of a scenario file");
      f.extends = value;
      f.extends_line = n;
    } else if (section.empty()) {
      throw InputError(path, n, key,
                       with_hint("key outside any section; only 'extends' may come before the "
                                 "first [section]",
                                 key_hint(reg, "", key)));
    }
    const std::string name = section.empty() ? key : section + "." + key;
    if (auto it = f.line_of.find(name); it != f.line_of.end()) {
      throw InputError(
          path, n, name,
          "duplicate key: already set on line " + std::to_string(it->second) + " of this file");
    }
    f.line_of[name] = n;
    if (calibrated) f.calibrated.insert(name);
    f.cleaned += key + "=" + value + "\n";
  }
  return f;
}

// Boost parses the cleaned text; unknown options come back by name, which we place on their line.
std::vector<std::pair<std::string, std::string>> boost_parse(const FileScan& f,
                                                             const ParamRegistry& reg,
                                                             const po::options_description& desc) {
  std::istringstream in(f.cleaned);
  po::parsed_options parsed(&desc);
  try {
    parsed = po::parse_config_file(in, desc, /*allow_unregistered=*/false);
  } catch (const po::unknown_option& e) {
    const std::string name = e.get_option_name();
    const auto it = f.line_of.find(name);
    const int line = it == f.line_of.end() ? 0 : it->second;
    const size_t dot = name.find('.');
    const std::string section = dot == std::string::npos ? "" : name.substr(0, dot);
    const std::string key = dot == std::string::npos ? name : name.substr(dot + 1);
    throw InputError(f.path, line, name,
                     with_hint("unknown key '" + key + "' in section [" + section + "]",
                               key_hint(reg, section, key)));
  } catch (const po::error& e) {
    throw InputError(f.path, 0, "", e.what());
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& o : parsed.options) {
    if (o.string_key == "extends") continue;
    out.emplace_back(o.string_key, o.value.empty() ? "" : o.value.front());
  }
  return out;
}

}  // namespace

Scenario parse_scenario(const std::string& path, const FileLoader& load, const ParamRegistry& reg) {
  namespace fs = std::filesystem;
  po::options_description desc;
  desc.add_options()("extends", po::value<std::string>(), "scenario file this one extends");
  for (const auto& p : reg.params()) {
    desc.add_options()(p.name().c_str(), po::value<std::string>(), p.doc.c_str());
  }

  std::vector<FileScan> chain;  // the named file first, its bases after
  std::vector<std::string> seen;
  std::string current = path;
  while (true) {
    const std::string norm = fs::path(current).lexically_normal().string();
    if (!chain.empty()) {
      const FileScan& from = chain.back();
      std::string cycle;
      for (const auto& s : seen) cycle += (cycle.empty() ? "" : " -> ") + s;
      if (std::find(seen.begin(), seen.end(), norm) != seen.end()) {
        throw InputError(from.path, from.extends_line, "extends",
                         "extends cycle: " + cycle + " -> " + norm);
      }
    }
    seen.push_back(norm);
    const std::optional<std::string> text = load(current);
    if (!text) {
      if (chain.empty()) throw InputError(current, 0, "", "cannot read scenario file");
      const FileScan& from = chain.back();
      throw InputError(
          from.path, from.extends_line, "extends",
          "extended file '" + from.extends + "' not found (looked for " + current + ")");
    }
    chain.push_back(scan(current, *text, reg));
    if (chain.back().extends.empty()) break;
    current = (fs::path(current).parent_path() / chain.back().extends).lexically_normal().string();
  }

  Scenario scenario(reg);
  for (auto f = chain.rbegin(); f != chain.rend(); ++f) {
    for (const auto& [name, value] : boost_parse(*f, reg, desc)) {
      scenario.set(name, value,
                   Origin{f->path, f->line_of.at(name), f->calibrated.count(name) > 0});
    }
    scenario.add_file(SourceFile{f->path, f->text});
  }
  return scenario;
}

}  // namespace smug
