"""Write a QGIS profile ini that enables one plugin (used by `make run`).

Usage: enable_plugin.py PATH/TO/QGIS3.ini PLUGIN_NAME
Keeps whatever else the ini already holds (a user's window layout in the dedicated run profile).
"""

import configparser
import sys
from pathlib import Path


def main(ini_path: str, plugin: str) -> None:
    path = Path(ini_path)
    config = configparser.RawConfigParser()
    config.optionxform = str  # QGIS keys are case-sensitive
    if path.is_file():
        config.read(path, encoding="utf-8")
    for section, key, value in (
        ("PythonPlugins", plugin, "true"),
        ("qgis", "checkVersion", "false"),
        ("qgis", "showTips", "false"),
        ("core", "NewsFeed\\httpsfeedqgisorg\\disabled", "true"),
    ):
        if not config.has_section(section):
            config.add_section(section)
        config.set(section, key, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        config.write(handle, space_around_delimiters=False)


if __name__ == "__main__":
    main(*sys.argv[1:3])
