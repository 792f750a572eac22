#include "core/setup_file.hpp"

#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace smug {

void SetupEntry::fail(const std::string& why) const {
  throw InputError(path, line, key, why);
}

double SetupEntry::number(const std::string& text) const {
  size_t used = 0;
  double x = 0;
  try {
    x = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) fail("expected a number, got '" + text + "'");
  return x;
}

int SetupEntry::integer(int lo, int hi) const {
  const double x = number(value);
  if (x != static_cast<int>(x) || x < lo || x > hi)
    fail("expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return static_cast<int>(x);
}

namespace {

std::string expected_sections(const std::vector<std::string>& sections) {
  std::string s;
  for (size_t i = 0; i < sections.size(); ++i)
    s.append(i == 0                     ? ""
             : i + 1 == sections.size() ? " or "
                                        : ", ")
        .append("[" + sections[i] + "]");
  return "unknown section (expected " + s + ")";
}

// "scenario *" stands for any "scenario NAME": sections a file may have many of, one per name.
bool matches_section(const std::string& pattern, const std::string& section) {
  if (pattern.size() < 2 || pattern.compare(pattern.size() - 2, 2, " *") != 0)
    return pattern == section;
  const size_t stem = pattern.size() - 1;
  return section.size() > stem && section.compare(0, stem, pattern, 0, stem) == 0 &&
         section.find(' ', stem) == std::string::npos;
}

}  // namespace

std::vector<SetupEntry> scan_setup(const std::string& path, const std::string& text,
                                   const std::vector<std::string>& sections) {
  std::vector<SetupEntry> out;
  std::istringstream in(text);
  std::string raw, section;
  std::set<std::string> seen;
  for (int line = 1; std::getline(in, raw); ++line) {
    const std::string l = trim(raw);
    if (l.empty() || l[0] == ';' || l[0] == '#') continue;
    if (l.front() == '[') {
      if (l.back() != ']') throw InputError(path, line, "", "malformed section header");
      section = trim(l.substr(1, l.size() - 2));
      bool known = false;
      for (const auto& s : sections) known = known || matches_section(s, section);
      if (!known) throw InputError(path, line, section, expected_sections(sections));
      continue;
    }
    const auto eq = l.find('=');
    if (eq == std::string::npos) throw InputError(path, line, "", "expected 'key = value'");
    SetupEntry e{path, line, section, trim(l.substr(0, eq)), trim(l.substr(eq + 1)), ""};
    if (const auto c = e.value.find(';'); c != std::string::npos) {
      e.note = trim(e.value.substr(c + 1));
      e.value = trim(e.value.substr(0, c));
    }
    if (section.empty()) e.fail("key outside any section");
    if (!seen.insert(section + "." + e.key).second) e.fail("duplicate key");
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace smug
