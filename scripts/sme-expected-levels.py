#!/usr/bin/env python3
"""Expected results of the supplier example sheets, computed independently of the Rust engine.

What it owns: a small, exact re-implementation of the scoring rule of docs/method.md
(level scores, critical questions, maturity per track, headline, completeness, knowledge
gaps, index, next steps; declarative and substantiated modes), applied to the sheets in
questionnaires/examples-suppliers/ on the light grid rhsf-fir-sme. The Rust tests of the
light grid can be checked against its output; questionnaires/examples-suppliers/README.md
quotes it.

Usage:
  python3 scripts/sme-expected-levels.py            # Markdown table (declarative and substantiated)
  python3 scripts/sme-expected-levels.py --json     # full figures, one object per sheet
  python3 scripts/sme-expected-levels.py --json SHEET.json ...

Exact arithmetic (fractions); percentages rounded to one decimal, half away from zero.
The sheets are first checked with scripts/check-sme-grid.py.
"""

import glob
import importlib.util
import json
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("check_sme_grid", os.path.join(HERE, "check-sme-grid.py"))
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

LEVELS = check.LEVELS
TRACKS = check.TRACKS
LEVEL_WEIGHTS = {"N1": 1, "N2": 2, "N3": 3, "N4": 4}


def round1(x):
    """A fraction as a percentage with one decimal, half away from zero; None stays None."""
    if x is None:
        return None
    tenths = x * 1000  # x is a ratio; percent * 10
    sign = -1 if tenths < 0 else 1
    n = abs(tenths)
    q, r = divmod(n.numerator, n.denominator)
    if 2 * r >= n.denominator:
        q += 1
    return sign * q / 10


def answer_of(sheet, qid, track):
    """(value or None, has_evidence)."""
    a = sheet.get("answers", {}).get(qid, {}).get(track)
    if a is None:
        return None, False
    if isinstance(a, str):
        return a, False
    return a.get("value"), bool(a.get("evidence"))


def points(value, has_evidence, mode):
    """Points of an answer (Fraction); None for `na`."""
    if value == "na":
        return None
    if value == "yes":
        return Fraction(1) if mode == "declarative" or has_evidence else Fraction(1, 2)
    if value == "partial":
        return Fraction(1, 2) if mode == "declarative" or has_evidence else Fraction(1, 4)
    return Fraction(0)  # no, unknown, unanswered


def score(grid, sheet, mode="declarative"):
    threshold = Fraction(grid.get("threshold", 70)) / 100
    result = {"tracks": {}, "next_steps": []}
    for t in TRACKS:
        qs = [q for q in grid["questions"] if t in q["tracks"]]
        got = {}
        for q in qs:
            value, ev = answer_of(sheet, q["id"], t)
            got[q["id"]] = (value, ev, points(value, ev, mode))
        full = lambda q: got[q["id"]][2] is not None and got[q["id"]][2] == 1  # noqa: E731

        def ratio(subset):
            kept = [q for q in subset if got[q["id"]][0] != "na"]
            total = sum(Fraction(q.get("weight", 1)) for q in kept)
            if total == 0:
                return None
            return sum(Fraction(q.get("weight", 1)) * got[q["id"]][2] for q in kept) / total

        levels = {}
        for lv in LEVELS:
            at = [q for q in qs if q["level"] == lv]
            s = ratio(at)
            failed = [q["id"] for q in at if q["critical"] and not full(q)]
            levels[lv] = {
                "score": s,
                "achieved": s is not None and s >= threshold and not failed,
                "failed_critical": failed,
            }
        maturity = 0
        for lv in LEVELS:
            if not levels[lv]["achieved"]:
                break
            maturity += 1
        imbalanced = [lv for i, lv in enumerate(LEVELS) if i >= maturity and levels[lv]["achieved"]]
        themes = {}
        for th in grid["themes"]:
            of_theme = [q for q in qs if q["theme"] == th["id"]]
            if of_theme:
                themes[th["id"]] = round1(ratio(of_theme))
        index = sum(LEVEL_WEIGHTS[lv] * (levels[lv]["score"] or 0) for lv in LEVELS) / sum(LEVEL_WEIGHTS.values())
        answered = sum(1 for q in qs if got[q["id"]][0] is not None)
        result["tracks"][t] = {
            "level": maturity,
            "levels": {lv: {"score": round1(v["score"]), "achieved": v["achieved"],
                            "failed_critical": v["failed_critical"]} for lv, v in levels.items()},
            "imbalanced": imbalanced,
            "themes": themes,
            "index": round1(index),
            "completeness": round1(Fraction(answered, len(qs))),
            "unknown_count": sum(1 for q in qs if got[q["id"]][0] == "unknown"),
            "unsubstantiated_count": 0 if mode == "declarative" else sum(
                1 for q in qs if got[q["id"]][0] in ("yes", "partial") and not got[q["id"]][1]),
        }
        # Next steps: criticals of M+1, then the rest of M+1, then levels 1..M; never `na`.
        not_full = [q for q in qs if got[q["id"]][0] != "na" and not full(q)]
        nxt = LEVELS[maturity] if maturity < 4 else None
        steps = [q for q in not_full if q["level"] == nxt and q["critical"]]
        steps += [q for q in not_full if q["level"] == nxt and not q["critical"]]
        steps += [q for q in not_full if LEVELS.index(q["level"]) < maturity]
        result["next_steps"] += [{"track": t, "question": q["id"], "level": q["level"],
                                  "critical": q["critical"]} for q in steps]
    result["headline_level"] = min(result["tracks"][t]["level"] for t in TRACKS)
    result["provisional"] = any(result["tracks"][t]["completeness"] < 100 for t in TRACKS)
    return result


