#!/usr/bin/env python3
"""Renders the sample articles' HTML sheets with the saywho CLI and checks them in headless
Chromium, in the live DOM after the pages' scripts ran (issue 12, point 6).

Chromium is driven over the DevTools protocol on --remote-debugging-pipe (fds 3 and 4,
NUL-terminated JSON), with nothing but the Python standard library. Every page written
(the index, each speaker's page, the anonymous sources' page) is loaded from file:// and
checked: the legend is shown, the differences carry their weight's class and the weights
look different, the filter box works, links resolve, nothing is fetched from outside and
nothing is logged as an error. One line per check, `ok   ...` or `FAIL ...`; exit 1 on any
failure, 2 when it cannot run at all (no chromium, the CLI failed).

    scripts/browser_check.py                              # builds target/release/saywho
    scripts/browser_check.py --bin target/debug/saywho    # or SAYWHO_BIN=...
    scripts/browser_check.py --screenshot docs/overview.png

Environment: SAYWHO_BIN (the CLI), CHROMIUM (the browser; default chromium on PATH).
"""

import argparse
import base64
import fcntl
import html.parser
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 1100  # viewport width for the checks and the screenshot, CSS px
HEIGHT = 1800  # viewport height
SHOT_MAX = 2400  # the screenshot is the whole page, cut at this height
ALLOWED_SCHEMES = ("file:", "data:", "about:")


class Timeout(Exception):
    pass


class BrowserGone(Exception):
    pass


# --- Chromium over the DevTools pipe ------------------------------------------------------


class Chromium:
    """One headless Chromium, driven over --remote-debugging-pipe."""

    def __init__(self, exe, profile, log_path, timeout):
        # Chromium reads commands on fd 3 and writes replies and events on fd 4. The pipe ends
        # are moved above 10 first so that the dup2s below cannot clobber one another.
        cmd_r, cmd_w = os.pipe()
        res_r, res_w = os.pipe()
        child_in = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(res_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(cmd_r)
        os.close(res_w)

        def wire_fds():  # in the child, before exec: dup2 leaves 3 and 4 inheritable
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        args = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--disable-extensions",
            "--disable-default-apps",
            "--mute-audio",
            "--hide-scrollbars",
            f"--window-size={WIDTH},{HEIGHT}",
            "about:blank",
        ]
        self.log_path = log_path
        self.log = open(log_path, "wb")
        # close_fds=False: every other fd of this process is non-inheritable (close-on-exec)
        # already, and close_fds would close 3 and 4 after wire_fds ran.
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
            close_fds=False,
            preexec_fn=wire_fds,
            start_new_session=True,  # its own process group, ended as one in close()
        )
        os.close(child_in)
        os.close(child_out)
        self.out = cmd_w
        self.inbox = queue.Queue()
        self.replies = {}
        self.events = []  # (sessionId, method, params), in order of arrival
        self.next_id = 0
        self.timeout = timeout
        threading.Thread(target=self._read, args=(res_r,), daemon=True).start()

    def _read(self, fd):
        buf = b""
        while True:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                self.inbox.put(None)
                return
            buf += chunk
            *msgs, buf = buf.split(b"\0")
            for m in msgs:
                self.inbox.put(json.loads(m))

    def _pump(self, deadline, waiting_for):
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout(waiting_for)
        try:
            msg = self.inbox.get(timeout=left)
        except queue.Empty:
            raise Timeout(waiting_for) from None
        if msg is None:
            self.inbox.put(None)  # stays gone for every later wait
            raise BrowserGone(waiting_for)
        if "id" in msg:
            self.replies[msg["id"]] = msg
        else:
            self.events.append((msg.get("sessionId"), msg["method"], msg.get("params", {})))

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self.out, data) :]
        except OSError:
            raise BrowserGone(method) from None
        return self.next_id

    def call(self, method, params=None, session=None, deadline=None):
        deadline = deadline or time.monotonic() + self.timeout
        mid = self.send(method, params, session)
        while mid not in self.replies:
            self._pump(deadline, method)
        reply = self.replies.pop(mid)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def wait_event(self, session, method, since, deadline):
        while True:
            for s, m, p in self.events[since:]:
                if s == session and m == method:
                    return p
            self._pump(deadline, method)

    def evaluate(self, session, expression, deadline):
        r = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session,
            deadline,
        )
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            text = d.get("exception", {}).get("description") or d.get("text")
            raise RuntimeError(f"script in the check threw: {text}")
        return r["result"].get("value")

    def log_tail(self, lines=15):
        try:
            self.log.flush()
            text = Path(self.log_path).read_text(errors="replace").splitlines()
            # without a session bus, Chromium logs D-Bus errors by the dozen: not the cause
            text = [l for l in text if "dbus" not in l and "DBus" not in l]
        except OSError:
            return ""
        return "\n".join("    chromium: " + l for l in text[-lines:])

    def close(self):
        if self.proc.poll() is None:
            try:
                self.send("Browser.close")
                self.proc.wait(timeout=5)
            except (BrowserGone, subprocess.TimeoutExpired):
                pass
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        else:
            # the browser's helpers (zygote, renderers) left in its group, if any
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.close(self.out)
        except OSError:
            pass
        self.log.close()


