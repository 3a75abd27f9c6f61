"""Serves the dashboard: its page at ``/``, its own sources, a few files of its npm packages,
and the table that maps the world atlas's shape ids to country ids.

There is no build step. ``npm ci`` in ``api/dashboard/`` (run by ``make setup``) installs
the packages listed in its ``package.json``; only the files named in ``VENDOR`` are served
from ``node_modules``, so nothing there is reachable by accident. The dashboard is a client
of the public ``/v1`` API only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pycountry
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

DASH_DIR = Path(__file__).resolve().parent / "dashboard"
NODE_MODULES = DASH_DIR / "node_modules"

# Public name -> path inside node_modules. The only package files the app serves.
VENDOR: dict[str, str] = {
    "d3.min.js": "d3/dist/d3.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "inter-latin.woff2": "@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
    "inter-latin-ext.woff2": "@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
}
_MEDIA = {".js": "text/javascript", ".json": "application/json", ".woff2": "font/woff2"}

# Natural Earth shapes drawn without an ISO numeric id, by their atlas name.
ATLAS_NAMES: dict[str, str] = {
    "Kosovo": "XKX",
    "Somaliland": "SOMALILAND",
    "N. Cyprus": "NORTHERN_CYPRUS",
}


@lru_cache(maxsize=1)
def atlas_ids() -> dict[str, dict[str, str]]:
    """ISO 3166-1 numeric code (as the atlas writes it, zero-padded) -> alpha-3 id."""
    numeric = {c.numeric: c.alpha_3 for c in pycountry.countries}
    return {"numeric": numeric, "names": dict(ATLAS_NAMES)}


def _index() -> Response:
    return FileResponse(DASH_DIR / "index.html", media_type="text/html")


def _vendor(name: str) -> Response:
    rel = VENDOR.get(name)
    path = NODE_MODULES / rel if rel else None
    if path is None or not path.is_file():
        return JSONResponse(
            {"detail": f"Dashboard file {name!r} is not installed: run `npm ci` in api/dashboard."},
            status_code=404,
        )
    media = _MEDIA.get(path.suffix, "application/octet-stream")
    return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})


def _atlas_ids() -> Response:
    return JSONResponse(atlas_ids(), headers={"Cache-Control": "public, max-age=86400"})


def mount_dashboard(app: FastAPI) -> None:
    """Add the dashboard's routes; none of them appears in the OpenAPI schema."""
    app.add_api_route("/", _index, methods=["GET"], include_in_schema=False, response_class=HTMLResponse)
    app.add_api_route("/dashboard/vendor/{name}", _vendor, methods=["GET"], include_in_schema=False)
    app.add_api_route("/dashboard/atlas-ids.json", _atlas_ids, methods=["GET"], include_in_schema=False)
    # Added last so the two routes above win over the static mount of the same prefix.
    app.mount("/dashboard", StaticFiles(directory=DASH_DIR / "src"), name="dashboard")
