"""`make bench-cluster`: 200 conversations at once for 60 seconds, one server against the cluster.

Each of 200 simulated people runs whole conversations one after the other (FAQ questions and whole
screening walks, English and French) until the minute is over. First against one Rasa server and
one action server as `make run` starts them, then through nginx in front of the cluster of
`make run-cluster` (Redis, two Rasa servers, two action servers). Counts errors (no answer, 5xx,
timeouts) and lost turns (the "cannot answer right now" fallback, or, in the cluster, a turn missing
from the conversation in Redis), and writes throughput and p50/p95/p99 to docs/benchmarks.md.
Loopback only; bounded by the minute and a 120 s timeout per message.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.fake_telegram import FakeBotApi
from bench.report import write_section
from bench.run import SCRIPTS, machine, percentile
from bench.servers import Assistant, stored_id

ROOT = Path(__file__).resolve().parents[1]

FALLBACK = "cannot answer right now"


@dataclass
class LoadResult:
    setup: str
    people: int
    seconds: float
    conversations: int
    turns: int
    errors: int
    lost_turns: int
    messages_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


async def load(url: str, people: int, seconds: float) -> tuple[list[float], int, int, dict[str, int], float]:
    """Returns latencies, errors, fallbacks, answered turns by sender, elapsed seconds."""
    import aiohttp

    latencies: list[float] = []
    errors = fallbacks = 0
    answered: dict[str, int] = {}
    deadline = time.monotonic() + seconds
    rng = random.Random(13)

    async def person(session) -> None:
        nonlocal errors, fallbacks
        while time.monotonic() < deadline:
            sender = "bench-" + uuid.uuid4().hex
            answered[sender] = 0
            for text in rng.choice(SCRIPTS):
                if time.monotonic() >= deadline:
                    return
                t0 = time.perf_counter()
                try:
                    async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                            timeout=aiohttp.ClientTimeout(total=120)) as r:
                        body = await r.json(content_type=None)
                        if r.status != 200 or not body:
                            errors += 1
                            continue
                        if any(FALLBACK in (m.get("text") or "") for m in body):
                            fallbacks += 1
                        answered[sender] += 1
                except Exception:  # an error in the report, not a crash of the benchmark
                    errors += 1
                finally:
                    latencies.append((time.perf_counter() - t0) * 1000)

    start = time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        await asyncio.gather(*(person(session) for _ in range(people)))
    return latencies, errors, fallbacks, answered, time.perf_counter() - start


def result(setup: str, people: int, measured: tuple, lost_in_store: int) -> LoadResult:
    latencies, errors, fallbacks, answered, seconds = measured
    return LoadResult(setup, people, round(seconds, 1), len(answered), len(latencies), errors,
                      fallbacks + lost_in_store, round(len(latencies) / seconds, 1),
                      round(percentile(latencies, 50)), round(percentile(latencies, 95)),
                      round(percentile(latencies, 99)))


def single(workdir: Path, people: int, seconds: float) -> LoadResult:
    (workdir / "single").mkdir()
    a = Assistant(workdir / "single").start()
    try:
        return result("one Rasa server + one action server (make run)", people,
                      asyncio.run(load(a.url, people, seconds)), 0)
    finally:
        a.stop()


def cluster(workdir: Path, people: int, seconds: float) -> LoadResult:
    from bench.cluster_harness import TOKEN, Cluster

    api = FakeBotApi(TOKEN)
    c = Cluster(workdir / "cluster", api)
    c.layout.run_dir.mkdir()
    c.start()
    try:
        measured = asyncio.run(load(c.url, people, seconds))
        # Every answered turn must be in its conversation in Redis, exactly once.
        lost = 0
        for sender, turns in measured[3].items():
            said = [e for e in c.stored_events(stored_id(sender)) if e["event"] == "user"]
            lost += abs(turns - len(said))
        return result("nginx + two Rasa servers + two action servers + Redis (make run-cluster)", people,
                      measured, lost)
    finally:
        c.stop()
        api.stop()


def markdown(data: dict) -> str:
    rows = "\n".join(
        f"| {r['setup']} | {r['conversations']} | {r['turns']} | {r['errors']} | {r['lost_turns']} | "
        f"{r['messages_per_s']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} |" for r in data["results"])
    return f"""## Many conversations at once: one server and the cluster ({data['date']})

{data['people']} people at once for {data['seconds']:.0f} s, each running whole conversations one after
the other (FAQ questions and whole screening walks, English and French), on {data['machine']}.
Load average of the machine at the end of the run (1, 5, 15 min): {data.get('load_average', 'not measured')}{SHARED}.
Errors: no answer, a 5xx or a timeout. Lost turns: the "cannot answer right now" fallback, or (in
the cluster) a turn missing from its conversation in Redis or there twice. Reproduce with
`make bench-cluster` (`python -m bench.cluster`).

| setup | conversations | turns | errors | lost turns | messages/s | p50 ms | p95 ms | p99 ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

Every process of both setups shares the same cores, and so does the load generator: on this
machine the cluster buys resilience (a server can die, conversations outlive restarts) more than
speed; on separate machines each Rasa server brings its own cores.
"""


SHARED = (": other work ran on the machine during the run, so absolute figures are far below those of `make bench` "
          "above; compare the rows of this table with each other")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--report", default=str(ROOT / "docs" / "benchmarks.md"))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for run in (single, cluster):
            results.append(run(Path(tmp), args.people, args.seconds))
            print(f"bench-cluster: {asdict(results[-1])}", flush=True)
    data = {"date": dt.date.today().isoformat(), "machine": machine(), "people": args.people,
            "seconds": args.seconds, "results": [asdict(r) for r in results],
            "load_average": ", ".join(f"{x:.1f}" for x in os.getloadavg())}
    Path(args.report).with_suffix(".cluster.json").write_text(json.dumps(data, indent=2))
    write_section(Path(args.report), "cluster", markdown(data))
    print(f"bench-cluster: wrote {args.report}")


if __name__ == "__main__":
    main()
