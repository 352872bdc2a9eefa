#!/usr/bin/env python3
"""Converts `saywho extract` JSONL plus `saywho speakers --format jsonl` into the prediction
format of ../shared/eval/speaker_ids.py: {"id", "quotes": [{"start", "end", "speaker_id"}]},
code-point offsets, and each quote's speaker id mapped to its corpus id (a per-article id
that the roster merged into another is listed in that entry's `aliases`).

Usage: to_identity.py GOLD.jsonl SPEAKERS.jsonl < saywho.jsonl > pred.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from to_score import codepoints, load_texts  # noqa: E402


def main():
    texts = load_texts(sys.argv[1])
    corpus = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            corpus[e["id"]] = e["id"]
            for alias in e.get("aliases") or []:
                corpus[alias] = e["id"]
    for line in sys.stdin:
        e = json.loads(line)
        cp = codepoints(texts[e["article"]])
        quotes = []
        for q in e["quotes"]:
            sid = (q.get("speaker") or {}).get("id")
            quotes.append({"start": cp(q["span"][0]), "end": cp(q["span"][1]),
                           "speaker_id": corpus.get(sid, sid) if sid else None})
        print(json.dumps({"id": e["article"], "quotes": quotes}, ensure_ascii=False))


if __name__ == "__main__":
    main()
