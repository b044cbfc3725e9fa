#!/usr/bin/env python3
"""Checks the light grid `rhsf-fir-sme` and the supplier answer sheets written on it.

What it owns: the content rules a light grid must meet beyond what the Rust loader checks
(see the method (docs/method.md, "Grid versions and other grids") and docs/method.md, section
"The light grid for SMEs and suppliers"):
  - structure of the file, bilingual non-blank texts ({fr, en}) everywhere a user reads;
  - ids S01, S02, ... in level order; 12 to 16 questions per track; at least 3 questions
    and at least one critical question per level and per track; `na` never allowed on a
    critical question; every theme of the full grid used;
  - `based_on` names the full grid it simplifies (rhsf-fir 1.1.0 for rhsf-fir-sme 1.0.0,
    rhsf-fir 1.2.0 for 1.1.0), whose tracks, levels, themes and answer values it shares, and
    every `maps_to` id exists in that full grid, shares a track with the light question, and
    each track of the light question is served by at least one mapped question;
  - from 1.1.0 on: `na` only where the question states its condition (`na_condition`), and
    a description that says a light "yes" does not mean the mapped questions are met and
    states the legal limits of questionnaires sent to SMEs (voluntary, may decline, VSME);
  - the example sheets in questionnaires/examples-suppliers/ answer this grid validly
    (values, `partial` only where defined, `na` only where allowed and justified, the
    optional company fields `buyer` and `tier`).

Usage: python3 scripts/check-sme-grid.py [GRID.json] [SHEET.json ...]
With no argument it checks questionnaires/rhsf-fir-sme-1.1.0.json and every sheet in
questionnaires/examples-suppliers/ (the 1.0.0 sheets are test fixtures: tests/fixtures/examples-1.0/). Exit status 1 when a problem is found; every problem is
listed, not just the first.
"""

import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRID = os.path.join(ROOT, "questionnaires", "rhsf-fir-sme-1.1.0.json")
# The full grid each light-grid version simplifies.
BASED_ON = {"1.0.0": "1.1.0", "1.1.0": "1.2.0"}
FULL_1_0 = os.path.join(ROOT, "questionnaires", "rhsf-fir-1.0.0.json")
SHEETS = os.path.join(ROOT, "questionnaires", "examples-suppliers")

LEVELS = ["N1", "N2", "N3", "N4"]
TRACKS = ["CL", "FL"]
VALUES = ["yes", "partial", "no", "unknown", "na"]
PER_TRACK = (12, 16)
MIN_PER_LEVEL = 3

# Questions added in rhsf-fir 1.1.0 (GRID-1.1-PLAN.md): level, theme, tracks. Q01-Q33 keep
# their 1.0.0 level, theme and tracks, read from questionnaires/rhsf-fir-1.0.0.json.
ADDED_IN_1_1 = {
    "Q34": ("N2", "GOV", ["CL", "FL"]),
    "Q35": ("N3", "MON", ["FL"]),
    "Q36": ("N3", "MAP", ["FL"]),
    "Q37": ("N3", "MAP", ["CL", "FL"]),
    "Q38": ("N4", "REC", ["FL"]),
    "Q39": ("N3", "AGE", ["CL"]),
    "Q40": ("N3", "AGE", ["CL"]),
}


def load_json(path, problems):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        problems.append(f"{path}: cannot be read as JSON: {e}")
        return None


def full_path(version):
    return os.path.join(ROOT, "questionnaires", f"rhsf-fir-{version}.json")


