#!/usr/bin/env python3
"""Check a built-in grid file against the method's rules and the grid 1.1 plan.

Owns the content checks of questionnaire files (the Rust loader owns parsing): structure,
bilingual texts, framework definitions and mappings, level counts and critical questions,
the N/A rule, and, for rhsf-fir 1.1.0, the fixed ids, counts and provenance of the plan.

Grids of format 1.1.0 and later (bilingual references); the frozen rhsf-fir 1.0.0 predates
these rules and is only used as --base.

Usage: scripts/check-grid.py [GRID.json] [--base questionnaires/rhsf-fir.json] [--coverage] [--self-test]
Exit status 0 when every check passes, 1 otherwise (each failure is printed).
"""
import argparse
import json
import re
import sys
from collections import Counter, defaultdict

FORMAT = "vigilance.questionnaire/1"
LEVELS = ["N1", "N2", "N3", "N4"]
CHANGE_KINDS = {"added", "revised", "reworded"}
FRAMEWORK_ID = re.compile(r"^[A-Z0-9-]+$")

PLAN_FRAMEWORKS = ["FR-DV", "CSDDD", "ESRS-S2", "LKSG", "EU-FLR", "OECD-DDG", "UNGP", "SFDR-PAI", "ILO"]
PLAN_NEW = {
    "Q34": ("N2", "GOV", {"CL", "FL"}),
    "Q35": ("N3", "MON", {"FL"}),
    "Q36": ("N3", "MAP", {"FL"}),
    "Q37": ("N3", "MAP", {"CL", "FL"}),
    "Q38": ("N4", "REC", {"FL"}),
    "Q39": ("N3", "AGE", {"CL"}),
    "Q40": ("N3", "AGE", {"CL"}),
}
PLAN_COUNTS = {"CL": {"N1": 6, "N2": 7, "N3": 11, "N4": 9}, "FL": {"N1": 6, "N2": 7, "N3": 11, "N4": 10}}
PLAN_CRITICALS = {
    "CL": {"N1": {"Q01", "Q04"}, "N2": {"Q08", "Q09", "Q12"}, "N3": {"Q15", "Q16", "Q18", "Q21"}, "N4": {"Q24", "Q26", "Q29"}},
    "FL": {"N1": {"Q01", "Q04"}, "N2": {"Q08", "Q09", "Q11"}, "N3": {"Q15", "Q16", "Q18", "Q21"}, "N4": {"Q24", "Q26", "Q29"}},
}
PLAN_TITLE = {
    "fr": "Grille à quatre niveaux (niveaux RHSF/FIR) — travail des enfants et travail forcé",
    "en": "Four-level grid (RHSF/FIR levels) — child labour and forced labour",
}
PLAN_PROVENANCE = {
    "fr": "Les quatre niveaux de maturité et leurs noms (connaissance du sujet, engagement exprimé, ciblage des actions, pertinence des mesures déployées) viennent de la méthode co-construite par l'ONG RHSF avec la coalition d'investisseurs du FIR, telle que la décrivent le rapport d'avancement 2024 de la France sur la cible 8.7 des ODD et le bilan de première année du FIR. Les questions, le seuil et les recommandations sont propres à Vigilance : ils ne sont ni validés ni approuvés par RHSF ou le FIR.",
    "en": "The four maturity levels and their names (knowledge of the subject, expressed commitment, targeting of actions, relevance of the measures deployed) come from the method that the NGO RHSF co-built with the FIR investor coalition, as described in France's 2024 progress report on SDG target 8.7 and in the FIR's first-year review. The questions, the threshold and the recommendations are Vigilance's own and are not endorsed by RHSF or the FIR.",
}
# English-only shorthands that must not appear in French labels.
FR_FORBIDDEN = [r"\bKTC\b", r"\bILO\b", r"\bRHSF interview\b", r"\bsponsor exécutif\b", r"\bpolitique publique\b",
                r"\bprocédure publique\b", r"en cas de cas", r"\bpays de rang 1\b", r"au-delà d'audits"]

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def check_text(where, t, required=True, quotes_errors=False):
    """A bilingual label: {fr, en}, both non-blank strings, nothing else.

    `quotes_errors`: the text may quote the French errors it reports fixing (change notes)."""
    if t is None:
        if required:
            err(where, "missing bilingual text")
        return
    if not isinstance(t, dict) or set(t) != {"fr", "en"}:
        err(where, f"expected {{fr, en}}, got {json.dumps(t, ensure_ascii=False)[:80]}")
        return
    for lang in ("fr", "en"):
        v = t[lang]
        if not isinstance(v, str) or not v.strip():
            err(where, f"blank {lang} text")
        elif v != v.strip() or "  " in v:
            err(where, f"{lang} text has stray spaces")
    fr = t.get("fr", "")
    if isinstance(fr, str):
        if '"' in fr:
            err(where, "French text uses straight double quotes (use « »)")
        for pat in [] if quotes_errors else FR_FORBIDDEN:
            if re.search(pat, fr):
                err(where, f"French text contains {pat!r}")


