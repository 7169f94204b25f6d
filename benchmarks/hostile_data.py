"""Time and peak memory of `corridors validate` and of the first page on hostile data directories.

Each case (see corridors.testing.hostile) breaks a fresh copy of the bundled data. Both
measurements run in a child process with a wall-clock limit and an address-space cap,
so a case that hangs or eats memory is reported instead of taking the machine down:

    .venv/bin/python benchmarks/hostile_data.py                    # this checkout
    .venv/bin/python benchmarks/hostile_data.py --src /tmp/before  # another checkout
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from corridors.testing.hostile import CASES  # noqa: E402

VALIDATE = """
import json, resource, sys, time
started = time.perf_counter()
from corridors.cli.main import main
status = main(["validate", "--data", sys.argv[1]])
print(json.dumps({"status": status, "seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
      file=sys.stderr)
"""

FIRST_PAGE = """
import json, resource, sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=600)
started = time.perf_counter()
at.run()
print(json.dumps({"status": "exception" if at.exception else "served",
                  "seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
      file=sys.stderr)
"""


def run_child(
    code: str, argument: str, *, src: Path, env: dict[str, str], limits: argparse.Namespace
) -> str:
    """Run ``code`` in a capped child process; describe what it measured or how it ended."""

    def cap() -> None:
        cap_bytes = limits.memory_gb * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))

    child_env = {**os.environ, **env, "PYTHONPATH": str(src / "src")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, argument],
            env=child_env,
            capture_output=True,
            text=True,
            timeout=limits.seconds,
            preexec_fn=cap,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"hung: killed after {limits.seconds} s"
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    try:
        figures = json.loads(last)
    except json.JSONDecodeError:
        signs = ("Error", "failed", "Killed")
        lines = reversed(done.stderr.splitlines())
        error = next((line for line in lines if any(sign in line for sign in signs)), last)
        return f"crashed (exit {done.returncode}): {error[:70]}"
    return f"{figures['status']}, {figures['seconds']:.2f} s, peak {figures['peak_mb']:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--seconds", type=int, default=120, help="wall-clock limit per run")
    parser.add_argument("--memory-gb", type=int, default=4, help="address-space cap per run")
    parser.add_argument("--cases", nargs="*", default=list(CASES), help="cases to run")
    args = parser.parse_args()
    print(f"code: {args.src}; limits: {args.seconds} s, {args.memory_gb} GB per run")
    print("| case | validate | first page |")
    print("|---|---|---|")
    for name in ["bundled data (no change)", *args.cases]:
        with tempfile.TemporaryDirectory() as scratch:
            data = Path(scratch) / "geodata"
            shutil.copytree(ROOT / "geodata", data)
            if name in CASES:
                CASES[name](data)
            validate = run_child(VALIDATE, str(data), src=args.src, env={}, limits=args)
            page = run_child(
                FIRST_PAGE,
                str(args.src / "app.py"),
                src=args.src,
                env={"CORRIDORS_DATA_DIR": str(data)},
                limits=args,
            )
            print(f"| {name} | {validate} | {page} |", flush=True)


if __name__ == "__main__":
    main()
