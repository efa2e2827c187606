#!/usr/bin/env python3
"""Is the built site byte-identical to a saved one? For refactors that must not change the output.

    .venv/bin/python bench/same_output.py save /tmp/before.json      # before the change
    .venv/bin/python bench/same_output.py compare /tmp/before.json   # after it: lists every file that differs
    # the same content built where only ProperDocs is installed (another venv), as .ci/run does:
    .venv/bin/python bench/same_output.py save /tmp/m.json --ignore-generator
    .venv/bin/python bench/same_output.py compare /tmp/m.json --ignore-generator --python .venv-properdocs/bin/python \
        --expect-generator properdocs

Builds the demo county and a generated 1,000-document county (bench/generate.py, seed 1) and records the
SHA-256 of every file of each site/. `--ignore-generator` drops the `<meta name="generator">` tag first, as
ProperDocs writes "mkdocs-ProperDocs 1.6.7" there where MkDocs writes "mkdocs-1.6.1".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
ROOT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def site_hashes(site: Path, ignore_generator: bool) -> dict[str, str]:
    hashes = {}
    for file in sorted(site.rglob("*")):
        if file.is_file():
            data = file.read_bytes()
            if ignore_generator and file.suffix == ".html":
                data = GENERATOR.sub(b"", data)
            hashes[file.relative_to(site).as_posix()] = hashlib.sha256(data).hexdigest()
    return hashes


def build(root: Path, site: Path, python: str) -> None:
    command = [python, str(ROOT / "build.py"), "--root", str(root), "build", "--site-dir", str(site), "--today", "2026-01-15"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed ({root}):\n{result.stderr[-3000:]}")


def generator(site: Path) -> str:
    """What the home page says built it: mkdocs-1.6.1, properdocs-1.6.7 …"""
    found = GENERATOR.search((site / "index.html").read_bytes())
    return found[1].decode() if found else "?"


def all_hashes(python: str, ignore_generator: bool, docs: int) -> tuple[dict[str, dict[str, str]], str]:
    with tempfile.TemporaryDirectory(prefix="zwgk-same-") as scratch:
        county = Path(scratch) / "county"
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--docs", str(docs), "--out", str(county),
                        "--seed", "1"], check=True, capture_output=True)
        found = {}
        for name, root in (("demo", ROOT), (f"county-{docs}", county)):
            build(root, Path(scratch) / f"site-{name}", python)
            found[name] = site_hashes(Path(scratch) / f"site-{name}", ignore_generator)
        return found, generator(Path(scratch) / "site-demo")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--python", default=sys.executable, help="the Python that runs build.py (another venv)")
    parser.add_argument("--ignore-generator", action="store_true")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--expect-generator", metavar="PREFIX", help="fail unless the generator tag names it (properdocs)")
    args = parser.parse_args()
    found, built_by = all_hashes(args.python, args.ignore_generator, args.docs)
    print(f"built by {built_by}")
    if args.expect_generator and args.expect_generator.lower() not in built_by.lower():
        print(f"expected a build by {args.expect_generator}")
        return 1
    if args.action == "save":
        args.manifest.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        print(f"saved {sum(len(h) for h in found.values())} file hashes to {args.manifest}")
        return 0
    saved = json.loads(args.manifest.read_text(encoding="utf-8"))
    differing = 0
    for name, hashes in found.items():
        before = saved.get(name, {})
        changed = sorted(p for p in before.keys() & hashes.keys() if before[p] != hashes[p])
        gone, new = sorted(before.keys() - hashes.keys()), sorted(hashes.keys() - before.keys())
        differing += len(changed) + len(gone) + len(new)
        print(f"{name}: {len(hashes)} files, {len(changed)} changed, {len(gone)} missing, {len(new)} new")
        for label, paths in (("changed", changed), ("missing", gone), ("new", new)):
            for path in paths[:20]:
                print(f"  {label}: {path}")
    print("identical" if differing == 0 else f"{differing} files differ")
    return 0 if differing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
