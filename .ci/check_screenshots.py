#!/usr/bin/env python3
"""Fails unless every named screenshot exists, is a PNG, and is not blank.

Usage: check_screenshots.py DIR name [name...]
"Blank" means almost one colour: fewer than 1% of sampled pixels differ from
the most common one. Uses only the standard library (zlib + PNG filters).
"""
import struct, sys, zlib, collections, pathlib


def pixels(path):
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
            if depth != 8:
                raise ValueError(f"bit depth {depth} not supported")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    folder = pathlib.Path(sys.argv[1])
    failed = False
    for name in sys.argv[2:]:
        path = folder / f"{name}.png"
        if not path.exists():
            print(f"MISSING {path}")
            failed = True
            continue
        w, h, ch, rows = pixels(path)
        counts = collections.Counter()
        for y in range(0, h, 8):
            row = rows[y]
            for x in range(0, w, 8):
                counts[row[x * ch:x * ch + 3]] += 1
        total = sum(counts.values())
        top = counts.most_common(1)[0][1]
        varied = 1 - top / total
        status = "ok" if varied >= 0.01 and len(counts) > 8 else "BLANK"
        print(f"{status:7} {path} {w}x{h}, {len(counts)} colours sampled, {varied:.1%} off the main colour")
        failed |= status != "ok"
    sys.exit(1 if failed else 0)


main()
