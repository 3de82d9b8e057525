"""`make bench`: this project's configuration against Rasa's stock one, same data, same run.

Trains both models when stale, serves each with the action server, drives scripted FAQ turns and
full screening conversations in English and French over the REST channel at several concurrency
levels, one configuration after the other, and writes docs/benchmarks.md and a chart.
Every request goes to 127.0.0.1; request loops are bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import subprocess
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.report import write_section
from bench.servers import Assistant

ROOT = Path(__file__).resolve().parents[1]

CONFIGS = {"project": ROOT / "config.yml", "stock": ROOT / "bench" / "stock_config.yml"}
# The project's model is the one `make train` keeps; the stock one is trained beside it.
MODEL_NAMES = {"project": "trp", "stock": "stock"}

FAQ_EN = ["hi", "how much does it cost", "can i work", "do i have to testify", "how long does the permit last",
          "thanks"]
FAQ_FR = ["bonjour", "combien ça coûte", "est-ce que je peux travailler", "est-ce que je dois témoigner",
          "le permis dure combien de temps", "merci"]
SCREEN_EN = ["can i get a permit", "yes", "yes", "no", "my visa expired", "two years ago", "no",
             "my boss took my passport", "no", "no", "no", "Calgary"]
SCREEN_FR = ["est-ce que je peux avoir un permis", "oui", "oui", "non", "mon visa est expiré", "il y a deux ans", "non",
             "mon patron a pris mon passeport", "non", "non", "non", "Montréal"]
SCRIPTS = [FAQ_EN, FAQ_FR, SCREEN_EN, SCREEN_FR]


@dataclass
class LevelResult:
    concurrency: int
    conversations: int
    turns: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    messages_per_s: float
    peak_rss_mb: float


@dataclass
class ConfigResult:
    name: str
    train_seconds: float | None
    trained_now: bool
    model_mb: float
    first_answer_s: float
    idle_rss_mb: float
    levels: list[LevelResult] = field(default_factory=list)


def tiny_config(config: Path) -> Path:
    """The same configuration with every epoch count set to 1: for smoke tests, not measurements."""
    import yaml

    data = yaml.safe_load(config.read_text())
    for item in data.get("pipeline", []) + data.get("policies", []):
        if "epochs" in item:
            item["epochs"] = 1
    out = ROOT / "models" / f"{config.stem}-tiny.yml"
    out.parent.mkdir(exist_ok=True)
    out.write_text(yaml.safe_dump(data, sort_keys=False))
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc (no extra package needed)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return total / 1024


def train(name: str, config: Path) -> tuple[float | None, bool]:
    """Trains models/<name>.tar.gz if stale; returns (seconds, trained_now)."""
    record = ROOT / "models" / f"{name}.train_seconds"  # written by scripts/train.sh
    out = subprocess.run([str(ROOT / "scripts" / "train.sh"), str(config), name], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"bench: training {name} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    seconds = float(record.read_text()) if record.exists() else None
    return seconds, "is up to date" not in out.stdout


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q / 100 * (len(values) - 1))))
    return values[k]


async def converse(session, url: str, script: list[str], latencies: list[float], errors: list[int],
                   deadline: float) -> None:
    import aiohttp

    sender = "bench-" + uuid.uuid4().hex
    for text in script:
        if time.monotonic() > deadline:
            return
        t0 = time.perf_counter()
        try:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                    timeout=aiohttp.ClientTimeout(total=60)) as r:
                body = await r.json()
                if r.status != 200 or not body:
                    errors.append(1)
        except Exception:  # a failed request is an error in the report, not a crash of the benchmark
            errors.append(1)
        latencies.append((time.perf_counter() - t0) * 1000)


async def drive(url: str, pid: int, concurrency: int, conversations: int, max_seconds: float) -> LevelResult:
    import aiohttp

    latencies: list[float] = []
    errors: list[int] = []
    peak = [rss_mb(pid)]
    deadline = time.monotonic() + max_seconds
    sem = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        async with sem:
            await converse(session, url, SCRIPTS[i % len(SCRIPTS)], latencies, errors, deadline)

    async def sample() -> None:
        while True:
            peak[0] = max(peak[0], rss_mb(pid))
            await asyncio.sleep(0.5)

    async with aiohttp.ClientSession() as session:
        sampler = asyncio.create_task(sample())
        start = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(conversations)))
        seconds = time.perf_counter() - start
        sampler.cancel()
    return LevelResult(concurrency, conversations, len(latencies), len(errors), round(seconds, 2),
                       round(percentile(latencies, 50), 1), round(percentile(latencies, 95), 1),
                       round(percentile(latencies, 99), 1), round(len(latencies) / seconds, 2), round(peak[0], 1))


def first_answer(a: Assistant, started: float) -> float:
    while time.monotonic() - started < 300:
        try:
            if a.send("bench-warmup-" + uuid.uuid4().hex, "hi"):
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("bench: no answer within 300 s")


def run_config(name: str, levels: list[tuple[int, int]], max_seconds: float, workdir: Path,
               tiny: bool = False) -> ConfigResult:
    config, model_name = CONFIGS[name], MODEL_NAMES[name]
    if tiny and name == "stock":
        config, model_name = tiny_config(config), "stock-tiny"
    seconds, trained_now = train(model_name, config)
    model = ROOT / "models" / f"{model_name}.tar.gz"
    (workdir / name).mkdir(parents=True, exist_ok=True)
    a = Assistant(workdir / name, model=model, actions=False, stock=(name == "stock"))
    a.start_action_server()
    started = time.monotonic()  # from launching the Rasa server to its first answer
    a.start()
    first = first_answer(a, started)
    pid = a.procs["rasa"].pid
    idle = rss_mb(pid)
    result = ConfigResult(name, seconds, trained_now, round(model.stat().st_size / 1e6, 2), round(first, 1),
                          round(idle, 1))
    try:
        for concurrency, conversations in levels:
            result.levels.append(asyncio.run(drive(a.url, pid, concurrency, conversations, max_seconds)))
            print(f"bench: {name} x{concurrency}: {asdict(result.levels[-1])}", flush=True)
    finally:
        a.stop()
    return result


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tiny", action="store_true", help="smoke-test settings: few conversations, low concurrency")
    ap.add_argument("--report", default=str(ROOT / "docs" / "benchmarks.md"))
    ap.add_argument("--chart", default=str(ROOT / "docs" / "benchmarks.png"))
    ap.add_argument("--configs", default="project,stock")
    args = ap.parse_args(argv)
    levels = [(1, 2), (2, 4)] if args.tiny else [(1, 24), (10, 60), (50, 150)]
    max_seconds = 60 if args.tiny else 240
    with tempfile.TemporaryDirectory() as tmp:
        results = [run_config(n, levels, max_seconds, Path(tmp), args.tiny) for n in args.configs.split(",")]
    data = {"date": dt.date.today().isoformat(), "machine": machine(), "tiny": args.tiny,
            "results": [asdict(r) for r in results]}
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    (Path(args.report).with_suffix(".bench.json")).write_text(json.dumps(data, indent=2))
    from bench.report import speed_chart, speed_markdown

    speed_chart(data, Path(args.chart))
    write_section(Path(args.report), "bench", speed_markdown(data, Path(args.chart)))
    print(f"bench: wrote {args.report} and {args.chart}")


if __name__ == "__main__":
    main()
