#!/usr/bin/env python3
"""The shipped plan's outputs, byte for byte: `make` records them, `check` compares.

    python3 scripts/golden.py make  THIDUA   # writes fixtures/golden/<inbox>.<lang>.sha256
    python3 scripts/golden.py check THIDUA   # exit 1 naming every file that differs
    python3 scripts/golden.py check THIDUA --user U --inboxes DIR
        # as user U, with nothing in the environment but PATH=/usr/bin:/bin, from a
        # folder of its own, on copies of the inboxes in DIR (scripts/check-package)

Runs `convert-and-validate` on each inbox below (Vietnamese and English) and keeps the
SHA-256 of every output, of what it printed and of its exit status; a workbook is hashed
part by part, so a difference names the sheet. The definition's fingerprint is masked:
rewriting the plan's rules changes the definition's bytes, and what the outputs say must
not change with them. So is the temporary output folder the printed summary names.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "fixtures", "golden")
INBOXES = ["inbox", "inbox-thuc-te", "inbox-2018", "inbox-tong-ket"]
LANGUAGES = ["vi", "en"]


def digest(data: bytes, fingerprint: bytes) -> str:
    return hashlib.sha256(data.replace(fingerprint, b"<definition>")).hexdigest()


def label(line: str) -> str:
    return line.split("  ", 1)[1]


def hashes(out: str, run: subprocess.CompletedProcess) -> list[str]:
    with open(os.path.join(out, "report.json"), "rb") as f:
        fingerprint = json.load(f)["definition"]["fingerprint"].encode()
    lines = [
        # Kept apart: how a pipe interleaves the two streams is not the program's doing.
        f"{digest(run.stdout.replace(out.encode(), b'<out>'), fingerprint)}  (stdout)",
        f"{digest(run.stderr.replace(out.encode(), b'<out>'), fingerprint)}  (stderr)",
        f"{hashlib.sha256(str(run.returncode).encode()).hexdigest()}  (exit status)",
    ]
    for folder, _, names in os.walk(out):
        for name in names:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, out)
            if name.endswith(".xlsx"):
                with zipfile.ZipFile(path) as z:
                    for part in sorted(z.namelist()):
                        lines.append(f"{digest(z.read(part), fingerprint)}  {relative}:{part}")
            else:
                with open(path, "rb") as f:
                    lines.append(f"{digest(f.read(), fingerprint)}  {relative}")
    return sorted(lines, key=label)


def outputs(thidua: str, inbox: str, language: str, user: str | None, inboxes: str) -> list[str]:
    with tempfile.TemporaryDirectory() as home:
        # A folder thidua makes (its results are swapped in whole, within the folder above).
        out = os.path.join(home, "out")
        command = [thidua, "convert-and-validate", os.path.join(inboxes, inbox), "--out", out, "--lang", language]
        if user:
            # The other user works in a folder of its own and writes the outputs there.
            os.chmod(home, 0o777)
            command = ["runuser", "-u", user, "--", "env", "-i", "PATH=/usr/bin:/bin"] + command
        run = subprocess.run(command, check=False, capture_output=True, cwd=home)
        return hashes(out, run)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("mode", choices=["make", "check"])
    parser.add_argument("thidua")
    parser.add_argument("--user", help="run thidua as this user, with a clean environment")
    parser.add_argument("--inboxes", default=os.path.join(ROOT, "fixtures"), help="the folder holding the inboxes")
    args = parser.parse_args()
    # Absolute: each run works in a folder of its own.
    mode, thidua = args.mode, os.path.abspath(args.thidua) if os.sep in args.thidua else args.thidua
    failures = 0
    files = 0
    for inbox in INBOXES:
        for language in LANGUAGES:
            path = os.path.join(GOLDEN, f"{inbox}.{language}.sha256")
            now = outputs(thidua, inbox, language, args.user, args.inboxes)
            files += len(now)
            if mode == "make":
                os.makedirs(GOLDEN, exist_ok=True)
                with open(path, "w") as f:
                    f.write("\n".join(now) + "\n")
                continue
            with open(path) as f:
                before = f.read().splitlines()
            for line in sorted(set(before) ^ set(now), key=label):
                side = "golden" if line in before else "now"
                print(f"{inbox} ({language}): {side} {line}")
                failures += 1
    print(f"golden outputs: {files} files and parts, {failures} differences")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
