"""Start to usable on the real launch path, seen on the screen: from process start until the
screen settles showing the article and its preview, as a person's eyes would see it.

Each round starts, on its own Xvfb at 1366×768 (no window manager), one fresh process of:

  bare         a bare PySide6 QMainWindow with a QPlainTextEdit showing the article's text
               (usable_bare_child.py)
  floor        the stack floor (stack_floor_child.py): sqlite-utils and Python-Markdown read
               and render the article, one window shows list, editor and preview at once
  galley       the real path: galley --store S gui --open ID, the .venv of --galley CHECKOUT
               ($GALLEY_CHECKOUT, else the checkout holding this script)
  retext       ReText opening the article exported as plain Markdown, live preview on
  ghostwriter  ghostwriter opening the same file, HTML preview open

An observer process (``--observe``), started before each contender, grabs the whole screen
every 15 ms through MIT-SHM (xscreen.py) and compares frames. Usable = the time, from the
contender's spawn, of the first frame that is not blank (not the empty screen, not one
colour), after which the screen stays unchanged for ≥ 500 ms (a change of ≤ 1,000 pixels,
a blinking text cursor or a scroll bar's thumb, is not a change), and which is complete:
within 10,000 pixels of the final screen (the screen once still for 3 s), so a window frame
saying "Opening…" or an empty preview pane that holds still is not usable yet. The
contender is then closed as a window manager would (WM_DELETE_WINDOW), so settings are
saved and the next start is a normal warm start; one untimed warm-up run each first.
The order of stores and contenders is reversed every other round; medians.

python benchmarks/bench_usable.py [--rounds 5] [--stores 1,100000] [--galley CHECKOUT]
       [--only bare,floor,galley,retext,ghostwriter] [--shots DIR]
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from common import Result

HERE = Path(__file__).resolve().parent
SETTLE_S = 0.5  # the screen unchanged this long after a frame: that frame is "usable"
HOLD_S = 3.0  # the observer stops once the screen has been still this long (the final screen)
COMPLETE_PX = 10_000  # a usable frame is within ~1 % of the screen's pixels of the final screen
LIMIT_S = 60.0  # a contender that never settles is given up after this long
PERIOD_S = 0.015  # one grab every 15 ms
STILL_PX = 1_000  # a change of ≤ 0.1 % of the screen's pixels (a blinking text cursor, a
#                   scroll bar's thumb resized) is not a change
SCREEN = (1366, 768)
TARGET_FLOOR = 1.2  # Galley ≤ 1.2 × the stack floor, and faster than ReText and ghostwriter


# -- the observer (a separate process: python bench_usable.py --observe DISPLAY [PNG]) --------
def observe(display: str, png: str | None) -> int:
    """Grab the screen until it has been still for HOLD_S (or LIMIT_S); then read the
    contender's spawn time (monotonic seconds) on stdin and print one JSON line: the usable
    time and the last change (ms from spawn), every run of frames (start, length, blank,
    pixels apart from the final screen) and the grab rate. Saves the usable frame as
    ``png`` (and the final screen beside it when they differ)."""
    from xscreen import Screen

    screen = Screen(display)
    screen.start_grabbing()
    width, height, stride = screen.width, screen.height, screen.bytes_per_line
    background = screen.grab()
    print("READY", flush=True)

    def blank(frame: bytes) -> bool:
        return frame == background or frame.count(frame[:4]) * 4 == len(frame)

    from PIL import Image, ImageChops

    def image(frame: bytes) -> Image.Image:
        return Image.frombuffer("RGB", (width, height), frame, "raw", "BGRX", stride, 1)

    def apart(a: bytes, b: bytes) -> int:
        """How many pixels differ between two frames (2 ms at 1366×768)."""
        if a == b:
            return 0
        difference = ImageChops.difference(image(a), image(b)).convert("L")
        return width * height - difference.histogram()[0]

    # runs: [start, last seen, blank, frame or None]; a new run begins at each real change.
    # Every run's frame is kept (a few dozen at most) to say how far each was from the end.
    runs: list[list] = []
    ref = prev = background
    grabs, start = 0, time.monotonic()
    runs.append([start, start, True, None])
    next_at = start
    while True:
        frame = screen.grab()
        now = time.monotonic()
        grabs += 1
        if frame != prev:
            if apart(ref, frame) > STILL_PX:
                last = runs[-1]
                if len(runs) > 50 and (last[2] or now - last[0] < SETTLE_S):
                    last[3] = None  # a busy screen: keep only the candidates' frames
                ref = frame
                runs.append([now, now, blank(frame), frame])
            prev = frame
        runs[-1][1] = now
        still = now - runs[-1][0]
        if (not runs[-1][2] and still >= HOLD_S) or now - start > LIMIT_S:
            break
        next_at += PERIOD_S
        pause = next_at - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        else:
            next_at = time.monotonic()
    windows = screen.top_levels()
    spawn = float(sys.stdin.readline())
    final = image(ref)
    settled = not runs[-1][2] and runs[-1][1] - runs[-1][0] >= HOLD_S

    usable = None
    described = []
    for n, (begun, seen, empty, frame) in enumerate(runs[1:], 1):
        ends = runs[n + 1][0] if n + 1 < len(runs) else seen
        off = apart(frame, ref) if frame is not None else None
        if frame is not None and os.environ.get("USABLE_DEBUG_FRAMES") and png:
            image(frame).save(png.removesuffix(".png") + f"-{(begun - spawn) * 1000:05.0f}ms.png")
        described.append(
            [round((begun - spawn) * 1000, 1), round((ends - begun) * 1000), empty, off]
        )
        complete = off is not None and off <= COMPLETE_PX
        if usable is None and settled and complete and not empty and ends - begun >= SETTLE_S:
            usable = (begun, frame)
    result = {
        "usable_ms": None if usable is None else (usable[0] - spawn) * 1000,
        "last_change_ms": (runs[-1][0] - spawn) * 1000,
        "settled": settled,
        "runs": described,
        "grab_ms": (time.monotonic() - start) * 1000 / max(grabs, 1),
        "windows": [[name, box] for _, name, box in windows],
    }
    if png:
        if usable is not None:
            image(usable[1]).save(png)
        if usable is None or usable[1] != ref:
            final.save(png.removesuffix(".png") + "-final.png")
    print("OBSERVED " + json.dumps(result, ensure_ascii=False), flush=True)
    screen.close()
    return 0


# -- the harness ---------------------------------------------------------------------------------
@dataclass
class Contender:
    key: str
    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    first_stills: list[float | None] = field(default_factory=list)
    unsettled: int = 0
    windows: str = ""
    runs: list[list[list[float | bool]]] = field(default_factory=list)


def free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    for _ in range(5):
        n = free_display()
        server = subprocess.Popen(
            ["Xvfb", f":{n}", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                time.sleep(0.2)
                if server.poll() is None:
                    return server, f":{n}"
                break
            if server.poll() is not None:
                break
            time.sleep(0.05)
        server.kill()
        server.wait()
    raise RuntimeError("Xvfb did not start")


def galley_run(galley: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [str(galley / ".venv" / "bin" / "galley"), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def peer_markdown(galley: Path, env: dict[str, str], store: Path, ref: str, folder: Path) -> Path:
    """The article as plain Markdown for ReText and ghostwriter: its title as a heading, the
    dek, the body with Galley's figure references as images of the exported bundle, and the
    further-reading fences dropped (their list kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    galley_run(galley, env, "--store", str(store), "export", ref, "--out", str(folder))
    article = json.loads(galley_run(galley, env, "--store", str(store), "show", "--json", ref))
    bundle = folder / article["slug"]
    images = {}
    for figure in article.get("figures") or []:
        found = sorted((bundle / "media" / "source").glob(f"{figure['key']}.*"))
        if found:
            alt = figure.get("caption") or figure.get("alt") or figure["key"]
            images[figure["key"]] = f"![{alt}](media/source/{found[0].name})"
    body = re.sub(r"!\[\[([^\]]+)\]\]", lambda m: images.get(m.group(1), ""), article["body"])
    body = "\n".join(line for line in body.splitlines() if not line.startswith(":::"))
    text = f"# {article['title']}\n\n*{article['dek']}*\n\n{body}\n"
    path = bundle / "article-plain.md"
    path.write_text(text, encoding="utf-8")
    return path


def prepare_home(home: Path) -> dict[str, str]:
    """A person's home with the editors' settings: ReText's live preview on by default,
    ghostwriter's HTML preview open, no session restore, Galley's user named."""
    for d in ("config", "data", "cache", "state", "runtime"):
        (home / d).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    retext = home / "config" / "ReText project"
    retext.mkdir(exist_ok=True)
    (retext / "ReText.conf").write_text(
        "[General]\ndefaultPreviewState=live-preview\nlivePreviewByDefault=true\n"
        "openLastFilesOnStartup=false\n",
        encoding="utf-8",
    )
    ghost = home / "config" / "ghostwriter"
    ghost.mkdir(exist_ok=True)
    (ghost / "ghostwriter.conf").write_text(
        "[Preview]\nhtmlPreviewOpen=true\n\n[Session]\nrestoreSession=false\n",
        encoding="utf-8",
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "WAYLAND_DISPLAY", "SESSION_MANAGER"}
    }
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_RUNTIME_DIR": str(home / "runtime"),
            # Bytecode as an installed app has it, kept out of the checkouts' own folders.
            "PYTHONPYCACHEPREFIX": str(home / "pycache"),
            "QT_QPA_PLATFORM": "xcb",
            "GALLEY_USER": "benchmark",
            "LANG": os.environ.get("LANG") or "C.UTF-8",
            # QtWebEngine (ghostwriter's preview) refuses to run as root with its sandbox.
            **({"QTWEBENGINE_DISABLE_SANDBOX": "1"} if os.geteuid() == 0 else {}),
        }
    )
    return env