def check_grid(g, base, plan):
    q_ids = [q.get("id") for q in g.get("questions", [])]
    if g.get("format") != FORMAT:
        err("format", f"expected {FORMAT}")
    for k in ("id", "version", "title", "tracks", "levels", "themes", "answer_values", "questions"):
        if k not in g:
            err("top level", f"missing {k}")
    check_text("title", g.get("title"))
    check_text("description", g.get("description"), required=False)
    check_text("provenance", g.get("provenance"), required=plan)
    light = "based_on" in g
    min_per_level = 3 if light else 5

    tracks = [t["id"] for t in g.get("tracks", [])]
    for t in g.get("tracks", []):
        check_text(f"track {t.get('id')}", t.get("label"))
    levels = [lv["id"] for lv in g.get("levels", [])]
    if levels != LEVELS:
        err("levels", f"expected {LEVELS}, got {levels}")
    for lv in g.get("levels", []):
        check_text(f"level {lv.get('id')} label", lv.get("label"))
        check_text(f"level {lv.get('id')} definition", lv.get("definition"))
    if g.get("not_started"):
        check_text("not_started label", g["not_started"].get("label"))
        check_text("not_started definition", g["not_started"].get("definition"))
    themes = {t["id"] for t in g.get("themes", [])}
    for t in g.get("themes", []):
        check_text(f"theme {t.get('id')}", t.get("label"))
    values = {a["value"]: a for a in g.get("answer_values", [])}
    if set(values) != {"yes", "partial", "no", "unknown", "na"}:
        err("answer_values", f"unexpected set {sorted(values)}")
    for a in g.get("answer_values", []):
        check_text(f"answer {a.get('value')}", a.get("label"))
    thr = g.get("threshold", 70)
    if not (isinstance(thr, (int, float)) and 0 < thr <= 100):
        err("threshold", "must be in (0, 100]")

    # Frameworks
    fw_refs = {}
    fw_ids = [f.get("id") for f in g.get("frameworks", [])]
    for fid, n in Counter(fw_ids).items():
        if n > 1:
            err(f"framework {fid}", "defined more than once")
    for f in g.get("frameworks", []):
        fid = f.get("id", "?")
        if not FRAMEWORK_ID.match(fid or ""):
            err(f"framework {fid}", "id must match [A-Z0-9-]+")
        check_text(f"framework {fid} name", f.get("name"))
        check_text(f"framework {fid} citation", f.get("citation"))
        check_text(f"framework {fid} note", f.get("note"), required=False)
        reqs = f.get("requirements", [])
        if not reqs:
            err(f"framework {fid}", "no requirements")
        refs = [r.get("ref") for r in reqs]
        for ref, n in Counter(refs).items():
            if n > 1:
                err(f"framework {fid}", f"requirement ref {ref!r} defined {n} times")
        for r in reqs:
            if not isinstance(r.get("ref"), str) or not r["ref"].strip():
                err(f"framework {fid}", "requirement without ref")
            check_text(f"framework {fid} {r.get('ref')} title", r.get("title"))
            check_text(f"framework {fid} {r.get('ref')} note", r.get("note"), required=False)
        fw_refs[fid] = set(refs)
    if plan:
        if fw_ids != PLAN_FRAMEWORKS:
            err("frameworks", f"expected {PLAN_FRAMEWORKS}, got {fw_ids}")
        indicators = {f"Ind. {i}" for i in range(1, 12)}
        if not indicators <= fw_refs.get("ILO", set()):
            err("framework ILO", "the 11 forced-labour indicators must be separate requirements (Ind. 1 to Ind. 11)")

    # Questions
    for qid, n in Counter(q_ids).items():
        if n > 1:
            err(f"question {qid}", "id used more than once")
    count = {t: Counter() for t in tracks}
    crit = {t: defaultdict(set) for t in tracks}
    for q in g.get("questions", []):
        qid = q.get("id", "?")
        w = f"question {qid}"
        if q.get("level") not in LEVELS:
            err(w, f"unknown level {q.get('level')}")
        if q.get("theme") not in themes:
            err(w, f"unknown theme {q.get('theme')}")
        qt = q.get("tracks", [])
        if not qt or any(t not in tracks for t in qt) or len(set(qt)) != len(qt):
            err(w, f"bad tracks {qt}")
        if not isinstance(q.get("critical"), bool):
            err(w, "critical must be true or false")
        if q.get("critical") and q.get("allow_na") is True:
            err(w, "a critical question cannot allow na")
        wt = q.get("weight", 1)
        if not (isinstance(wt, (int, float)) and wt > 0):
            err(w, "weight must be positive")
        for k in ("text", "recommendation", "help"):
            check_text(f"{w} {k}", q.get(k))
        check_text(f"{w} partial", q.get("partial"), required=False)
        help_fr = (q.get("help") or {}).get("fr", "")
        if "partial" not in q and "n'admet pas de réponse partielle" not in help_fr:
            err(w, "no 'partial' meaning, yet the help does not say the question takes no partial answer")
        if q.get("critical") and "non applicable" in help_fr:
            err(w, "critical question whose help suggests « non applicable » (na is invalid on critical questions)")
        refs = q.get("references", [])
        if not refs:
            err(w, "no references")
        for i, r in enumerate(refs):
            check_text(f"{w} reference {i + 1}", r)
        maps = q.get("mappings", [])
        if plan and not maps:
            err(w, "no mappings")
        seen = set()
        for m in maps:
            key = (m.get("framework"), m.get("ref"))
            if key in seen:
                err(w, f"mapping {key} listed twice")
            seen.add(key)
            if m.get("framework") not in fw_refs:
                err(w, f"mapping to undefined framework {m.get('framework')!r}")
            elif m.get("ref") not in fw_refs[m["framework"]]:
                err(w, f"mapping to undefined requirement {m.get('framework')} {m.get('ref')!r}")
            check_text(f"{w} mapping {key} note", m.get("note"), required=False)
        for c in q.get("changes", []):
            if c.get("kind") not in CHANGE_KINDS:
                err(w, f"change kind {c.get('kind')!r}")
            if c.get("version") != g.get("version"):
                err(w, f"change version {c.get('version')!r} is not the grid's {g.get('version')!r}")
            check_text(f"{w} change note", c.get("note"), quotes_errors=True)
        for t in qt:
            if t in count:
                count[t][q.get("level")] += 1
                if q.get("critical"):
                    crit[t][q.get("level")].add(qid)

    for t in tracks:
        for lv in LEVELS:
            n = count[t][lv]
            if not (min_per_level <= n <= 12):
                err(f"track {t} level {lv}", f"{n} questions (allowed {min_per_level}-12)")
            if not crit[t][lv]:
                err(f"track {t} level {lv}", "no critical question")

    if plan:
        if g.get("title") != PLAN_TITLE:
            err("title", "differs from the plan's title")
        if g.get("provenance") != PLAN_PROVENANCE:
            err("provenance", "differs from the plan's verbatim text")
        for t in tracks:
            got = {lv: count[t][lv] for lv in LEVELS}
            if got != PLAN_COUNTS.get(t):
                err(f"track {t}", f"counts {got}, plan says {PLAN_COUNTS.get(t)}")
            got_c = {lv: crit[t][lv] for lv in LEVELS}
            if got_c != PLAN_CRITICALS.get(t):
                err(f"track {t}", f"criticals {got_c}, plan says {PLAN_CRITICALS.get(t)}")
        by_id = {q["id"]: q for q in g["questions"]}
        for nid, (lv, th, tr) in PLAN_NEW.items():
            q = by_id.get(nid)
            if not q:
                err(f"question {nid}", "missing (fixed by the plan)")
                continue
            if (q["level"], q["theme"], set(q["tracks"]), q["critical"]) != (lv, th, tr, False):
                err(f"question {nid}", "level, theme, tracks or critical flag differ from the plan")

    if base is not None:
        old = {q["id"]: q for q in base["questions"]}
        new = {q["id"]: q for q in g["questions"]}
        for qid, oq in old.items():
            nq = new.get(qid)
            if nq is None:
                err(f"question {qid}", f"dropped (it exists in {base['version']})")
                continue
            for k in ("level", "theme", "tracks", "critical", "weight"):
                if oq.get(k) != nq.get(k):
                    err(f"question {qid}", f"{k} changed from {base['version']}")
            kinds = {c["kind"] for c in nq.get("changes", [])}
            if "added" in kinds:
                err(f"question {qid}", "marked added but exists in the base version")
            if not kinds:
                for k in ("text", "partial", "recommendation", "help"):
                    if oq.get(k) != nq.get(k):
                        err(f"question {qid}", f"{k} changed but no change entry")
        for qid, nq in new.items():
            if qid not in old and {c["kind"] for c in nq.get("changes", [])} != {"added"}:
                err(f"question {qid}", "new question must carry exactly an 'added' change")
    return tracks


