"""Where the plugin finds its bundled files, in the source tree and in the built plugin."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .tr import tr

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DEMO_TWIN_NAME = "ostersund_twin.gpkg"


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The ``resources`` folder: inside the built plugin, or at the top of the source tree."""
    for candidate in (PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"):
        if (candidate / "twin_catalog.json").is_file():
            return candidate
    raise FileNotFoundError(
        tr("No resources folder with twin_catalog.json next to {package_dir} or its parent").format(
            package_dir=PACKAGE_DIR
        )
    )


def i18n_dir() -> Path:
    """Compiled translations (.qm): ``i18n`` inside the plugin or the source tree's ``build/i18n``."""
    for candidate in (PACKAGE_DIR / "i18n", PACKAGE_DIR.parent / "build" / "i18n"):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR / "i18n"


def default_catalog_path() -> Path:
    return resources_dir() / "twin_catalog.json"


def demo_twin_path() -> Path:
    """The embedded demo twin: shipped in ``data/`` of the built plugin, or ``build/demo`` in a checkout."""
    for candidate in (
        PACKAGE_DIR / "data" / DEMO_TWIN_NAME,
        PACKAGE_DIR.parent / "build" / "demo" / DEMO_TWIN_NAME,
    ):
        if candidate.is_file():
            return candidate
    return PACKAGE_DIR / "data" / DEMO_TWIN_NAME
