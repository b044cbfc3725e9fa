#!/usr/bin/env python3
"""Check a built-in grid file against the method's rules and the plans of grids 1.1 and 1.2.

Owns the content checks of questionnaire files (the Rust loader owns parsing): structure,
bilingual texts, framework definitions and mappings, level counts and critical questions,
the N/A rule, and, for rhsf-fir 1.1.0 and 1.2.0, the fixed ids, counts and provenance of their
plans (1.2.0 also: N/A only with a written condition, na_limits, framework kinds, RHSF named in
no question, FIR quotations marked unverified, one French citation style).

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
# Grid 1.2.0 (issue 19): what the plan fixes.
PLAN120_FRAMEWORKS = ["FR-DV", "CSDDD", "ESRS-S2", "ESRS-S1", "LKSG", "EU-FLR", "OECD-DDG", "UNGP", "SFDR-PAI", "ILO"]
PLAN120_KINDS = {"FR-DV": "obligation", "CSDDD": "obligation", "LKSG": "obligation", "ESRS-S2": "disclosure",
                 "ESRS-S1": "disclosure", "OECD-DDG": "guidance", "UNGP": "guidance", "SFDR-PAI": "indicator",
                 "ILO": "instrument", "EU-FLR": "product_rule"}
PLAN120_NEW = {
    "Q41": ("N3", "MON", {"CL", "FL"}),
    "Q42": ("N2", "PUR", {"CL", "FL"}),
    "Q43": ("N2", "VOI", {"CL", "FL"}),
    "Q44": ("N4", "VOI", {"CL", "FL"}),
    "Q45": ("N2", "VOI", {"CL", "FL"}),
}
# Questions of 1.1.0 whose level or critical flag 1.2.0 changes on purpose (docs/method.md).
PLAN120_MOVED = {"Q05": {"level": "N3"}, "Q17": {"level": "N4"}, "Q36": {"critical": True}}
PLAN120_NA = {"Q19", "Q25", "Q37", "Q39", "Q40"}
PLAN120_COUNTS = {"CL": {"N1": 5, "N2": 10, "N3": 12, "N4": 11}, "FL": {"N1": 5, "N2": 10, "N3": 12, "N4": 12}}
PLAN120_CRITICALS = {
    "CL": {"N1": {"Q01", "Q04"}, "N2": {"Q08", "Q09", "Q12"}, "N3": {"Q15", "Q16", "Q18", "Q21"}, "N4": {"Q24", "Q26", "Q29"}},
    "FL": {"N1": {"Q01", "Q04"}, "N2": {"Q08", "Q09", "Q11"}, "N3": {"Q15", "Q16", "Q18", "Q21", "Q36"}, "N4": {"Q24", "Q26", "Q29"}},
}
KINDS = {"obligation", "disclosure", "guidance", "indicator", "instrument", "product_rule"}
# French citation style (grid 1.2.0 on): « art. 14, § 2, a) », « § 7, al. 3 », never « art. 14(2) ».
FR_CITATION = re.compile(r"\b[Aa]rt(?:icle|s|\.)? \d+\(|§ \d+\(")


def version_key(v):
    return tuple(int(x) for x in v.split("."))


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
            check_text(f"framework {fid} {r.get('ref')} label", r.get("label"), required=False)
            check_text(f"framework {fid} {r.get('ref')} note", r.get("note"), required=False)
            check_text(f"framework {fid} {r.get('ref')} suspended", r.get("suspended"), required=False)
        if f.get("kind", "obligation") not in KINDS:
            err(f"framework {fid}", f"unknown kind {f.get('kind')!r}")
        fw_refs[fid] = set(refs)
    if plan == "1.2.0":
        if fw_ids != PLAN120_FRAMEWORKS:
            err("frameworks", f"expected {PLAN120_FRAMEWORKS}, got {fw_ids}")
        for f in g.get("frameworks", []):
            if f.get("kind") != PLAN120_KINDS.get(f.get("id")):
                err(f"framework {f.get('id')}", f"kind {f.get('kind')!r}, plan says {PLAN120_KINDS.get(f.get('id'))!r}")
            if not re.search(r"\b20\d\d\b", (f.get("note") or {}).get("en", "")) and f.get("id") not in ("OECD-DDG", "UNGP"):
                err(f"framework {f.get('id')}", "status note without a date")
        lim = g.get("na_limits") or {}
        if not (isinstance(lim.get("min_applicable_percent"), (int, float)) and lim["min_applicable_percent"] >= 50
                and lim.get("evidence_when_substantiated") is True):
            err("na_limits", "min_applicable_percent >= 50 and evidence_when_substantiated true are required")
        desc = g.get("description") or {}
        if "autant que possible" not in desc.get("fr", "") or "where possible" not in desc.get("en", ""):
            err("description", "must say the questions are anchored where possible")
    elif plan:
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
        if plan == "1.2.0":
            for k in ("text", "partial", "recommendation", "help"):
                for lang in ("fr", "en"):
                    if "RHSF" in (q.get(k) or {}).get(lang, ""):
                        err(w, f"{k} names RHSF (provenance only, never inside a question)")
            for i, r in enumerate(refs):
                if "RHSF" in r.get("en", "") or "RHSF" in r.get("fr", ""):
                    err(w, f"reference {i + 1} cites RHSF material that is not public")
                if r.get("en", "").startswith("FIR") and "not verified" not in r["en"] and " p. " not in r["en"]:
                    err(w, f"reference {i + 1}: FIR quotation without a page or an 'unverified' mark")
            for k in ("text", "partial", "recommendation", "help", "na_condition"):
                if FR_CITATION.search((q.get(k) or {}).get("fr", "")):
                    err(w, f"{k}: French citation not in the French legal style (« art. 14, § 2, a) », « § 7, al. 3 »)")
            for i, r in enumerate(refs):
                if FR_CITATION.search(r.get("fr", "")):
                    err(w, f"reference {i + 1}: French citation not in the French legal style")
            if q.get("allow_na") and q.get("id") not in PLAN120_NA:
                err(w, "allows na, which the plan keeps for Q19, Q25, Q37, Q39 and Q40 only")
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
            cv = c.get("version")
            if not isinstance(cv, str) or not re.fullmatch(r"\d+\.\d+\.\d+", cv) or version_key(cv) > version_key(g.get("version", "0.0.0")):
                err(w, f"change version {cv!r} is not the grid's {g.get('version')!r} or an earlier one")
            check_text(f"{w} change note", c.get("note"), quotes_errors=True)
        if q.get("na_condition") is not None:
            check_text(f"{w} na_condition", q.get("na_condition"))
            if q.get("critical") or q.get("allow_na") is False:
                err(w, "na_condition on a question that does not allow na")
        if g.get("na_limits") is not None:
            if not isinstance(q.get("allow_na"), bool):
                err(w, "a grid with na_limits says allow_na on every question")
            elif q["allow_na"] and q.get("na_condition") is None:
                err(w, "allow_na without an na_condition (N/A only where an objective condition is written)")
        for m in maps:
            bar = m.get("bar")
            if bar is not None:
                if bar.get("position") not in ("above", "below"):
                    err(w, f"mapping {m.get('framework')} {m.get('ref')}: bar position {bar.get('position')!r}")
                check_text(f"{w} mapping {m.get('ref')} bar note", bar.get("note"))
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

    if plan == "1.2.0":
        if g.get("provenance") != PLAN_PROVENANCE:
            err("provenance", "differs from the plan's verbatim text")
        for t in tracks:
            got = {lv: count[t][lv] for lv in LEVELS}
            if got != PLAN120_COUNTS.get(t):
                err(f"track {t}", f"counts {got}, plan says {PLAN120_COUNTS.get(t)}")
            got_c = {lv: crit[t][lv] for lv in LEVELS}
            if got_c != PLAN120_CRITICALS.get(t):
                err(f"track {t}", f"criticals {got_c}, plan says {PLAN120_CRITICALS.get(t)}")
        by_id = {q["id"]: q for q in g["questions"]}
        for nid, (lv, th, tr) in PLAN120_NEW.items():
            q = by_id.get(nid)
            if not q:
                err(f"question {nid}", "missing (fixed by the plan)")
                continue
            if (q["level"], q["theme"], set(q["tracks"]), q["critical"]) != (lv, th, tr, False):
                err(f"question {nid}", "level, theme, tracks or critical flag differ from the plan")
        if by_id.get("Q36", {}).get("allow_na") is not False:
            err("question Q36", "state-imposed forced labour never allows na")
    elif plan:
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
            moved = PLAN120_MOVED.get(qid, {}) if plan == "1.2.0" else {}
            for k in ("level", "theme", "tracks", "critical", "weight"):
                if oq.get(k) != nq.get(k) and moved.get(k) != nq.get(k):
                    err(f"question {qid}", f"{k} changed from {base['version']}")
            if nq.get("changes", [])[:len(oq.get("changes", []))] != oq.get("changes", []):
                err(f"question {qid}", f"the change log of {base['version']} is not kept as is")
            own = [c for c in nq.get("changes", []) if c.get("version") == g.get("version")]
            if moved and not own:
                err(f"question {qid}", "moved or made critical without a change entry")
            kinds = {c["kind"] for c in own}
            if "added" in kinds:
                err(f"question {qid}", "marked added but exists in the base version")
            if not kinds:
                for k in ("text", "partial", "recommendation", "help"):
                    if oq.get(k) != nq.get(k):
                        err(f"question {qid}", f"{k} changed but no change entry")
        for qid, nq in new.items():
            if qid not in old and {c["kind"] for c in nq.get("changes", []) if c.get("version") == g.get("version")} != {"added"}:
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
            covered = {m["ref"] for q in qs if t in q["tracks"] for m in q.get("mappings", [])
                       if m["framework"] == f["id"] and t in m.get("tracks", q["tracks"])}
            parts.append(f"{t} {len(covered)}/{total}")
        uncovered = [r["ref"] for r in f["requirements"]
                     if not any(m["framework"] == f["id"] and m["ref"] == r["ref"] for q in qs for m in q.get("mappings", []))]
        lines.append(f"  {f['id']:<9} " + ", ".join(parts) + (f"   not covered: {', '.join(uncovered)}" if uncovered else ""))
    return lines


def self_test(g, base, plan):
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
    if plan == "1.2.0":
        by = lambda x, i: next(q for q in x["questions"] if q["id"] == i)
        cases.update({
            "na allowed without a written condition": lambda x: by(x, "Q27").__setitem__("allow_na", True),
            "na allowed outside the plan's list": lambda x: by(x, "Q27").update({"allow_na": True, "na_condition": {"fr": "x", "en": "x"}}),
            "RHSF named in a question": lambda x: by(x, "Q02")["text"].__setitem__("en", by(x, "Q02")["text"]["en"] + " (RHSF)"),
            "FIR quotation without page or mark": lambda x: by(x, "Q05")["references"][0].__setitem__("en", "FIR first-year review: 'down to the countries of origin'"),
            "na_limits below 50": lambda x: x["na_limits"].__setitem__("min_applicable_percent", 40),
            "framework kind changed": lambda x: x["frameworks"][0].__setitem__("kind", "guidance"),
            "old French citation style": lambda x: by(x, "Q12")["recommendation"].__setitem__("fr", by(x, "Q12")["recommendation"]["fr"] + " (art. 2(4))"),
            "bar position invalid": lambda x: by(x, "Q33")["mappings"][0].__setitem__("bar", {"position": "equal", "note": {"fr": "x", "en": "x"}}),
            "moved question without change entry": lambda x: by(x, "Q17").__setitem__("changes", [c for c in by(x, "Q17")["changes"] if c["version"] != "1.2.0"]),
            "description overclaims anchoring": lambda x: x["description"].__setitem__("en", x["description"]["en"].replace("where possible", "always")),
        })
    failed = []
    for name, mutate in cases.items():
        errors.clear()
        broken = copy.deepcopy(g)
        mutate(broken)
        check_grid(broken, base, plan)
        if not errors:
            failed.append(name)
    errors.clear()
    check_grid(g, base, plan)
    if errors:
        failed.append("the unmodified grid fails")
    errors.clear()
    for name in failed:
        print(f"self-test: not detected: {name}", file=sys.stderr)
    print(f"self-test: {len(cases) - len([f for f in failed if f in cases])}/{len(cases)} breaks detected")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("grid", nargs="?", default="questionnaires/rhsf-fir-1.2.0.json")
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
    plan = g.get("version") if g.get("id") == "rhsf-fir" and g.get("version") in ("1.1.0", "1.2.0") else None
    if a.self_test:
        return self_test(g, base, plan)
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
