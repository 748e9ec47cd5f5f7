#!/usr/bin/env python3
"""Synthesises the game's sound cues (16-bit mono 22.05 kHz WAVs). Run once:
python3 assets/sounds/make_sounds.py"""
import math, os, random, struct, wave

RATE = 22050
HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, samples):
    with wave.open(os.path.join(HERE, name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 30000)) for s in samples))


def tone(freqs, dur, attack=0.005, decay=8.0, amp=0.5, shape="sine"):
    out = []
    for i in range(int(dur * RATE)):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-decay * t)
        f = freqs(t) if callable(freqs) else freqs
        ph = 2 * math.pi * f * t
        s = math.sin(ph) + (0.25 * math.sin(2 * ph) if shape == "warm" else 0)
        out.append(amp * env * s)
    return out


def mix(*parts):
    n = max(len(p) for p, _ in parts) if parts else 0
    out = [0.0] * n
    for p, off in parts:
        o = int(off * RATE)
        for i, s in enumerate(p):
            if o + i < n:
                out[o + i] += s
    return out


def pad(samples, secs):
    return samples + [0.0] * int(secs * RATE)


write("select.wav", tone(880, 0.08, decay=40, amp=0.35, shape="warm"))
c = tone(659.25, 0.35, decay=9, amp=0.3, shape="warm")
e = tone(830.6, 0.35, decay=9, amp=0.3, shape="warm")
g = tone(987.8, 0.5, decay=7, amp=0.3, shape="warm")
write("correct.wav", mix((pad(c, 0.3), 0), (e, 0.09), (g, 0.18)))
write("wrong.wav", tone(lambda t: 220 - 60 * t, 0.4, decay=6, amp=0.4, shape="warm"))
write("tick.wav", tone(1320, 0.05, attack=0.001, decay=70, amp=0.35))
random.seed(7)
rustle = []
lp = 0.0
for i in range(int(0.6 * RATE)):
    t = i / RATE
    env = math.sin(math.pi * t / 0.6) ** 2 * (0.6 + 0.4 * math.sin(2 * math.pi * 9 * t))
    lp += 0.25 * (random.uniform(-1, 1) - lp)
    rustle.append(0.5 * env * lp)
write("leaves.wav", rustle)
