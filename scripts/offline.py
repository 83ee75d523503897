"""Build the offline bundle: both editions with file URLs and inlined search, zipped.

    python scripts/offline.py [OUT.zip]      (default: dist/edition-offline.zip)

Unzip it anywhere and open edition/index.html in a browser: no server, no network. Search runs
in an iframe (the vendored iframe-worker shim) with the same normalisation as the served site.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import build_site

ROOT = Path(__file__).resolve().parent.parent
TOP = "edition"  # the folder inside the zip


def build_bundle(out_zip: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / TOP
        result = build_site(site, env={"EDITION_OFFLINE": "true"})
        if result.returncode != 0:
            raise SystemExit(f"offline build failed:\n{result.stdout}\n{result.stderr}")
        out_zip.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the bundle and renamed over it at the end: a failed run leaves the last
        # good bundle in place, never a half-written one.
        partial = out_zip.with_name(out_zip.name + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(site.rglob("*")):
                # 404 pages use root-absolute URLs (for servers) and mean nothing over file://.
                if path.is_file() and path.suffix != ".map" and path.name != "404.html":
                    zf.write(path, path.relative_to(site.parent).as_posix())
        os.replace(partial, out_zip)
    return out_zip


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "dist" / "edition-offline.zip"
    build_bundle(out)
    size = out.stat().st_size / 1024 / 1024
    print(f"offline bundle: {out} ({size:.1f} MiB). Unzip it and open {TOP}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
