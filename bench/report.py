"""Writes the measured figures into docs/benchmarks.md (one marked section per report) and charts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

HEADER = """# Benchmarks

Measured on this project's own machine kind, comparing this project's configuration with Rasa's
stock configuration (what `rasa init` trains with: DIET, TED, UnexpecTED, Rule and Memoization),
trained on the same data and domain and served with the same action server and NLG, one after the
other in the same run. Timings on shared machines are noisy: compare within one run.
"""

TARGETS = {
    "p95 latency at 1 conversation": "≤ 1/3 of stock",
    "throughput at 10 conversations": "≥ 3× stock",
    "resident memory of the Rasa server": "≤ 0.7× stock",
    "training time": "≤ 180 s",
    "first answer after start": "≤ 20 s",
}


def write_section(path: Path, key: str, body: str) -> None:
    """Replace (or add) the section between <!-- key:start --> and <!-- key:end -->."""
    text = path.read_text() if path.exists() else HEADER
    block = f"<!-- {key}:start -->\n{body.rstrip()}\n<!-- {key}:end -->"
    pattern = re.compile(rf"<!-- {key}:start -->.*?<!-- {key}:end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


def _level(result: dict, concurrency: int) -> dict | None:
    return next((lv for lv in result["levels"] if lv["concurrency"] == concurrency), None)


def targets(data: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(target, wanted, measured, met) for each target, as ratios within this run."""
    res = {r["name"]: r for r in data["results"]}
    ours, stock = res.get("project"), res.get("stock")
    rows: list[tuple[str, str, str, bool | None]] = []
    if ours and stock:
        lo, ls = _level(ours, 1), _level(stock, 1)
        if lo and ls:
            ratio = lo["p95_ms"] / ls["p95_ms"]
            rows.append(("p95 latency at 1 conversation", TARGETS["p95 latency at 1 conversation"],
                         f"{lo['p95_ms']:.0f} ms vs {ls['p95_ms']:.0f} ms = {ratio:.2f}×", ratio <= 1 / 3))
        to, ts = _level(ours, 10), _level(stock, 10)
        if to and ts:
            ratio = to["messages_per_s"] / ts["messages_per_s"]
            measured = f"{to['messages_per_s']:.1f} vs {ts['messages_per_s']:.1f} msg/s = {ratio:.2f}×"
            rows.append(("throughput at 10 conversations", TARGETS["throughput at 10 conversations"], measured,
                         ratio >= 3))
        mo = max([lv["peak_rss_mb"] for lv in ours["levels"]] + [ours["idle_rss_mb"]])
        ms = max([lv["peak_rss_mb"] for lv in stock["levels"]] + [stock["idle_rss_mb"]])
        rows.append(("resident memory of the Rasa server", TARGETS["resident memory of the Rasa server"],
                     f"{mo:.0f} MB vs {ms:.0f} MB = {mo / ms:.2f}×", mo / ms <= 0.7))
    if ours:
        t = ours["train_seconds"]
        rows.append(("training time", TARGETS["training time"], f"{t:.0f} s" if t else "not recorded",
                     (t <= 180) if t else None))
        first = ours["first_answer_s"]
        rows.append(("first answer after start", TARGETS["first answer after start"], f"{first:.1f} s", first <= 20))
    return rows


def speed_markdown(data: dict[str, Any], chart: Path) -> str:
    lines = [f"## Speed and memory ({data['date']})", "",
             "Reproduce: `make bench` (trains both models when stale, then measures both)." + (
                 " **Tiny smoke-test settings: not a measurement.**" if data.get("tiny") else ""),
             "", f"Machine: {data['machine']}.", "",
             "| configuration | training | model | first answer | idle RSS |", "| --- | --- | --- | --- | --- |"]
    for r in data["results"]:
        t = f"{r['train_seconds']:.0f} s" if r["train_seconds"] else "n/a"
        lines.append(
            f"| {r['name']} | {t} | {r['model_mb']} MB | {r['first_answer_s']} s | {r['idle_rss_mb']:.0f} MB |"
        )
    lines += ["", "| configuration | concurrent conversations | turns | errors | p50 | p95 | p99 | msg/s | peak RSS |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in data["results"]:
        for lv in r["levels"]:
            lines.append(
                f"| {r['name']} | {lv['concurrency']} | {lv['turns']} | {lv['errors']} | {lv['p50_ms']} ms "
                f"| {lv['p95_ms']} ms | {lv['p99_ms']} ms | {lv['messages_per_s']} | {lv['peak_rss_mb']:.0f} MB |"
            )
    lines += ["", "| target | wanted | measured | met |", "| --- | --- | --- | --- |"]
    for name, wanted, measured, met in targets(data):
        lines.append(f"| {name} | {wanted} | {measured} | {'yes' if met else ('n/a' if met is None else '**no**')} |")
    lines += ["", f"![latency, throughput and memory]({chart.name})"]
    return "\n".join(lines)


def speed_chart(data: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    for r in data["results"]:
        xs = [lv["concurrency"] for lv in r["levels"]]
        axes[0].plot(xs, [lv["p95_ms"] for lv in r["levels"]], marker="o", label=r["name"])
        axes[1].plot(xs, [lv["messages_per_s"] for lv in r["levels"]], marker="o", label=r["name"])
    names = [r["name"] for r in data["results"]]
    axes[2].bar(names, [max([lv["peak_rss_mb"] for lv in r["levels"]] + [r["idle_rss_mb"]]) for r in data["results"]])
    axes[0].set(title="p95 turn latency (ms)", xlabel="concurrent conversations", xscale="log")
    axes[1].set(title="messages per second", xlabel="concurrent conversations", xscale="log")
    axes[2].set(title="peak resident memory (MB)")
    axes[0].legend()
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
