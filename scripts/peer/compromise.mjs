// The peer for docs/performance.md: compromise (npm), whose `quotations()` finds quoted
// passages offline (no speakers, no reported speech). Reads the same JSONL saywho reads and
// prints articles, MiB of text, quotations found and seconds spent, reading included.
//
//   node scripts/peer/compromise.mjs corpus.jsonl   (with compromise installed: npm i compromise@14)
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const nlp = require('compromise');

const start = process.hrtime.bigint();
let articles = 0, bytes = 0, quotes = 0;
const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { text } = JSON.parse(line);
  articles += 1;
  bytes += Buffer.byteLength(text);
  quotes += nlp(text).quotations().length;
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ peer: `compromise ${nlp.version}`, articles, mib: bytes / 2 ** 20, quotes, secs }));
