#!/usr/bin/env python3
"""Reads a result document of `vigilance score` back with Python's standard library only, and
joins every result to its grid's texts (docs/formats.md, "Lean results"): each next step to its
question's text and recommendation, each coverage array to its requirement (the grid's
`coverage[track]` at the same place), its status code (`coverage_statuses`), title and linked
questions. Fails (status 1) on a reference that does not resolve.

    python3 scripts/read-results.py results.json|results.jsonl [--lang fr|en]

Prints one line per result, next step and requirement × track (its status and answered/linked)
and a closing count, the same for the JSON document and for JSON Lines of the same batch (the
test in cli/tests/lean.rs compares them, and compares the coverage lines with --embed-texts).
"""
import json
import sys


def read(path):
    """(grids, results, errors) of a JSON document or of JSON Lines."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".jsonl"):
        grids, results, errors = {}, [], []
        for n, line in enumerate(text.splitlines(), 1):
            record = json.loads(line)
            kind = record.pop("kind")
            if kind == "grids":
                grids.update(record["grids"])
            elif kind == "result":
                results.append(record)
            elif kind == "error":
                errors.append(record)
            else:
                raise SystemExit(f"{path}:{n}: unknown line kind {kind!r}")
        return grids, results, errors
    doc = json.loads(text)
    return doc.get("grids", {}), doc["results"], doc["errors"]


def main(argv):
    path = argv[1]
    lang = argv[3] if len(argv) > 3 and argv[2] == "--lang" else "en"
    grids, results, errors = read(path)
    out = []
    for r in results:
        q = r["questionnaire"]
        grid = grids[f"{q['id']}@{q['version']}"]
        out.append(f"{r['company']['name']}\t{grid['levels'][r['headline_level']][lang]}")
        for s in r["next_steps"]:
            texts = grid["questions"][s["question"]]
            out.append(f"  {s['track']} {s['question']} {s['reason']}\t{texts['text'][lang]}")
        # Coverage is positional: per track, the i-th array is about the grid's
        # coverage[track][i]; its first number indexes the grid's coverage_statuses.
        for track, arrays in r.get("coverage", {}).items():
            ids = grid["coverage"][track]
            if len(arrays) != len(ids):
                raise SystemExit(f"{r['source']}: {track}: {len(arrays)} arrays for {len(ids)} ids")
            for req_id, (status, answered, excluded, with_evidence) in zip(ids, arrays):
                req = grid["requirements"][req_id]
                linked = req["questions"][track]
                if not 0 <= status < len(grid["coverage_statuses"]):
                    raise SystemExit(f"{r['source']}: {req_id} {track}: unknown status {status}")
                if not (0 <= excluded <= answered <= len(linked)) or with_evidence > answered:
                    raise SystemExit(f"{r['source']}: {req_id} {track}: counts out of range")
                if not req["title"][lang] or not grid["frameworks"][req["framework"]]["name"][lang]:
                    raise SystemExit(f"{r['source']}: {req_id}: no title")
                shown = f"{grid['coverage_statuses'][status]} {answered}/{len(linked)}"
                out.append(f"  {track} {req_id}\t{shown}")
    out.append(f"{len(results)} results, {len(errors)} errors")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv)
