#!/usr/bin/env python3
"""Scores a formats set one format at a time with ../shared/eval/score.py.

For every `format` of the gold articles' headers: quotes found overall (overlap P/R), direct
quotes (recall and speaker accuracy), and reported speech (P/R, as score.py gives them with
`--gold-filter kind=indirect`). Then two checks over the whole set: interview answers (the
direct quotes of interview and transcript articles) found with the right speaker, and every
predicted quote or speaker that holds a dateline or byline line of its article.

Usage: by_format.py GOLD.jsonl PRED.jsonl SAYWHO.jsonl
(PRED from to_score.py; SAYWHO the raw `saywho extract` output, for the dateline check.)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SCORER = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "eval", "score.py")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold, pred, kind=None):
    """score.py's JSON for the gold and prediction records given, gold filtered by kind."""
    with tempfile.TemporaryDirectory() as d:
        g, p = os.path.join(d, "g.jsonl"), os.path.join(d, "p.jsonl")
        for path, rows in ((g, gold), (p, pred)):
            with open(path, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        args = [sys.executable, SCORER, g, p] + (["--gold-filter", f"kind={kind}"] if kind else [])
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])


def fmt(x):
    return "—" if x is None else f"{x:.3f}"


DATELINE = re.compile(r"^([A-Z][A-Z .,'’-]{2,}(?:, [A-Z][A-Za-z.]+)*(?: \([A-Za-z ]+\))?) ?[—–-]")
BYLINE = re.compile(r"^(By [A-Z][^\n]{0,80})$")


def dateline_leaks(gold, raw):
    """Quotes or speakers of saywho's output that hold a dateline or byline of their article."""
    lines = {}
    for g in gold:
        found = []
        for para in g["text"].split("\n"):
            para = para.strip()
            for rx in (DATELINE, BYLINE):
                m = rx.match(para)
                if m and len(m.group(1).strip()) > 3:
                    found.append(m.group(1).strip())
        lines[g["id"]] = found
    leaks = []
    for r in raw:
        for q in r.get("quotes", []):
            s = q.get("speaker") or {}
            said = [q.get("text") or "", s.get("name") or "", s.get("role") or ""]
            for line in lines.get(r.get("article"), []):
                if any(line in x for x in said):
                    leaks.append((r["article"], line, q.get("text", "")[:60]))
    return leaks


def main():
    gold, pred, raw = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
    by_id = {str(p["id"]): p for p in pred}
    formats = sorted({g.get("format", "?") for g in gold})
    print("| format | articles | all P / R | direct R (speaker) | reported P / R |")
    print("|---|---|---|---|---|")
    for f in formats:
        gs = [g for g in gold if g.get("format", "?") == f]
        ps = [by_id[str(g["id"])] for g in gs if str(g["id"]) in by_id]
        a, d, i = score(gs, ps), score(gs, ps, "direct"), score(gs, ps, "indirect")
        print(
            f"| {f} | {len(gs)} | {fmt(a['overlap']['precision'])} / {fmt(a['overlap']['recall'])}"
            f" | {fmt(d['overlap']['recall'])} ({fmt(d['speaker_acc'])})"
            f" | {fmt(i['overlap']['precision'])} / {fmt(i['overlap']['recall'])} |"
        )
    gs = [g for g in gold if g.get("format") in ("interview", "transcript")]
    ps = [by_id[str(g["id"])] for g in gs if str(g["id"]) in by_id]
    if gs:
        d = score(gs, ps, "direct")
        c = d["counts"]
        right = c["spk_ok"] / c["gold"] if c["gold"] else 0.0
        print(
            f"\ninterview and transcript answers (direct quotes): recall {fmt(d['overlap']['recall'])},"
            f" found with the right speaker {fmt(right)} ({c['spk_ok']} of {c['gold']})"
        )
    leaks = dateline_leaks(gold, raw)
    print(f"datelines or bylines inside a quote or speaker: {len(leaks)}")
    for leak in leaks:
        print("  ", leak)


if __name__ == "__main__":
    main()
