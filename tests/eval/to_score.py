#!/usr/bin/env python3
"""Converts `saywho extract` JSONL (byte offsets) into the prediction format of
../shared/eval/score.py (code-point offsets): {"id", "quotes": [{"start", "end", "speaker"}]}.

The speaker string is the resolved name, else the role (for unnamed sources), else the
mention as written. Usage: to_score.py GOLD.jsonl < saywho.jsonl > pred.jsonl
"""
import json
import sys


def main():
    texts = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    for line in sys.stdin:
        e = json.loads(line)
        data = texts[e["article"]].encode("utf-8")
        cp = lambda b: len(data[:b].decode("utf-8"))
        quotes = []
        for q in e["quotes"]:
            s = q.get("speaker") or {}
            who = s.get("name") or s.get("role") or s.get("mention") or ""
            quotes.append({"start": cp(q["span"][0]), "end": cp(q["span"][1]),
                           "speaker": who, "kind": q["kind"]})
        print(json.dumps({"id": e["article"], "quotes": quotes}, ensure_ascii=False))


if __name__ == "__main__":
    main()
