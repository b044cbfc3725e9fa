#!/usr/bin/env python3
"""Writes the evidence-dossier fixtures (vigilance.dossier/1), byte for byte reproducible:

- tests/fixtures/dossiers/acme-dossier.zip: a good dossier of tests/fixtures/good/acme.json with
  two documents (one from 2019, one from 2025);
- tests/bad-inputs/sheets/6x-dossier-*.zip: one refusal each (the bad-input catalogue).

Run from the repository root: python3 scripts/make-dossier-fixtures.py
"""

import hashlib
import json
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATE = (1980, 1, 1, 0, 0, 0)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def info(name, method=zipfile.ZIP_STORED):
    i = zipfile.ZipInfo(name, DATE)
    i.compress_type = method
    i.external_attr = 0o644 << 16
    return i


def write(path, entries):
    """entries: list of (name, bytes, method)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data, method in entries:
            z.writestr(info(name, method), data)


def good_entries():
    sheet = json.load(open(os.path.join(ROOT, "tests/fixtures/good/acme.json"), encoding="utf-8"))
    plan = b"%PDF-1.4\n% Plan de vigilance 2025 (fixture)\n"
    audit = b"%PDF-1.4\n% Audit social 2019 (fixture)\n"
    docs = [
        (plan, "plan-de-vigilance-2025.pdf", "Plan de vigilance 2025", "2025-03-01", None,
         [("Q01", "CL"), ("Q01", "FL")]),
        (audit, "audit-2019.pdf", "Audit social 2019", "2019-05-01", None, [("Q02", "FL")]),
    ]
    for data, _, _, _, _, answers in docs:
        for q, t in answers:
            a = sheet["answers"][q][t]
            if isinstance(a, str):
                a = {"value": a}
            ev = a.get("evidence", [])
            if isinstance(ev, str):
                ev = [ev]
            ev.append("file:" + sha(data))
            a["evidence"] = ev
            sheet["answers"][q][t] = a
    answers_json = (json.dumps(sheet, ensure_ascii=False, indent=2) + "\n").encode()
    manifest = {
        "format": "vigilance.dossier/1",
        "questionnaire": sheet["questionnaire"],
        "company": {"name": sheet["company"]["name"]},
        "period": sheet["period"],
        "created": "2026-12-06T12:00:00Z",
        "answers_sha256": sha(answers_json),
        "files": [
            {
                "sha256": sha(data), "name": name, "title": title,
                "media_type": "application/pdf", "size": len(data), "date": date,
                **({"valid_until": vu} if vu else {}),
                "answers": [{"question": q, "track": t} for q, t in answers],
            }
            for data, name, title, date, vu, answers in docs
        ],
    }
    manifest_json = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    d = zipfile.ZIP_DEFLATED
    return [("answers.json", answers_json, d)] + [
        ("files/" + sha(data), data, zipfile.ZIP_STORED) for data, *_ in docs
    ] + [("manifest.json", manifest_json, d)]


def patch(path, old, new):
    b = open(path, "rb").read()
    assert old in b and len(old) == len(new), (path, old)
    open(path, "wb").write(b.replace(old, new))


def main():
    good = good_entries()
    write(os.path.join(ROOT, "tests/fixtures/dossiers/acme-dossier.zip"), good)
    bad = os.path.join(ROOT, "tests/bad-inputs/sheets")
    p = lambda n: os.path.join(bad, n)

    # VG-D03: one byte changed in one file.
    e = [(n, (d[:-2] + b"X\n") if n.startswith("files/") and b"2019" in d else d, m) for n, d, m in good]
    write(p("60-dossier-file-changed.zip"), e)
    # VG-D04: a file listed but missing.
    write(p("61-dossier-file-missing.zip"), [x for x in good if b"2019" not in x[1] or not x[0].startswith("files/")])
    # VG-D05: an extra file.
    write(p("62-dossier-extra-file.zip"), good + [("files/" + sha(b"extra"), b"extra", zipfile.ZIP_STORED)])
    # VG-D06: zip-slip.
    write(p("63-dossier-zip-slip.zip"), [("../evil.txt", b"evil", zipfile.ZIP_STORED)] + good)
    write(p("64-dossier-absolute-path.zip"), [("/tmp/evil.txt", b"evil", zipfile.ZIP_STORED)] + good)
    # VG-D07: case-colliding names.
    write(p("65-dossier-case-collision.zip"), good + [("Manifest.json", b"{}", zipfile.ZIP_STORED)])
    # VG-D09: a zip bomb (16 MiB of zeros in a few KiB).
    zeros = bytes(16 << 20)
    write(p("66-dossier-zip-bomb.zip"), good + [("files/" + sha(zeros), zeros, zipfile.ZIP_DEFLATED)])
    # VG-D11: a huge manifest; VG-D17: a deeply nested one.
    huge = [(n, (b" " * (5 << 20)) if n == "manifest.json" else d, m) for n, d, m in good]
    write(p("67-dossier-huge-manifest.zip"), huge)
    nested = [(n, (b"[" * 100 + b"]" * 100) if n == "manifest.json" else d, m) for n, d, m in good]
    write(p("68-dossier-nested-manifest.zip"), nested)
    # VG-D12: a name that is not UTF-8 (the byte after "odd-" becomes 0xFF).
    write(p("69-dossier-name-not-utf8.zip"), [("odd-X.txt", b"x", zipfile.ZIP_STORED)] + good)
    patch(p("69-dossier-name-not-utf8.zip"), b"odd-X", b"odd-\xff")
    # VG-D13: an encrypted entry (the flag set in the local and central headers).
    write(p("70-dossier-encrypted.zip"), good)
    b = bytearray(open(p("70-dossier-encrypted.zip"), "rb").read())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = b.find(sig)
        while i >= 0:
            b[i + off] |= 1
            i = b.find(sig, i + 4)
    open(p("70-dossier-encrypted.zip"), "wb").write(bytes(b))
    # VG-D02: a truncated archive.
    full = open(os.path.join(ROOT, "tests/fixtures/dossiers/acme-dossier.zip"), "rb").read()
    open(p("71-dossier-truncated.zip"), "wb").write(full[: len(full) // 2])
    # VG-D01: a zip without a manifest.
    write(p("72-dossier-no-manifest.zip"), [x for x in good if x[0] != "manifest.json"])
    # VG-D07: the same name twice.
    import warnings
    warnings.simplefilter("ignore")
    write(p("73-dossier-duplicate-name.zip"), good + [("answers.json", b"{}", zipfile.ZIP_STORED)])


if __name__ == "__main__":
    main()
