#!/usr/bin/env python3
"""Medians from criterion's estimates, with ratios against the Heartstopper baseline of the same run."""
import json, pathlib, sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
rows = {}
for est in sorted(root.glob("**/new/estimates.json")):
    meta = json.loads((est.parent / "benchmark.json").read_text())
    rows[meta["full_id"]] = json.loads(est.read_text())["median"]["point_estimate"]

def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.0f} ns"

for group in ("question", "load_validate", "build_factbase"):
    base = rows.get(f"{group}/heartstopper")
    for key, ns in rows.items():
        if key.startswith(group + "/"):
            ratio = f"  ×{ns / base:.2f} vs heartstopper" if base else ""
            print(f"{key:<34} median {fmt(ns):>10}{ratio}")
