#!/usr/bin/env python3
"""Runs one of our JSON-lines Halite bots under the original Halite environment: speaks the
original's text protocol on stdin/stdout (environment/networking/Networking.cpp: tag, "w h",
productions, run-length map at init, then a name line; a map per frame, then "x y d ..."),
and our JSON messages with the bot. Usage: adapter.py <bot dir holding `run`>. The bot's
stderr goes to adapter.<tag>.log in the working directory, because the original reads a bot's
stderr and stdout from one pipe."""
import json
import subprocess
import sys


def read_line():
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    return line


def decode_map(text, w, h):
    nums = [int(t) for t in text.split()]
    owners, k = [], 0
    while len(owners) < w * h:
        count, owner = nums[k], nums[k + 1]
        owners.extend([owner] * count)
        k += 2
    strengths = nums[k : k + w * h]
    rows = lambda flat: [flat[y * w : (y + 1) * w] for y in range(h)]
    return {"owners": rows(owners), "strengths": rows(strengths)}


def main():
    bot_dir = sys.argv[1]
    tag = int(read_line())
    w, h = (int(t) for t in read_line().split())
    prod_flat = [int(t) for t in read_line().split()]
    production = [prod_flat[y * w : (y + 1) * w] for y in range(h)]
    first_map = decode_map(read_line(), w, h)
    log = open(f"adapter.{tag}.log", "w")
    bot = subprocess.Popen([f"{bot_dir}/run"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)

    def ask(msg):
        bot.stdin.write(json.dumps(msg, separators=(",", ":")) + "\n")
        bot.stdin.flush()
        return json.loads(bot.stdout.readline())

    init = {"type": "init", "you": tag, "width": w, "height": h, "production": production, "map": first_map}
    reply = ask(init)
    name = str(reply.get("name") or f"bot{tag}").replace("\n", " ")
    sys.stdout.write(name + "\n")
    sys.stdout.flush()
    turn = 0
    while True:
        game_map = decode_map(read_line(), w, h)
        turn += 1
        reply = ask({"type": "frame", "turn": turn, "you": tag, "map": game_map})
        sys.stdout.write(" ".join(f"{x} {y} {d}" for x, y, d in reply["moves"]) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
