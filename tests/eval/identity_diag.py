#!/usr/bin/env python3
"""Where speaker ids go wrong on an identity set: each gold person spread over several ids
(SPLIT, with the id and article of each matched quote) and each id shared by several gold
persons (MIXED). Run by `DIAG=1 scripts/eval-identity SET`;
DIAG=2 also lists each quote whose id is not its person's usual one.

Usage: identity_diag.py GOLD.jsonl IDS.jsonl (IDS from to_identity.py)
"""
import json
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "eval"))
from score import Doc, load_jsonl, match  # noqa: E402


def main():
    gold = load_jsonl(sys.argv[1])
    pred = {}
    for p in load_jsonl(sys.argv[2]):
        pred.setdefault(str(p["id"]), []).extend(p.get("quotes") or [])
    by_person, by_id = defaultdict(Counter), defaultdict(Counter)
    wrong = []
    for g in gold:
        golds = [q for q in g["quotes"] if q.get("person")]
        preds = [p for p in pred.get(str(g["id"]), []) if "start" in p]
        _, pairs = match(Doc(g["text"]), preds, golds)
        for i, j in pairs:
            person, sid = golds[j]["person"], preds[i].get("speaker_id")
            by_person[person][(sid, g["id"])] += 1
            by_id[sid][person] += 1
            if os.environ.get("DIAG") == "2":
                wrong.append((g["id"], person, sid, g["text"][preds[i]["start"]:preds[i]["end"]][:90]))
    majority = {}
    for article, person, sid, _ in wrong:
        majority.setdefault(person, Counter())[sid] += 1
    for article, person, sid, text in wrong:
        if sid != majority[person].most_common(1)[0][0]:
            print("QUOTE", article, person, "->", sid, "|", text.replace("\n", " "))
    for person, seen in sorted(by_person.items()):
        if len({sid for sid, _ in seen}) > 1:
            print("SPLIT", person, dict(seen))
    for sid, people in sorted(by_id.items(), key=lambda kv: str(kv[0])):
        if len(people) > 1:
            print("MIXED", sid, dict(people))


if __name__ == "__main__":
    main()
