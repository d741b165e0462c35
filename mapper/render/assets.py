"""Leaflet and Leaflet.markercluster JS/CSS read from installed xstatic packages, for offline maps."""

from __future__ import annotations

import base64
import functools
import importlib
import re
from pathlib import Path

from mapper.errors import OutputError

#: (xstatic module, scripts, stylesheets) in load order.
BUNDLES = (
    ("xstatic.pkg.leaflet", ("leaflet.js",), ("leaflet.css",)),
    ("xstatic.pkg.leaflet_markercluster", ("leaflet.markercluster.js",),
     ("MarkerCluster.css", "MarkerCluster.Default.css")),
)
_URL = re.compile(r"url\((['\"]?)(images/[^'\")]+)\1\)")


def _data_dir(module: str) -> Path:
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise OutputError(f"the package for {module} is not installed; pip install incident-mapper's "
                          f"dependencies (xstatic-leaflet, xstatic-leaflet-markercluster)") from exc
    return Path(mod.BASE_DIR)


def _inline_images(css: str, base: Path) -> str:
    """Replace ``url(images/x.png)`` with a data URI so the stylesheet needs no other file."""
    def repl(m: re.Match[str]) -> str:
        path = base / m.group(2)
        if not path.exists():
            return m.group(0)
        mime = "image/svg+xml" if path.suffix == ".svg" else f"image/{path.suffix.lstrip('.')}"
        return f"url(data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')})"
    return _URL.sub(repl, css)


def _safe_script(js: str) -> str:
    # a literal "</script" inside inlined code would end the element early
    return js.replace("</script", "<\\/script")


@functools.lru_cache(maxsize=1)
def inline_assets() -> tuple[str, str]:
    """Return ``(scripts, styles)``: HTML ``<script>`` and ``<style>`` elements with the code inlined.

    Raises
    ------
    OutputError
        When an xstatic package or one of its files is missing.
    """
    scripts, styles = [], []
    for module, js_files, css_files in BUNDLES:
        base = _data_dir(module)
        try:
            for name in js_files:
                scripts.append(f"<script>/* {module}: {name} */\n"
                               f"{_safe_script((base / name).read_text(encoding='utf-8'))}\n</script>")
            for name in css_files:
                css = _inline_images((base / name).read_text(encoding="utf-8"), base)
                styles.append(f"<style>/* {module}: {name} */\n{css}\n</style>")
        except OSError as exc:
            raise OutputError(f"cannot read {exc.filename} from {module}: reinstall the package") from exc
    return "\n".join(scripts), "\n".join(styles)