def one_run(
    contender: Contender, display: str, screen: object, png: Path | None
) -> dict[str, object]:
    env = {**contender.env, "DISPLAY": display}
    observer = subprocess.Popen(
        [sys.executable, str(HERE / "bench_usable.py"), "--observe", display, str(png or "")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
        cwd=HERE,
    )
    assert observer.stdin is not None and observer.stdout is not None
    if observer.stdout.readline().strip() != "READY":
        raise RuntimeError("the observer did not start")
    log = open(Path(env["HOME"]) / f"{contender.key}.log", "a")  # noqa: SIM115
    spawn = time.monotonic()
    child = subprocess.Popen(
        contender.argv, env=env, stdout=log, stderr=log, start_new_session=True
    )
    observer.stdin.write(f"{spawn!r}\n")
    observer.stdin.flush()
    result: dict[str, object] | None = None
    for line in observer.stdout:
        if line.startswith("OBSERVED "):
            result = json.loads(line[len("OBSERVED ") :])
    observer.wait()
    close(child, screen)
    log.close()
    if result is None:
        raise RuntimeError(f"the observer gave no result for {contender.key}")
    result["exit"] = child.returncode
    return result


def close(child: subprocess.Popen[bytes], screen: object) -> None:
    """Close the window as a window manager would; the whole process group after 10 s."""
    asked = screen.close_all()  # type: ignore[attr-defined]
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=10 if asked else 1)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(child.pid, sig)  # helpers it forked (renderer, QtWebEngineProcess)
        except ProcessLookupError:
            break
        time.sleep(0.3)
    if child.poll() is None:
        child.wait(timeout=5)
    deadline = time.monotonic() + 5
    while screen.top_levels() and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.1)
    time.sleep(0.5)  # the next start does not share the machine with this one's exit