# --- what is checked in the page ----------------------------------------------------------

# Runs in the page; returns [[name, ok, detail], ...]. KIND is "index", "speaker" or
# "anonymous".
PAGE_CHECKS = r"""
((KIND) => {
  const out = [];
  const check = (name, ok, detail) => out.push([name, !!ok, String(detail === undefined ? '' : detail)]);
  const size = el => { const r = el.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
  const shown = el => {
    if (!el) return false;
    const cs = getComputedStyle(el), [w, h] = size(el);
    return w > 0 && h > 0 && cs.display !== 'none' && cs.visibility !== 'hidden' && cs.opacity !== '0';
  };
  // the differences on the page itself, not the legend's examples
  const content = sel => [...document.querySelectorAll(sel)].filter(e => !e.closest('.legend'));
  const weights = ['critical', 'substantive', 'cosmetic', 'extent'];
  const PROPS = ['fontWeight', 'outlineStyle', 'outlineColor', 'backgroundColor', 'color',
                 'borderBottomStyle', 'borderBottomColor', 'textDecorationLine', 'fontSize'];
  const style = el => { const cs = getComputedStyle(el); return Object.fromEntries(PROPS.map(p => [p, cs[p]])); };
  const differs = (a, b) => PROPS.filter(p => style(a)[p] !== style(b)[p]);
  const steps = w => content('.step.' + w);

  const main = document.querySelector('main');
  check('has a <main> and a heading', main && main.querySelector('h1'),
        main && main.querySelector('h1') ? JSON.stringify(main.querySelector('h1').textContent.trim()) : 'none');

  // legend
  const legend = document.querySelector('aside.legend');
  check('legend is shown', shown(legend), legend ? size(legend).join('x') + ' px' : 'no aside.legend');
  const inLegend = weights.filter(w => legend && legend.querySelector('.step.' + w));
  check('legend shows every weight', inLegend.length === weights.length, inLegend.join(', '));
  if (legend) {
    const ins = w => legend.querySelector('.step.' + w + ' ins');
    const c = ins('critical'), s = ins('substantive'), k = ins('cosmetic');
    const d1 = c && k ? differs(c, k) : [], d2 = s && k ? differs(s, k) : [], d3 = c && s ? differs(c, s) : [];
    check('legend: critical, substantive and cosmetic look different',
          d1.length && d2.length && d3.length,
          `critical/cosmetic ${d1.length}, substantive/cosmetic ${d2.length}, critical/substantive ${d3.length} computed properties differ`);
  }

  // every difference is a .step of exactly one known weight, with its reason shown
  const all = content('.step');
  const bad = all.filter(e => weights.filter(w => e.classList.contains(w)).length !== 1);
  check('every difference has one weight class', !bad.length,
        `${all.length} differences: ` + weights.map(w => `${steps(w).length} ${w}`).join(', ') +
        (bad.length ? `; without a weight: ${bad.slice(0, 3).map(e => e.outerHTML.slice(0, 80)).join(' | ')}` : ''));
  const noWhy = all.filter(e => !e.classList.contains('extent') && !(e.querySelector('small.why') && shown(e.querySelector('small.why'))));
  check('every marked difference shows its reason', !noWhy.length,
        noWhy.length ? `${noWhy.length} without a shown small.why` : `${all.length - steps('extent').length} reasons shown`);

  if (KIND === 'index') {
    check('title', /Who said what/.test(document.title), JSON.stringify(document.title));
    const crit = steps('critical');
    check('a critical difference (.step.critical) is on the page', crit.length && shown(crit[0]),
          crit.map(e => `${e.querySelector('del') ? e.querySelector('del').textContent : ''} -> ${e.querySelector('ins') ? e.querySelector('ins').textContent : ''}`).join(', ') || 'none');
    const altered = document.querySelectorAll('section.altered#altered li');
    check('"Altered quotes" lists at least one quote', altered.length && shown(altered[0]), `${altered.length} listed`);
    const rows = document.querySelectorAll('table.grid tbody tr');
    const marks = document.querySelectorAll('table.grid td.form span');
    check('the statement x outlet grid has rows', rows.length && shown(rows[0]) && marks.length,
          `${rows.length} rows, ${document.querySelectorAll('table.grid th.outlet').length} outlets, ${marks.length} marks`);
    const bars = [...document.querySelectorAll('svg.timeline rect')];
    const drawn = bars.filter(r => { const b = r.getBBox(); return b.width > 0 && b.height > 0; });
    const svg = document.querySelector('svg.timeline');
    check('the timeline has bars', bars.length && drawn.length === bars.length && shown(svg),
          `${bars.length} rect, ${drawn.length} with a size; svg ${svg ? size(svg).join('x') : 'missing'} px`);
    const speakers = document.querySelectorAll('section.index a[href]');
    check('the speaker index links speakers', speakers.length, `${speakers.length} links`);
  } else if (KIND === 'speaker') {
    const statements = document.querySelectorAll('main section.statement');
    check('lists the speaker\'s statements', statements.length && shown(statements[0]), `${statements.length} statements`);
  } else if (KIND === 'anonymous') {
    const sources = document.querySelectorAll('main article[id]');
    check('lists anonymous sources with their statements',
          sources.length && document.querySelectorAll('main section.statement').length,
          `${sources.length} sources, ${document.querySelectorAll('main section.statement').length} statements`);
  }

  // weights told apart in the page's own differences, where it has both kinds
  const cIns = content('.step.critical ins')[0] || content('.step.substantive ins')[0];
  const kIns = content('.step.cosmetic ins')[0];
  const pair = cIns && kIns ? differs(cIns, kIns) : null;
  out.push(['__pair', !!(pair && pair.length),
            pair === null ? '' : `${cIns.parentElement.className} "${cIns.textContent}" vs ${kIns.parentElement.className} "${kIns.textContent}": ` +
            (pair.length ? pair.map(p => `${p} ${style(cIns)[p]} / ${style(kIns)[p]}`).join('; ') : 'same computed style')]);

  // offline: nothing loaded from elsewhere
  const ext = [...document.querySelectorAll('script[src],link[href],img[src],iframe[src],source[src],video[src],audio[src],object[data],embed[src]')]
    .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data'))
    .filter(u => !/^(data:|#)/.test(u));
  const css = [...document.querySelectorAll('style')].map(s => s.textContent).join('\n');
  const cssUrls = css.match(/url\(|@import/g) || [];
  check('nothing to load: no script/link/img sources, no url() or @import in CSS', !ext.length && !cssUrls.length,
        ext.length || cssUrls.length ? ext.concat(cssUrls).slice(0, 5).join(' ') : 'self-contained');
  return out;
})
"""