def full_skeleton(problems, version="1.1.0"):
    """The full-grid skeleton: id -> (level, theme, tracks), read from the grid it is based on
    (rhsf-fir 1.1.0: Q01-Q33 from 1.0.0 plus the questions 1.1.0 added)."""
    skeleton = {}
    if version != "1.1.0":
        full = load_json(full_path(version), problems) or {}
        for q in full.get("questions", []):
            skeleton[q["id"]] = (q["level"], q["theme"], list(q["tracks"]))
        return skeleton
    full = load_json(FULL_1_0, problems)
    if full is None:
        return skeleton
    for q in full.get("questions", []):
        skeleton[q["id"]] = (q["level"], q["theme"], list(q["tracks"]))
    skeleton.update(ADDED_IN_1_1)
    expected = [f"Q{i:02}" for i in range(1, 41)]
    if sorted(skeleton) != expected:
        problems.append(f"{FULL_1_0}: the full-grid skeleton is not Q01-Q40: {sorted(skeleton)}")
    return skeleton


def check_text(value, where, problems):
    """A bilingual text: an object with non-blank `fr` and `en` strings."""
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a {{fr, en}} object, found {type(value).__name__}")
        return
    for lang in ("fr", "en"):
        s = value.get(lang)
        if not isinstance(s, str) or not s.strip():
            problems.append(f"{where}/{lang}: missing or blank")
    extra = set(value) - {"fr", "en"}
    if extra:
        problems.append(f"{where}: unexpected keys {sorted(extra)}")


def na_allowed(q):
    return not q.get("critical", False) and q.get("allow_na", True) is not False