def main(argv):
    as_json = "--json" in argv
    paths = [a for a in argv if a != "--json"] or sorted(glob.glob(os.path.join(check.SHEETS, "*.json")))
    grid, problems = check.check_grid()
    sheets = []
    for p in paths:
        sheet, pr = check.check_sheet(p, grid) if grid else (None, [])
        problems += pr
        sheets.append((p, sheet))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    out = []
    for p, sheet in sheets:
        c = sheet["company"]
        entry = {"source": os.path.relpath(p, check.ROOT), "company": c["name"], "buyer": c["buyer"],
                 "tier": c["tier"], "questionnaire": sheet["questionnaire"]}
        for mode in ("declarative", "substantiated"):
            entry[mode] = score(grid, sheet, mode)
        out.append(entry)
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print("| sheet | buyer | tier | CL | FL | headline | CL N1-N4 (%) | FL N1-N4 (%) | unknown | substantiated CL/FL/headline |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for e in out:
        d, s = e["declarative"], e["substantiated"]
        prof = lambda t: " / ".join(  # noqa: E731
            "—" if v["score"] is None else f"{v['score']:.1f}" for v in d["tracks"][t]["levels"].values())
        unknown = sum(d["tracks"][t]["unknown_count"] for t in TRACKS)
        print(f"| {os.path.basename(e['source'])} | {e['buyer']} | {e['tier']} "
              f"| N{d['tracks']['CL']['level']} | N{d['tracks']['FL']['level']} | N{d['headline_level']} "
              f"| {prof('CL')} | {prof('FL')} | {unknown} "
              f"| N{s['tracks']['CL']['level']} / N{s['tracks']['FL']['level']} / N{s['headline_level']} |")
    print()
    print("| sheet | CL: critical questions not met at the first level missed | FL: critical questions not met at the first level missed | first next step CL | first next step FL |")
    print("|---|---|---|---|---|")
    for e in out:
        d = e["declarative"]
        failed = lambda t: ", ".join(  # noqa: E731
            f"{lv}: {' '.join(v['failed_critical'])}" for lv, v in d["tracks"][t]["levels"].items()
            if v["failed_critical"] and lv == LEVELS[min(d["tracks"][t]["level"], 3)]) or "—"
        first = lambda t: next(  # noqa: E731
            (f"{s['question']} ({s['level']}{', critical' if s['critical'] else ''})"
             for s in d["next_steps"] if s["track"] == t), "—")
        print(f"| {os.path.basename(e['source'])} | {failed('CL')} | {failed('FL')} | {first('CL')} | {first('FL')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