# Runs in the page: the filter box the page's script inserts, and what typing into it does.
FILTER_CHECK = r"""
(() => {
  const main = document.querySelector('main');
  const box = main && main.firstElementChild;
  if (!box || !box.matches('input.filter[type=search]'))
    return {box: false, first: main && main.firstElementChild ? main.firstElementChild.outerHTML.slice(0, 80) : 'none'};
  const r = box.getBoundingClientRect();
  const rows = [...document.querySelectorAll('[data-filter]')];
  const shown = el => !el.hidden && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const type = v => { box.value = v; box.dispatchEvent(new Event('input', {bubbles: true})); };
  const texts = rows.map(e => e.textContent.toLowerCase());
  // the word (5+ letters) that splits the rows most evenly, so that typing it must hide some
  // rows and keep others
  let word = null, best = Infinity;
  for (const w of [...new Set((texts.join(' ').match(/[a-z]{5,}/g) || []))].sort()) {
    const n = texts.filter(t => t.includes(w)).length;
    if (n > 0 && n < rows.length && Math.abs(2 * n - rows.length) < best) { word = w; best = Math.abs(2 * n - rows.length); }
  }
  const res = {box: true, boxSize: [Math.round(r.width), Math.round(r.height)], rows: rows.length,
               before: rows.filter(shown).length, word};
  if (word) {
    type(word);
    const want = texts.map(t => t.includes(word));
    res.matching = want.filter(Boolean).length;
    res.shownAfter = rows.filter(shown).length;
    res.wrong = rows.filter((e, i) => shown(e) !== want[i]).length;
  }
  type('zqxjzqxj');
  res.shownNonsense = rows.filter(shown).length;
  type('');
  res.shownCleared = rows.filter(shown).length;
  return res;
})()
"""

