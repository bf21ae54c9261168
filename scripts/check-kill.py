#!/usr/bin/env python3
"""Kills `thidua convert-and-validate` with SIGKILL at random moments and checks what it
leaves: the results folder is always the previous run's or the new run's, whole — every
file the same bytes as a complete run's, report.json parses, every workbook is a sound
zip that openpyxl opens — and the hidden staging folders of killed runs are gone after
the next complete run.

    scripts/check-kill.py [THIDUA] [--kills 50] [--seed 5201]

The previous results come from another inbox (fixtures/inbox-thuc-te) than the killed
runs (fixtures/inbox), so that the two states can be told apart; every killed run starts
from a copy of them, since a run over earlier results says what changed since them.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def snapshot(folder):
    """relative path → SHA-256 of every file under folder; None when it is absent."""
    if not os.path.isdir(folder):
        return None
    found = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return found


def sound(folder, deep):
    """Problems of a results folder: report.json that does not parse, a workbook that is no zip."""
    problems = []
    try:
        with open(os.path.join(folder, "report.json"), encoding="utf-8") as f:
            json.load(f)
    except (OSError, ValueError) as e:
        problems.append(f"report.json: {e}")
    for base, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".xlsx"):
                continue
            path = os.path.join(base, name)
            try:
                with zipfile.ZipFile(path) as z:
                    if z.testzip() is not None:
                        problems.append(f"{name}: damaged zip entry")
                if deep:
                    openpyxl.load_workbook(path, read_only=True).close()
            except Exception as e:  # noqa: BLE001 - any failure to open is the finding
                problems.append(f"{name}: {e}")
    return problems


def run(thidua, inbox, out):
    subprocess.run([thidua, "convert-and-validate", inbox, "--out", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("thidua", nargs="?", default=os.path.join(ROOT, ".build", "debug", "thidua"))
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5201)
    args = parser.parse_args()
    thidua = os.path.abspath(args.thidua)
    previous_inbox = os.path.join(ROOT, "fixtures", "inbox-thuc-te")
    inbox = os.path.join(ROOT, "fixtures", "inbox")
    work = tempfile.mkdtemp(prefix="kill-")
    rng = random.Random(args.seed)
    try:
        # A run that replaces earlier results says what changed since them: the new state
        # is the run over a copy of the previous results, as every killed run starts.
        previous = os.path.join(work, "ref-previous")
        run(thidua, previous_inbox, previous)
        shutil.copytree(previous, os.path.join(work, "ref-new"))
        start = time.monotonic()
        run(thidua, inbox, os.path.join(work, "ref-new"))
        duration = time.monotonic() - start
        states = {"previous": snapshot(previous), "new": snapshot(os.path.join(work, "ref-new"))}
        out = os.path.join(work, "runs", "out")
        shutil.copytree(previous, out)
        seen = {"previous": 0, "new": 0, "absent": 0}
        problems = []
        for i in range(args.kills):
            process = subprocess.Popen([thidua, "convert-and-validate", inbox, "--out", out],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Half the kills anywhere in the run, half near its end, where the folder is swapped.
            time.sleep(rng.uniform(0, duration * 1.1) if i % 2 else rng.uniform(duration * 0.7, duration * 1.3))
            process.send_signal(signal.SIGKILL)
            process.wait()
            now = snapshot(out)
            if now is None:
                seen["absent"] += 1
                problems.append(f"kill {i + 1}: no results folder")
                continue
            state = next((name for name, files in states.items() if files == now), None)
            if state is None:
                problems.append(f"kill {i + 1}: the folder is neither the previous results nor the new ones")
                continue
            seen[state] += 1
            problems += [f"kill {i + 1}: {p}" for p in sound(out, deep=i % 10 == 0)]
            if state == "new":
                # Back to the previous results, for more swaps.
                shutil.rmtree(out)
                shutil.copytree(previous, out)
        run(thidua, inbox, out)
        left = [n for n in os.listdir(os.path.dirname(out)) if n != "out"]
        if left:
            problems.append(f"left beside the results after a complete run: {left}")
        print(f"SIGKILL at {args.kills} random moments of a {duration:.2f} s run: previous results "
              f"{seen['previous']}, new results {seen['new']}, absent {seen['absent']}, "
              f"{len(problems)} problems")
        for p in problems:
            print("  " + p)
        sys.exit(1 if problems else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
