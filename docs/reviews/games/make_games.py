#!/usr/bin/env python3
"""Writes five 20-question games for a blind editorial review, as one player
meets them: three Heartstopper games in a row (easy, medium, hard) sharing one
play history, then the solar-system and composers fixture packs at medium.

usage: make_games.py OUT_DIR FIRST_SEED   (run from the repository root after
`cargo build --release`); writes OUT_DIR/games.txt (for the reviewer) and
OUT_DIR/key.tsv (kind, topic and the engine's difficulty per question)."""
import json
import os
import subprocess
import sys

out_dir, first = sys.argv[1], int(sys.argv[2])
history = os.path.join(out_dir, "history.ron")
if os.path.exists(history):
    os.remove(history)
hs = "a 20-question game about Heartstopper (the Netflix series)"
games = [
    (hs, "easy", [], True),
    (hs, "medium", [], True),
    (hs, "hard", [], True),
    ("a 20-question game about the Solar System", "medium",
     ["--pack", "tests/fixtures/packs/solar_system.ron"], False),
    ("a 20-question game about classical composers", "medium",
     ["--pack", "tests/fixtures/packs/composers.ron"], False),
]
n = 0
text, key = [], ["number\tgame\tkind\ttopic\tengine_difficulty"]
for g, (title, level, packs, shared) in enumerate(games, 1):
    cmd = ["./target/release/leafquiz", "ask", "--count", "20", "--json",
           "--seed", str(first + g - 1), "--difficulty", level] + packs
    if shared:
        cmd += ["--history", history]
    lines = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    text.append(f"=== Game {g}: {title}, level '{level}' ===\n")
    for q in map(json.loads, lines.splitlines()):
        n += 1
        text.append(f"{n}. {q['prompt']}")
        text += [f"   {'ABCD'[i]}) {o}" for i, o in enumerate(q["options"])]
        text.append(f"   (answer: {'ABCD'[q['answer']]})")
        text.append(f"   Explanation: {q['explanation']}\n")
        key.append(f"{n}\t{g}\t{q['kind']}\t{q['topic']}\t{q['difficulty']}")
with open(os.path.join(out_dir, "games.txt"), "w") as f:
    f.write("\n".join(text) + "\n")
with open(os.path.join(out_dir, "key.tsv"), "w") as f:
    f.write("\n".join(key) + "\n")
print(n, "questions")