LINKS = r"""
[...document.querySelectorAll('a[href]')].map(a => [a.getAttribute('href'), a.href])
"""


# --- the run ------------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def __call__(self, page, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        detail = " ".join(str(detail).split())
        line = f"{'ok  ' if ok else 'FAIL'} {page}: {name}"
        print(line + (f" ({detail})" if detail else ""), flush=True)


class Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" and v:
                self.ids.add(v)


def ids_in(path, cache={}):
    if path not in cache:
        p = Ids()
        p.feed(path.read_text(encoding="utf-8"))
        cache[path] = p.ids
    return cache[path]


def find_binary(arg):
    bin_path = arg or os.environ.get("SAYWHO_BIN")
    if bin_path:
        return Path(bin_path)
    print("building the CLI: cargo build --release --locked", flush=True)
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "saywho"


def render(binary, articles, out):
    cmd = [str(binary), "sheet", str(articles), "--format", "html", "-o", str(out)]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        print(f"browser check: {' '.join(cmd)} took over 120 s", file=sys.stderr)
        return False
    if r.returncode != 0:
        print(f"browser check: {' '.join(cmd)} failed ({r.returncode}):\n{r.stderr}", file=sys.stderr)
        return False
    return True


def page_kind(name):
    if name == "index.html":
        return "index"
    if name == "anonymous-sources.html":
        return "anonymous"
    return "speaker"


