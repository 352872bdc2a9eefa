#!/usr/bin/env python3
"""Scores `saywho link` on a linking set (tests/eval/link/*; rules in tests/eval/README.md).

Usage: link_score.py GOLD.jsonl EXTRACT.jsonl LINK.jsonl STATEMENTS.txt [--diag]

Each gold quote is matched to the extracted quote of its article that overlaps it most (one
to one, largest overlap first); a gold quote with no match is a statement of its own. A gold
pair is two annotated quotes with one statement label; a predicted pair is two annotated
quotes whose matched quotes are in one statement of `saywho link`. Printed: pairwise
precision and recall over all pairs and over pairs across articles, recall over the pairs
whose two quotes were both found (the linker's own share), recall per case of
statements.txt, the reported <-> quoted pairs joined, and the `apart` pairs that were joined.
The last line is JSON. Standard library only.
"""
import json
import sys
from collections import defaultdict
from itertools import combinations


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def codepoints(text):
    data = text.encode("utf-8")
    return lambda b: len(data[:b].decode("utf-8", errors="ignore"))


def match(gold_quotes, pred_quotes):
    """Gold index -> predicted quote id, one to one, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold_quotes):
        for p in pred_quotes:
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((-ov, gi, p["id"]))
    cands.sort()
    out, used = {}, set()
    for _, gi, pid in cands:
        if gi not in out and pid not in used:
            out[gi] = pid
            used.add(pid)
    return out


def read_statements(path):
    cases, apart = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            head, _, rest = line.partition(":")
            if head.strip() == "apart":
                a, b = rest.split()[:2]
                apart.append((a, b))
            else:
                cases[head.strip()] = rest.split()
    return cases, apart


def ratio(n, d):
    return round(n / d, 3) if d else None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    diag = "--diag" in sys.argv
    gold_path, extract_path, link_path, statements_path = args
    gold = load_jsonl(gold_path)
    extracted = {e["article"]: e for e in load_jsonl(extract_path)}
    cluster_of = {}
    for s in load_jsonl(link_path):
        for q in s["quotes"]:
            cluster_of[q] = s["cluster"]
    cases, apart = read_statements(statements_path)

    # Every annotated quote: (article, label, kind, text, predicted cluster or None).
    quotes = []
    for art in gold:
        ext = extracted.get(art["id"], {"quotes": []})
        cp = codepoints(art["text"])
        pred = [{"id": q["id"], "start": cp(q["span"][0]), "end": cp(q["span"][1])}
                for q in ext["quotes"]]
        m = match(art["quotes"], pred)
        for gi, g in enumerate(art["quotes"]):
            label = g.get("statement")
            if label is None:
                sys.exit(f"{art['id']}: a quote without a statement label")
            pid = m.get(gi)
            quotes.append({"article": art["id"], "label": label, "kind": g["kind"],
                           "text": art["text"][g["start"]:g["end"]],
                           "cluster": cluster_of.get(pid) if pid else None, "found": pid is not None})

    tp = fp = fn = 0
    tp_x = fp_x = fn_x = 0
    found_pairs = found_tp = 0
    per_case = defaultdict(lambda: [0, 0])
    reported = [0, 0]
    wrong = []
    missed = []
    for a, b in combinations(quotes, 2):
        same = a["label"] == b["label"]
        joined = a["cluster"] is not None and a["cluster"] == b["cluster"]
        cross = a["article"] != b["article"]
        if same:
            tp += joined
            fn += not joined
            if cross:
                tp_x += joined
                fn_x += not joined
            if a["found"] and b["found"]:
                found_pairs += 1
                found_tp += joined
            for case in cases.get(a["label"], ["unlisted"]):
                per_case[case][0] += joined
                per_case[case][1] += 1
            if (a["kind"] == "indirect") != (b["kind"] == "indirect"):
                reported[0] += joined
                reported[1] += 1
            if not joined:
                missed.append((a, b))
        elif joined:
            fp += 1
            fp_x += cross
            wrong.append((a, b))
    clusters_of_label = defaultdict(set)
    for q in quotes:
        if q["cluster"]:
            clusters_of_label[q["label"]].add(q["cluster"])
    apart_joined = [(x, y) for x, y in apart if clusters_of_label[x] & clusters_of_label[y]]

    result = {
        "quotes": len(quotes), "found": sum(q["found"] for q in quotes),
        "pairs": tp + fn, "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
        "cross_precision": ratio(tp_x, tp_x + fp_x), "cross_recall": ratio(tp_x, tp_x + fn_x),
        "recall_found": ratio(found_tp, found_pairs),
        "reported_joined": reported[0], "reported_pairs": reported[1],
        "apart": len(apart), "apart_joined": len(apart_joined),
        "per_case": {c: ratio(*v) for c, v in sorted(per_case.items())},
    }
    print(f"quotes {result['quotes']} (found {result['found']}), gold pairs {result['pairs']}")
    print(f"pairwise P / R            {result['precision']} / {result['recall']}  ({tp} joined right, {fp} wrong, {fn} missed)")
    print(f"across articles P / R     {result['cross_precision']} / {result['cross_recall']}")
    print(f"recall, both quotes found {result['recall_found']}  ({found_tp} of {found_pairs})")
    print(f"reported <-> quoted       {reported[0]} of {reported[1]} pairs joined")
    print(f"apart pairs joined        {len(apart_joined)} of {len(apart)}" +
          "".join(f"\n  JOINED {x} ~ {y}" for x, y in apart_joined))
    print("recall per case           " + ", ".join(
        f"{c} {ratio(*v)} ({v[0]}/{v[1]})" for c, v in sorted(per_case.items())))
    if diag:
        short = lambda q: f"{q['article']} {q['label']} [{q['kind'][0]}] {q['text'][:70]!r}"
        for a, b in wrong:
            print(f"WRONG  {short(a)}\n    ~  {short(b)}")
        seen = set()
        for a, b in missed:
            key = (a["label"], a["article"], b["article"], a["text"][:20], b["text"][:20])
            if key in seen:
                continue
            seen.add(key)
            why = "" if a["found"] and b["found"] else " (not found)"
            print(f"MISSED{why}  {short(a)}\n    ~  {short(b)}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
