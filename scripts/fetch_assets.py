#!/usr/bin/env python3
"""Re-fetch the game's pictures from the npm registry (run by hand, never by the game).

Reads assets/icons/picks.toml, installs each set's pinned package version with npm in a
temporary folder, and copies only the SVG files named there into assets/icons/, with the
set's licence beside them (LICENSE-<set>.txt). Then writes:

- assets/icons/MANIFEST.json: every file -> set, package, version, original name, licence,
  sha256, alternative text (French msgid and English); and the uses (theme, card, career,
  gauge, button -> icon name);
- game/ui/icon_alts.py: the French alternative texts marked with N_(), so that
  ``pybabel extract`` keeps them in the catalog.

SVG files in assets/icons/ that picks.toml no longer names are removed.

    python scripts/fetch_assets.py            # fetch and write
    python scripts/fetch_assets.py --check    # only check that the files match the manifest
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "assets" / "icons"
PICKS = ICONS / "picks.toml"
MANIFEST = ICONS / "MANIFEST.json"
ALTS = ROOT / "game" / "ui" / "icon_alts.py"


def read_picks() -> dict:
    with PICKS.open("rb") as fh:
        picks = tomllib.load(fh)
    icons = picks.get("icons", {})
    for kind, uses in picks.get("uses", {}).items():
        for key, name in uses.items():
            if name not in icons:
                sys.exit(f"{PICKS}: uses.{kind}.{key} names {name!r}, which [icons] does not list")
    themes = picks.get("uses", {}).get("theme", {})
    for fact, theme in picks.get("fact_theme", {}).items():
        if theme not in themes:
            sys.exit(f"{PICKS}: fact_theme.{fact} names {theme!r}, which [uses.theme] does not list")
    for name, spec in icons.items():
        if spec.get("set") not in picks.get("sets", {}):
            sys.exit(f"{PICKS}: icon {name!r} has an unknown set {spec.get('set')!r}")
        if not spec.get("fr") or not spec.get("en"):
            sys.exit(f"{PICKS}: icon {name!r} needs « fr » and « en » alternative texts")
    return picks


def install(package: str, version: str, into: Path) -> Path:
    """npm install package@version into a temporary prefix; returns the package folder."""
    cmd = ["npm", "install", "--prefix", str(into), "--no-save", "--no-audit", "--no-fund",
           "--ignore-scripts", "--loglevel=error", f"{package}@{version}"]
    print("$", " ".join(cmd))
    subprocess.run(cmd, check=True)
    folder = into / "node_modules" / package
    found = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    if found != version:
        sys.exit(f"{package}: npm installed {found}, picks.toml pins {version}")
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_manifest(picks: dict) -> dict:
    sets = picks["sets"]
    icons = {}
    for name, spec in sorted(picks["icons"].items()):
        s = sets[spec["set"]]
        original = spec.get("original", s["path"].format(name=name))
        file = f"{name}.svg"
        icons[name] = {
            "file": file,
            "set": spec["set"],
            "package": s["package"],
            "version": s["version"],
            "original": original,
            "licence": s["licence"],
            "licence_file": f"LICENSE-{spec['set']}.txt",
            "monochrome": spec.get("monochrome", True),
            "alt_fr": spec["fr"],
            "alt_en": spec["en"],
            "sha256": sha256(ICONS / file) if (ICONS / file).is_file() else "",
        }
    return {
        "about": "Written by scripts/fetch_assets.py from assets/icons/picks.toml: edit picks.toml, not this file.",
        "sets": {k: {f: v[f] for f in ("package", "version", "licence", "home", "author")} | {
            "licence_file": f"LICENSE-{k}.txt"} for k, v in sets.items()},
        "icons": icons,
        "uses": picks.get("uses", {}),
        "fact_theme": picks.get("fact_theme", {}),
    }


def write_alts(manifest: dict) -> None:
    lines = [
        '"""Alternative texts of the pictures, marked for translation (written by scripts/fetch_assets.py).',
        "",
        "Only here so that ``pybabel extract`` finds them; game.ui.icons reads them from the manifest.",
        '"""',
        "",
        "from game.i18n import N_",
        "",
        "ALTS = (",
    ]
    seen = set()
    for entry in manifest["icons"].values():
        if entry["alt_fr"] not in seen:
            seen.add(entry["alt_fr"])
            lines.append(f"    N_({json.dumps(entry['alt_fr'], ensure_ascii=False)}),")
    lines.append(")")
    ALTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fetch(picks: dict) -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    wanted = {f"{name}.svg" for name in picks["icons"]}
    with tempfile.TemporaryDirectory(prefix="nej-assets-") as tmp:
        for set_id, s in picks["sets"].items():
            folder = install(s["package"], s["version"], Path(tmp) / set_id)
            shutil.copyfile(folder / s["licence_file"], ICONS / f"LICENSE-{set_id}.txt")
            for name, spec in picks["icons"].items():
                if spec["set"] != set_id:
                    continue
                src = folder / spec.get("original", s["path"].format(name=name))
                if not src.is_file():
                    sys.exit(f"{s['package']}@{s['version']} has no {src.relative_to(folder)}")
                shutil.copyfile(src, ICONS / f"{name}.svg")
    for old in ICONS.glob("*.svg"):
        if old.name not in wanted:
            print("removed", old.name)
            old.unlink()
    manifest = build_manifest(picks)
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_alts(manifest)
    print(f"{len(manifest['icons'])} pictures in {ICONS.relative_to(ROOT)}")


def check() -> int:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    bad = [name for name, e in manifest["icons"].items()
           if not (ICONS / e["file"]).is_file() or sha256(ICONS / e["file"]) != e["sha256"]]
    for name in bad:
        print(f"{name}: missing or changed (run scripts/fetch_assets.py)")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files against the manifest")
    args = parser.parse_args()
    if args.check:
        return check()
    fetch(read_picks())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