def coverage(g, tracks):
    """Requirements covered by at least one question applying to the track."""
    qs = g["questions"]
    lines = []
    for f in g.get("frameworks", []):
        total = len(f["requirements"])
        parts = []
        for t in tracks:
            covered = {m["ref"] for q in qs if t in q["tracks"] for m in q.get("mappings", []) if m["framework"] == f["id"]}
            parts.append(f"{t} {len(covered)}/{total}")
        uncovered = [r["ref"] for r in f["requirements"]
                     if not any(m["framework"] == f["id"] and m["ref"] == r["ref"] for q in qs for m in q.get("mappings", []))]
        lines.append(f"  {f['id']:<9} " + ", ".join(parts) + (f"   not covered: {', '.join(uncovered)}" if uncovered else ""))
    return lines


def self_test(g, base):
    """Break a copy of the grid in known ways and check that each break is reported."""
    import copy

    def first(qs, pred):
        return next(q for q in qs if pred(q))

    cases = {
        "blank fr": lambda x: x["questions"][0]["text"].__setitem__("fr", " "),
        "English-only shorthand in French": lambda x: x["questions"][0]["references"][0].__setitem__("fr", "KTC 1.x"),
        "undefined mapping ref": lambda x: x["questions"][0]["mappings"].append({"framework": "ILO", "ref": "C999 art. 1"}),
        "undefined framework": lambda x: x["questions"][0]["mappings"].append({"framework": "XX", "ref": "1"}),
        "duplicate requirement ref": lambda x: x["frameworks"][0]["requirements"].append(copy.deepcopy(x["frameworks"][0]["requirements"][0])),
        "critical allows na": lambda x: first(x["questions"], lambda q: q["critical"]).__setitem__("allow_na", True),
        "no critical in a level": lambda x: [q.__setitem__("critical", False) for q in x["questions"] if q["level"] == "N1"],
        "too few questions in a level": lambda x: x.__setitem__("questions", [q for q in x["questions"] if q["level"] != "N1" or q["id"] in ("Q01", "Q04")]),
        "question without mapping": lambda x: x["questions"][1].__setitem__("mappings", []),
        "base question's level changed": lambda x: x["questions"][1].__setitem__("level", "N2"),
        "bad change kind": lambda x: x["questions"][1].setdefault("changes", []).append({"version": "1.1.0", "kind": "moved", "note": {"fr": "x", "en": "x"}}),
        "provenance edited": lambda x: x["provenance"].__setitem__("en", x["provenance"]["en"] + " Endorsed."),
        "partial undefined, help silent": lambda x: [q.pop("partial", None) for q in x["questions"] if q["id"] == "Q05"],
    }
    failed = []
    for name, mutate in cases.items():
        errors.clear()
        broken = copy.deepcopy(g)
        mutate(broken)
        check_grid(broken, base, True)
        if not errors:
            failed.append(name)
    errors.clear()
    check_grid(g, base, True)
    if errors:
        failed.append("the unmodified grid fails")
    errors.clear()
    for name in failed:
        print(f"self-test: not detected: {name}", file=sys.stderr)
    print(f"self-test: {len(cases) - len([f for f in failed if f in cases])}/{len(cases)} breaks detected")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("grid", nargs="?", default="questionnaires/rhsf-fir-1.1.0.json")
    ap.add_argument("--base", default=None, help="earlier version whose questions must keep id, level, theme, tracks, critical")
    ap.add_argument("--coverage", action="store_true", help="print per-framework coverage per track")
    ap.add_argument("--self-test", action="store_true", help="check that known breaks of the grid are reported")
    a = ap.parse_args()
    with open(a.grid, encoding="utf-8") as fh:
        g = json.load(fh)
    base = None
    if a.base:
        with open(a.base, encoding="utf-8") as fh:
            base = json.load(fh)
    plan = g.get("id") == "rhsf-fir" and g.get("version") == "1.1.0"
    if a.self_test:
        return self_test(g, base)
    tracks = check_grid(g, base, plan)
    n = len(g.get("questions", []))
    if a.coverage and not errors:
        print("coverage (requirements mapped to at least one question of the track / requirements):")
        print("\n".join(coverage(g, tracks)))
    if errors:
        for e in errors:
            print(f"error: {a.grid}: {e}", file=sys.stderr)
        print(f"{len(errors)} error(s) in {a.grid}", file=sys.stderr)
        return 1
    print(f"ok: {a.grid} ({g.get('id')} {g.get('version')}, {n} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
