#!/usr/bin/env python3
"""Kills `thidua serve` with SIGKILL while files are being uploaded and checks that no file
the server acknowledged is lost: after each kill the server starts again on the same
workspace, every upload that had its answer is a receipt there, and every receipt's bytes
are in files/ with the SHA-256 it names.

    scripts/check-serve-kill.py [THIDUA] [--kills 5] [--seed 5201]

Uploads are the sample inbox's files and a few of 8 MiB of random bytes, sent one after
another from a thread, round after round, until the kill at a random moment.
"""
import argparse
import hashlib
import os
import random
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

from serve_session import free_port, sign_in, start

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def uploads(seed):
    rng = random.Random(seed)
    inbox = os.path.join(ROOT, "fixtures/inbox")
    files = [(name, open(os.path.join(inbox, name), "rb").read()) for name in sorted(os.listdir(inbox))]
    for k in range(3):
        files.insert(rng.randrange(len(files)), (f"lon-{seed}-{k}.bin", rng.randbytes(8 << 20)))
    return [(f"{seed}-{name}", data) for name, data in files]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("thidua", nargs="?", default=os.path.join(ROOT, ".build/debug/thidua"))
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=5201)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    problems = []
    acknowledged = {}
    with tempfile.TemporaryDirectory() as scratch:
        data = os.path.join(scratch, "data")
        password = None
        for kill in range(args.kills):
            port = free_port()
            server, first = start(args.thidua, data, port)
            password = first or password
            opener, token = sign_in(port, password)
            files = uploads(args.seed + kill)

            def send():
                # Round after round until the server is gone: the kill lands mid-stream.
                for round, (name, body) in ((r, f) for r in range(10_000) for f in files):
                    name = f"{round}-{name}"
                    request = urllib.request.Request(
                        f"http://127.0.0.1:{port}/upload", body,
                        {"X-CSRF-Token": token, "X-File-Name": urllib.parse.quote(name),
                         "Content-Type": "application/octet-stream"})
                    try:
                        if opener.open(request).status == 200:
                            acknowledged[name] = hashlib.sha256(body).hexdigest()
                    except OSError:
                        return

            sender = threading.Thread(target=send)
            sender.start()
            time.sleep(rng.uniform(0.3, 2.5))
            server.send_signal(signal.SIGKILL)
            server.wait()
            sender.join()
        # Started again, the workspace opens, and holds every acknowledged file whole.
        server, _ = start(args.thidua, data, free_port())
        server.send_signal(signal.SIGTERM)
        server.wait()
        db = sqlite3.connect(os.path.join(data, "thidua.sqlite"))
        receipts = dict(db.execute("SELECT name, sha256 FROM received_file"))
        for name, sha in acknowledged.items():
            if receipts.get(name) != sha:
                problems.append(f"{name}: acknowledged but not received ({receipts.get(name)})")
        for name, sha in receipts.items():
            path = os.path.join(data, "files", sha[:2], sha[2:])
            if not os.path.exists(path):
                problems.append(f"{name}: its bytes {sha} are missing")
            elif hashlib.sha256(open(path, "rb").read()).hexdigest() != sha:
                problems.append(f"{name}: its bytes are not {sha}")
    for p in problems:
        print(p)
    print(f"serve killed {args.kills} times during uploads: {len(acknowledged)} files acknowledged, "
          f"{len(receipts)} receipts (those whose answer the kill cut off included), {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