def contenders(
    galley: Path, env: dict[str, str], store: Path, ref: str, md: Path
) -> list[Contender]:
    python = str(galley / ".venv" / "bin" / "python")
    return [
        Contender(
            "bare",
            "bare PySide6 + QPlainTextEdit",
            [python, str(HERE / "usable_bare_child.py"), str(md)],
            env,
        ),
        Contender(
            "floor",
            "stack floor: sqlite-utils + Markdown, list/editor/preview",
            [python, str(HERE / "stack_floor_child.py"), str(store), ref],
            env,
        ),
        Contender(
            "galley",
            "Galley: galley --store S gui --open ID",
            [str(galley / ".venv" / "bin" / "galley"), "--store", str(store), "gui", "--open", ref],
            env,
        ),
        Contender("retext", "ReText, live preview", ["retext", str(md)], env),
        Contender("ghostwriter", "ghostwriter, HTML preview", ["ghostwriter", str(md)], env),
    ]


def stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def main() -> int:
    args = sys.argv[1:]

    def option(name: str, default: str) -> str:
        return args[args.index(name) + 1] if name in args else default

    rounds = int(option("--rounds", "5"))
    sizes = [int(s) for s in option("--stores", "1,100000").split(",")]
    # The checkout whose .venv/bin/galley is timed: --galley, $GALLEY_CHECKOUT, else this one.
    galley = Path(option("--galley", os.environ.get("GALLEY_CHECKOUT", str(HERE.parent))))
    galley = galley.resolve()
    if not (galley / ".venv" / "bin" / "galley").exists():
        raise SystemExit(f"no {galley}/.venv/bin/galley: name the checkout with --galley DIR")
    if not shutil.which("Xvfb"):
        raise SystemExit("bench_usable.py needs Xvfb (Debian: xvfb)")
    only = option("--only", "bare,floor,galley,retext,ghostwriter").split(",")
    missing = [k for k in ("retext", "ghostwriter") if k in only and not shutil.which(k)]
    if missing:
        print(f"not installed, left out: {', '.join(missing)}", file=sys.stderr)
        only = [k for k in only if k not in missing]
    shots = Path(option("--shots", str(HERE / "out")))
    shots.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="galley-usable-"))
    env = prepare_home(work / "home")

    stores: dict[int, tuple[Path, str]] = {}
    for size in sizes:
        if size == 1:
            store = work / "one.sqlite"
            fixture = HERE.parent / "tests" / "fixtures" / "typhoon-drill" / "article.md"
            if not fixture.exists():
                fixture = galley / "tests" / "fixtures" / "typhoon-drill" / "article.md"
            galley_run(galley, env, "--store", str(store), "import", str(fixture))
        else:
            sys.path.insert(0, str(HERE))
            from corpus import default_store

            store = default_store(size)
        ref = galley_run(galley, env, "--store", str(store), "list", "--limit", "1").split()[0]
        stores[size] = (store, ref)

    load_start = os.getloadavg()[0]
    timed = checkout_state(galley)
    server, display = start_xvfb()
    sys.path.insert(0, str(HERE))
    from xscreen import Screen

    screen = Screen(display)
    table: dict[int, list[Contender]] = {}
    try:
        for size, (store, ref) in stores.items():
            md = peer_markdown(galley, env, store, ref, work / f"export-{size}")
            table[size] = [c for c in contenders(galley, env, store, ref, md) if c.key in only]
            for c in table[size]:  # warm-up: settings written, page cache and bytecode warm
                warm = one_run(c, display, screen, None)
                print(
                    f"warm-up {size:>7,} {c.key:<12} {fmt_ms(warm['usable_ms'])}", file=sys.stderr
                )
        for n in range(rounds):
            order = list(table.items())
            for size, cs in order if n % 2 == 0 else order[::-1]:
                for c in cs if n % 2 == 0 else cs[::-1]:
                    png = shots / f"usable-{size}-{c.key}.png" if n == rounds - 1 else None
                    r = one_run(c, display, screen, png)
                    c.runs.append(r["runs"])  # type: ignore[arg-type]
                    c.windows = ", ".join(f"{b[2]}×{b[3]}" for _, b in r["windows"])  # type: ignore[union-attr]
                    if r["usable_ms"] is None:
                        c.unsettled += 1
                    else:
                        c.times.append(float(r["usable_ms"]))  # type: ignore[arg-type]
                        c.first_stills.append(first_still(r["runs"]))  # type: ignore[arg-type]
                    print(
                        f"round {n + 1} {size:>7,} {c.key:<12} usable {fmt_ms(r['usable_ms'])} "
                        f"last change {fmt_ms(r['last_change_ms'])} grab {r['grab_ms']:.1f} ms "
                        f"exit {r['exit']} "
                        f"runs {r['runs']}",
                        file=sys.stderr,
                    )
    finally:
        screen.close()
        server.terminate()
        server.wait()
    report(
        table,
        rounds,
        f"load average {load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end; "
        f"Galley timed: {timed}",
    )
    if "--keep" in args:
        print(f"kept {work}", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def checkout_state(checkout: Path) -> str:
    """The timed checkout, its commit and whether it had uncommitted changes."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(checkout), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "?"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"{checkout} at {commit}" + (" + uncommitted changes" if dirty else "")


def fmt_ms(value: object) -> str:
    return "never" if value is None else f"{float(value):,.0f} ms"  # type: ignore[arg-type]


def first_still(runs: list[list[float | bool | None]]) -> float | None:
    """When the screen first held still ≥ SETTLE_S on something not blank, complete or not."""
    for begun, length, empty, _apart in runs:
        if not empty and float(length) >= SETTLE_S * 1000:  # type: ignore[arg-type]
            return float(begun)  # type: ignore[arg-type]
    return None


def rows(table: dict[int, list[Contender]], rounds: int) -> list[tuple[Result, str, str, str]]:
    """(result, min–max, target, verdict) for each contender and each ratio, per store."""
    from common import Result, fmt

    out: list[tuple[Result, str, str, str]] = []
    for size, cs in table.items():
        where = "1 article" if size == 1 else f"{size:,} articles"
        medians = {c.key: statistics.median(c.times) for c in cs if c.times}
        for c in cs:
            what = f"usable, {where}: {c.label}"
            if not c.times:
                out.append((Result(what, float("nan"), note="never settled"), "", "", ""))
                continue
            median, low, high = stats(c.times)
            notes = [f"window {c.windows or 'none'}"]
            early = [
                (f, t)
                for f, t in zip(c.first_stills, c.times, strict=True)
                if f is not None and f < t - 1
            ]
            if early:
                held = statistics.median(f for f, _ in early)
                notes.append(
                    f"an unfinished screen held still first in {len(early)}/{len(c.times)} "
                    f"(from {held:,.0f} ms)"
                )
            if c.unsettled:
                notes.append(f"never settled in {c.unsettled}/{rounds}")
            target = verdict = ""
            if c.key == "galley" and "floor" in medians:
                target = f"≤ {TARGET_FLOOR} × floor, < peers"
                peers = [medians[k] for k in ("retext", "ghostwriter") if k in medians]
                ok = median <= TARGET_FLOOR * medians["floor"] and all(median < p for p in peers)
                verdict = "ok" if ok else "MISSED"
            result = Result(what, median, high, note="; ".join(notes))
            out.append((result, f"{fmt(low)}–{fmt(high)}", target, verdict))
        if "galley" not in medians:
            continue
        galley = medians["galley"]
        for key, name, limit in (
            ("floor", "stack floor", TARGET_FLOOR),
            ("retext", "ReText", 1.0),
            ("ghostwriter", "ghostwriter", 1.0),
            ("bare", "bare window", None),
        ):
            if key not in medians:
                continue
            ratio = galley / medians[key]
            target = verdict = ""
            if limit is not None:
                ok = ratio <= limit if limit > 1 else ratio < limit
                target = f"≤ {limit:.2f} ×" if limit > 1 else "< 1.00 ×"
                verdict = "ok" if ok else "MISSED"
            note = f"{galley:,.0f} / {medians[key]:,.0f} ms"
            what = f"usable ratio: Galley / {name} ({where})"
            out.append((Result(what, ratio, unit="×", note=note), "", target, verdict))
    return out


def report(table: dict[int, list[Contender]], rounds: int, load: str) -> None:
    from common import fmt
    from run import machine

    results = rows(table, rounds)
    if "--json" in sys.argv:
        from dataclasses import asdict

        print("RESULTS " + json.dumps([asdict(r) for r, *_ in results], ensure_ascii=False))
        return
    print(
        f"start to usable, seen on the screen: Xvfb {SCREEN[0]}×{SCREEN[1]}, a grab every "
        f"{PERIOD_S * 1000:.0f} ms, usable = still ≥ {SETTLE_S * 1000:.0f} ms and complete; "
        f"{rounds} rounds, medians"
    )
    print(f"machine: {machine()}; {load}")
    width = max(len(r.what) for r, *_ in results) + 2
    print(f"{'what':<{width}}{'median':>9}  {'min–max':<16}{'unit':<6}{'target':<26}{'':<8}note")
    for r, span, target, verdict in results:
        value = fmt(r.median, r.unit)
        print(f"{r.what:<{width}}{value:>9}  {span:<16}{r.unit:<6}{target:<26}{verdict:<8}{r.note}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--observe"]:
        sys.exit(observe(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None))
    sys.path.insert(0, str(HERE))
    sys.exit(main())