def check_grid(path=GRID):
    """Returns (grid or None, problems)."""
    problems = []
    grid = load_json(path, problems)
    if grid is None:
        return None, problems
    p = path
    if grid.get("format") != "vigilance.questionnaire/1":
        problems.append(f"{p}/format: expected vigilance.questionnaire/1")
    if grid.get("id") != "rhsf-fir-sme":
        problems.append(f"{p}/id: expected rhsf-fir-sme")
    if not re.fullmatch(r"\d+\.\d+\.\d+", str(grid.get("version", ""))):
        problems.append(f"{p}/version: expected MAJOR.MINOR.PATCH")
    base_version = BASED_ON.get(grid.get("version"), "1.1.0")
    if grid.get("based_on") != {"id": "rhsf-fir", "version": base_version}:
        problems.append(f"{p}/based_on: expected {{\"id\": \"rhsf-fir\", \"version\": \"{base_version}\"}}")
    later = grid.get("version") != "1.0.0"
    for key in ("title", "description", "provenance"):
        check_text(grid.get(key), f"{p}/{key}", problems)
    prov = grid.get("provenance", {})
    if isinstance(prov, dict) and not all("RHSF" in prov.get(l, "") and "FIR" in prov.get(l, "") for l in ("fr", "en")):
        problems.append(f"{p}/provenance: must name RHSF and the FIR in both languages")
    desc = grid.get("description", {})
    if isinstance(desc, dict) and not ("n'équivaut pas" in desc.get("fr", "") and "not equivalent" in desc.get("en", "")):
        problems.append(f"{p}/description: must say that a light-grid level is not equivalent to a full-grid level")
    if grid.get("threshold") != 70:
        problems.append(f"{p}/threshold: expected 70 (same rule as the full grid)")
    if grid.get("index_weights", [1, 2, 3, 4]) != [1, 2, 3, 4]:
        problems.append(f"{p}/index_weights: expected [1, 2, 3, 4]")

    full_file = full_path(base_version) if later else FULL_1_0
    full = load_json(full_file, problems) or {}
    for key in ("tracks", "levels", "themes", "answer_values"):
        if grid.get(key) != full.get(key):
            problems.append(f"{p}/{key}: must be the same as in the full grid ({full_file})")
    if later and isinstance(desc, dict):
        for fr, en in (("ne signifie pas", "does not mean"), ("volontaire", "voluntary"), ("peut refuser", "may decline"),
                       ("coût des vérifications", "cost of verification"), ("VSME", "VSME")):
            if fr not in desc.get("fr", "") or en not in desc.get("en", ""):
                problems.append(f"{p}/description: must say « {fr} » / '{en}' (issue 19, section 4)")
    for i, t in enumerate(grid.get("tracks", [])):
        check_text(t.get("label"), f"{p}/tracks/{i}/label", problems)
    for i, lv in enumerate(grid.get("levels", [])):
        check_text(lv.get("label"), f"{p}/levels/{i}/label", problems)
        check_text(lv.get("definition"), f"{p}/levels/{i}/definition", problems)
    for i, th in enumerate(grid.get("themes", [])):
        check_text(th.get("label"), f"{p}/themes/{i}/label", problems)
    ns = grid.get("not_started", {})
    check_text(ns.get("label"), f"{p}/not_started/label", problems)
    check_text(ns.get("definition"), f"{p}/not_started/definition", problems)
    themes = [th["id"] for th in grid.get("themes", [])]

    skeleton = full_skeleton(problems, base_version)
    questions = grid.get("questions", [])
    seen = set()
    last_level = 0
    for i, q in enumerate(questions):
        w = f"{p}/questions/{i}"
        qid = q.get("id", "")
        if qid != f"S{i + 1:02}":
            problems.append(f"{w}/id: expected S{i + 1:02} (ids S01, S02, ... in order), found {qid!r}")
        if qid in seen:
            problems.append(f"{w}/id: duplicate {qid}")
        seen.add(qid)
        level = q.get("level")
        if level not in LEVELS:
            problems.append(f"{w}/level: unknown level {level!r}")
        else:
            n = LEVELS.index(level) + 1
            if n < last_level:
                problems.append(f"{w}/level: {qid} is {level} after a question of N{last_level} (ids must follow level order)")
            last_level = max(last_level, n)
        if q.get("theme") not in themes:
            problems.append(f"{w}/theme: unknown theme {q.get('theme')!r}")
        tracks = q.get("tracks", [])
        if not tracks or any(t not in TRACKS for t in tracks) or len(set(tracks)) != len(tracks):
            problems.append(f"{w}/tracks: expected a non-empty subset of {TRACKS}, found {tracks}")
        if not isinstance(q.get("critical"), bool):
            problems.append(f"{w}/critical: expected true or false")
        if not (isinstance(q.get("weight", 1), (int, float)) and q.get("weight", 1) > 0):
            problems.append(f"{w}/weight: expected a positive number")
        if q.get("critical") and q.get("allow_na") is True:
            problems.append(f"{w}/allow_na: `na` is never allowed on a critical question")
        if later and (q.get("allow_na") is True) != ("na_condition" in q):
            problems.append(f"{w}/na_condition: `na` is allowed exactly where its condition is written")
        if "na_condition" in q:
            check_text(q["na_condition"], f"{w}/na_condition", problems)
        for key in ("text", "recommendation", "help"):
            check_text(q.get(key), f"{w}/{key}", problems)
        if "partial" in q:
            check_text(q["partial"], f"{w}/partial", problems)
        refs = q.get("references")
        if not isinstance(refs, list) or not refs:
            problems.append(f"{w}/references: expected a non-empty list of {{fr, en}} objects")
        else:
            for j, r in enumerate(refs):
                check_text(r, f"{w}/references/{j}", problems)
        maps = q.get("maps_to")
        if not isinstance(maps, list) or not maps:
            problems.append(f"{w}/maps_to: expected a non-empty list of full-grid question ids")
            continue
        if len(set(maps)) != len(maps):
            problems.append(f"{w}/maps_to: repeated ids {maps}")
        served = set()
        for j, fid in enumerate(maps):
            if fid not in skeleton:
                problems.append(f"{w}/maps_to/{j}: {fid!r} is not a question of the full grid rhsf-fir {base_version}")
                continue
            shared = set(skeleton[fid][2]) & set(tracks)
            if not shared:
                problems.append(f"{w}/maps_to/{j}: {fid} ({'/'.join(skeleton[fid][2])}) shares no track with {qid} ({'/'.join(tracks)})")
            served |= shared
        for t in tracks:
            if t not in served:
                problems.append(f"{w}/maps_to: no mapped question covers track {t} of {qid}")

    for t in TRACKS:
        of_track = [q for q in questions if t in q.get("tracks", [])]
        lo, hi = PER_TRACK
        if not lo <= len(of_track) <= hi:
            problems.append(f"{p}/questions: track {t} has {len(of_track)} questions; a light grid needs {lo} to {hi}")
        for level in LEVELS:
            at = [q for q in of_track if q.get("level") == level]
            if len(at) < MIN_PER_LEVEL:
                problems.append(f"{p}/questions: track {t}, level {level} has {len(at)} questions; at least {MIN_PER_LEVEL} needed")
            if not any(q.get("critical") for q in at):
                problems.append(f"{p}/questions: track {t}, level {level} has no critical question")
    used = {q.get("theme") for q in questions}
    for th in themes:
        if th not in used:
            problems.append(f"{p}/questions: theme {th} has no question")
    return grid, problems


