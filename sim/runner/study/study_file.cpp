#include "runner/study/study_file.hpp"

#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "runner/run_record.hpp"

namespace smug {

namespace {

const char* const kScenarioSection = "scenario ";

// A path in the study file, as seen from the working folder.
std::string beside(const std::string& study, const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  const auto slash = study.rfind('/');
  return slash == std::string::npos ? path : study.substr(0, slash + 1) + path;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(trim(l));
  return lines;
}

bool is_comment(const std::string& l) {
  return !l.empty() && (l[0] == ';' || l[0] == '#');
}

// The comment lines from `from` (0-based) while they last, moving by `step`, as one text.
std::string comment_run(const std::vector<std::string>& lines, long from, long step) {
  std::vector<std::string> words;
  for (long i = from; i >= 0 && i < static_cast<long>(lines.size()) && is_comment(lines[i]);
       i += step)
    words.push_back(trim(lines[i].substr(1)));
  if (step < 0) words = std::vector<std::string>(words.rbegin(), words.rend());
  std::string s;
  for (const auto& w : words) s.append(s.empty() || w.empty() ? "" : " ").append(w);
  return s;
}

// What the study says of the thing on `line` (1-based): the comments just above it and, for a
// section header, just below it, then the note after its value.
std::string described(const std::vector<std::string>& lines, int line, const std::string& note) {
  std::string s = comment_run(lines, line - 2, -1);
  if (!lines[line - 1].empty() && lines[line - 1][0] == '[') {
    const std::string below = comment_run(lines, line, 1);
    s.append(s.empty() || below.empty() ? "" : " ").append(below);
  }
  s.append(s.empty() || note.empty() ? "" : " ").append(note);
  return s;
}

// The opening comment block of the file, up to its first blank line or section.
std::string question(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) {
    if (!is_comment(l)) break;
    s.append(s.empty() ? "" : " ").append(trim(l.substr(1)));
  }
  return s;
}

void check_name(const SetupEntry& e, const std::string& name, std::set<std::string>& taken) {
  if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789_-") != std::string::npos)
    e.fail("a scenario's name is one word of letters, digits, '_' and '-'");
  if (name == "baseline") e.fail("'baseline' is the study's baseline");
  if (!taken.insert(name).second) e.fail("scenario '" + name + "' is named twice");
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (std::istringstream in(text); in >> w;) {
    std::istringstream parts(w);
    for (std::string p; std::getline(parts, p, ',');)
      if (!p.empty()) out.push_back(p);
  }
  return out;
}

Date date_of(const SetupEntry& e, const std::string& text) {
  const auto d = parse_date(text);
  if (!d) e.fail("expected a date YYYY-MM-DD, got '" + text + "'");
  return *d;
}

void parse_report(const SetupEntry& e, StudySpec& out) {
  if (e.key == "metrics") {
    out.metrics = words_of(e.value);
    if (out.metrics.empty()) e.fail("expected one metric or more");
    for (const auto& m : out.metrics)
      if (!is_metric(m)) e.fail("unknown metric '" + m + "' (a series of the run file)");
  } else if (e.key == "by") {
    out.periods.clear();
    for (const auto& w : words_of(e.value)) {
      const auto p = out::parse_period(w);
      if (w == "none") continue;
      if (!p || *p == out::Period::kWindow || *p == out::Period::kDay)
        e.fail("expected month, quarter, year or none, got '" + w + "'");
      out.periods.push_back(*p);
    }
  } else if (e.key == "windows") {
    for (const auto& w : words_of(e.value)) {
      const auto dots = w.find("..");
      if (dots == std::string::npos) e.fail("expected FROM..TO, got '" + w + "'");
      const StudyWindow win{date_of(e, w.substr(0, dots)), date_of(e, w.substr(dots + 2))};
      if (win.to < win.from) e.fail("FROM must not be after TO in '" + w + "'");
      out.windows.push_back(win);
    }
  } else {
    e.fail("unknown key (expected metrics, by, windows)");
  }
}

void parse_design(const SetupEntry& e, StudySpec& out) {
  static const std::set<std::string> run_keys = {"seed", "replicates", "scale", "start", "end"};
  if (e.key == "draws") {
    out.draws = e.integer(1, 100000);
    out.draws_line = e.line;
  } else if (run_keys.count(e.key)) {
    SetupEntry run = e;
    run.key = "run." + e.key;
    out.design.push_back(run);
  } else {
    e.fail("unknown key (expected seed, replicates, scale, start, end, draws)");
  }
}

struct Parse {
  StudySpec& out;
  const std::vector<std::string>& lines;
  std::set<std::string> names;
};

void parse_entry(const SetupEntry& e, Parse& p) {
  StudySpec& out = p.out;
  if (e.section == "study") {
    if (e.key == "baseline")
      out.baseline = {
          "baseline", beside(out.path, e.value), e.line, {}, described(p.lines, e.line, e.note)};
    else if (e.key == "posterior")
      out.posterior = beside(out.path, e.value);
    else
      e.fail("unknown key (expected baseline, posterior)");
  } else if (e.section == "design") {
    parse_design(e, out);
  } else if (e.section == "report") {
    parse_report(e, out);
  } else if (e.section == "whatifs") {
    check_name(e, e.key, p.names);
    out.whatifs.push_back(
        {e.key, beside(out.path, e.value), e.line, {}, described(p.lines, e.line, e.note)});
  } else {
    StudyScenario& s = out.whatifs.back();  // scan order: its header opened it
    if (e.key.rfind("run.", 0) == 0) e.fail("the [design] sets the run of every scenario");
    s.settings.push_back(e);
  }
}

// Opens an inline scenario at its header, so that it keeps its place in the file's order.
void open_inline(const std::string& section, int header, const SetupEntry& first, Parse& p) {
  const std::string name = section.substr(std::string(kScenarioSection).size());
  SetupEntry at = first;
  at.line = header;
  at.key = name;
  check_name(at, name, p.names);
  p.out.whatifs.push_back({name, "", header, {}, described(p.lines, header, "")});
}

int header_line(const std::vector<std::string>& lines, const std::string& section, int before) {
  for (int i = before - 1; i >= 1; --i)
    if (lines[i - 1] == "[" + section + "]") return i;
  return before;
}

// An inline scenario opens at its first setting, so one without any would vanish: refuse it (a
// what-if with no change is the baseline again, most likely a setting left out).
void refuse_empty_scenarios(const StudySpec& out, const std::vector<std::string>& lines) {
  const std::string open = std::string("[") + kScenarioSection;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind(open, 0) != 0 || l.back() != ']') continue;
    const std::string name = l.substr(open.size(), l.size() - open.size() - 1);
    bool found = false;
    for (const StudyScenario& s : out.whatifs) found = found || s.name == name;
    if (!found)
      throw InputError(out.path, static_cast<int>(i + 1), name,
                       "scenario '" + name + "' has no settings (give it at least one change)");
  }
}

}  // namespace

StudySpec parse_study(const std::string& path, const std::string& text) {
  StudySpec out;
  out.path = path;
  const std::vector<std::string> lines = lines_of(text);
  out.question = question(lines);
  Parse p{out, lines, {}};
  std::string open;
  for (const SetupEntry& e :
       scan_setup(path, text, {"study", "design", "report", "whatifs", "scenario *"})) {
    if (e.section.rfind(kScenarioSection, 0) == 0 && e.section != open) {
      open_inline(e.section, header_line(lines, e.section, e.line), e, p);
      open = e.section;
    }
    parse_entry(e, p);
  }
  refuse_empty_scenarios(out, lines);
  if (out.baseline.file.empty())
    throw InputError(path, 0, "baseline", "[study] baseline is required");
  if (out.draws && out.posterior.empty())
    throw InputError(path, out.draws_line, "draws", "draws need [study] posterior");
  return out;
}

}  // namespace smug