def check_page(browser, report, sheets, page, timeout, screenshot):
    """Loads one page in a new tab and checks it. Returns the page's speaker-pair detail."""
    name = page.name
    kind = page_kind(name)
    deadline = time.monotonic() + timeout
    target = browser.call("Target.createTarget", {"url": "about:blank"}, deadline=deadline)
    tid = target["targetId"]
    s = browser.call("Target.attachToTarget", {"targetId": tid, "flatten": True}, deadline=deadline)[
        "sessionId"
    ]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.call(f"{domain}.enable", session=s, deadline=deadline)
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
        session=s,
        deadline=deadline,
    )
    since = len(browser.events)
    nav = browser.call("Page.navigate", {"url": page.as_uri()}, session=s, deadline=deadline)
    report(name, "loads", not nav.get("errorText"), nav.get("errorText", page.as_uri()))
    browser.wait_event(s, "Page.loadEventFired", since, deadline)

    results = browser.evaluate(s, f"{PAGE_CHECKS}({json.dumps(kind)})", deadline)
    pair = None
    for check_name, ok, detail in results:
        if check_name == "__pair":
            pair = (ok, detail) if detail else None
        else:
            report(name, check_name, ok, detail)

    # links: every link to a file names one that was written, and an id in it
    links = browser.evaluate(s, LINKS, deadline)
    broken, files, outside = [], set(), []
    for raw, resolved in links:
        u = urllib.parse.urlsplit(resolved)
        if u.scheme != "file":
            outside.append(raw)
            continue
        target_path = Path(urllib.parse.unquote(u.path))
        if not target_path.is_file():
            broken.append(f"{raw} (no such file)")
            continue
        files.add(target_path.name)
        frag = urllib.parse.unquote(u.fragment)
        if frag and frag not in ids_in(target_path):
            broken.append(f"{raw} (no id {frag!r} in {target_path.name})")
    report(
        name,
        "links resolve to pages written and ids in them",
        links and not broken and not outside,
        "; ".join((broken + [f"{o} (not a local file)" for o in outside])[:5])
        or f"{len(links)} links to {len(files)} pages",
    )
    if kind == "index":
        written = {p.name for p in sheets.glob("*.html")} - {"index.html"}
        unlinked = sorted(written - files)
        report(name, "links every other page written", not unlinked, ", ".join(unlinked) or f"{len(written)} pages")

    if screenshot:
        metrics = browser.call("Page.getLayoutMetrics", session=s, deadline=deadline)
        full = metrics.get("cssContentSize", metrics.get("contentSize"))["height"]
        height = min(int(full), SHOT_MAX)
        shot = browser.call(
            "Page.captureScreenshot",
            {
                "format": "png",
                "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1},
                "captureBeyondViewport": True,
            },
            session=s,
            deadline=deadline,
        )
        data = base64.b64decode(shot["data"])
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        screenshot.write_bytes(data)
        report(name, f"screenshot saved to {screenshot}", data[:8] == b"\x89PNG\r\n\x1a\n",
               f"{WIDTH}x{height} px of {int(full)}, {len(data) // 1024} KB")

    f = browser.evaluate(s, FILTER_CHECK, deadline)
    report(name, "the filter box is there (its script ran)", f.get("box") and f["boxSize"][1] > 0,
           f"{f['boxSize'][0]}x{f['boxSize'][1]} px, first in <main>" if f.get("box") else f"first in <main>: {f.get('first')}")
    if f.get("box"):
        if f["word"]:
            report(
                name,
                f"typing {f['word']!r} shows the matching rows and hides the others",
                f["wrong"] == 0 and 0 < f["shownAfter"] < f["rows"],
                f"{f['shownAfter']} of {f['rows']} shown, {f['matching']} match, {f['wrong']} wrong",
            )
        report(
            name,
            "typing a word in no row hides every row; clearing shows them again",
            f["rows"] and f["shownNonsense"] == 0 and f["shownCleared"] == f["rows"] == f["before"],
            f"{f['rows']} rows: {f['before']} shown, {f['shownNonsense']} after 'zqxjzqxj', {f['shownCleared']} cleared",
        )

    # one more round trip, so that whatever the page logged has arrived
    browser.evaluate(s, "1", deadline)
    errors, requests = [], []
    for sess, method, p in browser.events[since:]:
        if sess != s:
            continue
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            errors.append(f"console.{p['type']}: {args}")
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            errors.append("exception: " + (d.get("exception", {}).get("description") or d.get("text", "")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            errors.append(f"{e.get('source')}: {e.get('text')} {e.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            requests.append(p["request"]["url"])
        elif method == "Network.loadingFailed":
            errors.append(f"network: {p.get('errorText')}")
    report(name, "no console errors or exceptions", not errors, "; ".join(errors[:5]) or "none")
    foreign = [u for u in requests if not u.startswith(ALLOWED_SCHEMES)]
    report(
        name,
        "no request but file://",
        not foreign,
        ", ".join(foreign[:5]) or f"{len(requests)} request{'s' if len(requests) != 1 else ''}, all file://",
    )
    browser.call("Target.closeTarget", {"targetId": tid}, deadline=deadline)
    return pair


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", help="the saywho CLI (default $SAYWHO_BIN, else builds target/release/saywho)")
    ap.add_argument("--chromium", help="the browser (default $CHROMIUM, else chromium on PATH)")
    ap.add_argument("--articles", default=str(ROOT / "examples" / "articles"), help="default examples/articles")
    ap.add_argument("--screenshot", type=Path, help="save a PNG of the index page here")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per page (default 60)")
    ap.add_argument("--sheets", type=Path, help="check this folder of sheets instead of rendering them")
    ap.add_argument("--keep", action="store_true", help="keep the sheets and Chromium's log")
    args = ap.parse_args()

    exe = args.chromium or os.environ.get("CHROMIUM")
    if not exe:
        exe = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if not exe or not shutil.which(exe):
        print("browser check: no chromium found (apt-get install chromium, or set CHROMIUM)", file=sys.stderr)
        return 2
    # a SIGTERM (CI's own timeout) still ends Chromium and removes the temporary folder
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = Path(tempfile.mkdtemp(prefix="saywho-browser-"))
    try:
        return run(args, exe, work)
    finally:
        if args.keep:
            print(f"     kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(args, exe, work):
    if args.sheets:
        sheets, source = args.sheets.resolve(), str(args.sheets)
    else:
        binary = find_binary(args.bin)
        if not binary.is_file():
            print(f"browser check: no saywho CLI at {binary}", file=sys.stderr)
            return 2
        sheets, source = work / "sheets", str(binary)
        if not render(binary, args.articles, sheets):
            return 2
    screenshot = args.screenshot.resolve() if args.screenshot else None
    pages = sorted(
        sheets.glob("*.html"),
        key=lambda p: (page_kind(p.name) != "index", page_kind(p.name) == "anonymous", p.name),
    )
    report = Report()
    kinds = [page_kind(p.name) for p in pages]
    report(
        "sheets",
        "written: the index, speaker pages, the anonymous sources' page",
        "index" in kinds and "speaker" in kinds and "anonymous" in kinds,
        f"{len(pages)} pages from {source}",
    )

    started = time.monotonic()
    browser = Chromium(exe, work / "profile", work / "chromium.log", args.timeout)
    where = "Chromium to start"
    pairs = []
    try:
        version = browser.call("Browser.getVersion")
        print(f"     {version.get('product')} ({exe}), viewport {WIDTH}x{HEIGHT}", flush=True)
        for page in pages:
            where = page.name
            pair = check_page(
                browser, report, sheets, page, args.timeout, screenshot if page.name == "index.html" else None
            )
            if pair and page_kind(page.name) == "speaker":
                pairs.append((page.name, pair))
        report(
            "speaker pages",
            "a page has a substantive or critical and a cosmetic difference",
            pairs,
            ", ".join(n for n, _ in pairs) or "no page has both",
        )
        for name, (ok, detail) in pairs:
            report(name, "its critical or substantive and cosmetic differences look different", ok, detail)
    except Timeout as e:
        report(where, f"timed out: no answer from Chromium in {args.timeout:g} s (waiting for {e})", False)
        print(browser.log_tail(), file=sys.stderr)
    except BrowserGone as e:
        report(where, f"Chromium exited (status {browser.proc.poll()}) while waiting for {e}", False)
        print(browser.log_tail(), file=sys.stderr)
    except RuntimeError as e:
        report(where, str(e), False)
        print(browser.log_tail(), file=sys.stderr)
    finally:
        browser.close()
    took = time.monotonic() - started
    print(f"browser check: {report.passed} ok, {report.failed} failed, {len(pages)} pages, {took:.1f} s in Chromium")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