def check_sheet(path, grid):
    """Problems found in one answer sheet on the light grid."""
    problems = []
    sheet = load_json(path, problems)
    if sheet is None:
        return None, problems
    p = path
    if sheet.get("format") != "vigilance.answers/1":
        problems.append(f"{p}/format: expected vigilance.answers/1")
    if sheet.get("questionnaire") != {"id": grid["id"], "version": grid["version"]}:
        problems.append(f"{p}/questionnaire: expected {{\"id\": \"{grid['id']}\", \"version\": \"{grid['version']}\"}}")
    company = sheet.get("company", {})
    for key in ("name", "sector", "country", "id", "buyer"):
        if not isinstance(company.get(key), str) or not company[key].strip():
            problems.append(f"{p}/company/{key}: missing or blank")
    if not str(company.get("id", "")).startswith("EXAMPLE-"):
        problems.append(f"{p}/company/id: example identifiers start with EXAMPLE- (never a real LEI)")
    if company.get("tier") not in (1, 2, "3+"):
        problems.append(f"{p}/company/tier: expected 1, 2 or \"3+\", found {company.get('tier')!r}")
    by_id = {q["id"]: q for q in grid["questions"]}
    for qid, tracks in sheet.get("answers", {}).items():
        q = by_id.get(qid)
        if q is None:
            problems.append(f"{p}/answers/{qid}: not a question of {grid['id']} {grid['version']}")
            continue
        for t, a in tracks.items():
            w = f"{p}/answers/{qid}/{t}"
            if t not in q["tracks"]:
                problems.append(f"{w}: {qid} is not asked for track {t}")
                continue
            value = a if isinstance(a, str) else a.get("value")
            if value not in VALUES:
                problems.append(f"{w}: unknown value {value!r}")
            if value == "partial" and "partial" not in q:
                problems.append(f"{w}: {qid} does not define what `partial` means")
            if value == "na":
                if not na_allowed(q):
                    problems.append(f"{w}: `na` is not allowed on {qid}")
                if isinstance(a, str) or not str(a.get("justification", "")).strip():
                    problems.append(f"{w}: `na` needs a written justification")
            if isinstance(a, dict):
                for key in ("comment", "justification"):
                    if key in a and not str(a[key]).strip():
                        problems.append(f"{w}/{key}: blank")
                ev = a.get("evidence", [])
                if not isinstance(ev, list) or any(not str(e).strip() for e in ev):
                    problems.append(f"{w}/evidence: expected a list of non-blank strings")
    return sheet, problems


def main(argv):
    grid_path = GRID
    sheets = sorted(glob.glob(os.path.join(SHEETS, "*.json")))
    if argv:
        grid_path, sheets = argv[0], argv[1:]
    grid, problems = check_grid(grid_path)
    if grid is not None and not problems:
        for s in sheets:
            problems += check_sheet(s, grid)[1]
    if problems:
        for pr in problems:
            print(pr)
        print(f"{len(problems)} problem(s)")
        return 1
    counts = {t: sum(t in q["tracks"] for q in grid["questions"]) for t in TRACKS}
    print(f"{grid['id']} {grid['version']}: {len(grid['questions'])} questions "
          f"(CL {counts['CL']}, FL {counts['FL']}), {len(sheets)} sheet(s): OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
