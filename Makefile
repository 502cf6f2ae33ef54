# Digiresan digital twin — build, run and test the QGIS plugin.
#   make run    launch QGIS with the plugin on the embedded demo twin (installs QGIS if missing)
#   make test   lint + the whole test suite offscreen, against real QGIS and PostgreSQL/PostGIS
#   make test-ltr  the same suite on the other QGIS long-term release in a cached Debian chroot (.ci/ltr.sh)
SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN     := digiresan_plugin
VERSION    := $(shell sed -n 's/^version=//p' metadata.txt)
BUILD      := build
PLUGIN_DIR := $(BUILD)/$(PLUGIN)
DEMO_GPKG  := $(BUILD)/demo/ostersund_twin.gpkg
PROFILES   := $(BUILD)/profiles
VENV       := .venv
PY         := $(VENV)/bin/python
SYS_PY     := /usr/bin/python3
APT_PACKAGES      := qgis python3-qgis qgis-providers gdal-bin python3-numpy
APT_TOOL_PACKAGES := pyqt5-dev-tools qttools5-dev-tools python3-venv xvfb poppler-utils \
                     python3-pyqt6 python3-pyqt6.qsci python3-pyqt6.qtsvg
QGIS_PROFILE_DIR  ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PYTEST_ARGS ?=

.PHONY: help run test test-ltr lint build demo deploy package translations clean deps tool-deps venv bench

help:
	@echo "make run          launch QGIS with the plugin and the embedded demo twin"
	@echo "make test         lint and run the test suite (starts PostgreSQL/PostGIS for the database tests)"
	@echo "make test-ltr     the suite on the other LTR: QGIS 3.40 in a Debian 13 chroot (3.22/Debian 12 on a Debian 13 host)"
	@echo "make demo         generate the demo twin GeoPackage ($(DEMO_GPKG))"
	@echo "make build        assemble the installable plugin folder ($(PLUGIN_DIR))"
	@echo "make package      build dist/$(PLUGIN)-$(VERSION).zip (Plugins > Install from ZIP)"
	@echo "make deploy       install the plugin into your default QGIS profile"
	@echo "make translations refresh i18n/*.ts and compile .qm files"
	@echo "make db / db-stop start / stop the local PostgreSQL+PostGIS cluster with the twin"
	@echo "make clean        remove build/, dist/ and caches"

# --- system packages --------------------------------------------------------------------------
define apt_install
	@if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	else echo "Missing system packages. Please install them: sudo apt-get install $(1)"; exit 1; fi; \
	echo "Installing $(1) ..."; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null
endef

deps:
	@if ! command -v qgis >/dev/null || ! $(SYS_PY) -c "import qgis.core" 2>/dev/null || ! command -v ogr2ogr >/dev/null; then \
	  $(MAKE) --no-print-directory _apt PKGS="$(APT_PACKAGES)"; fi

tool-deps:
	@if ! command -v pyrcc5 >/dev/null || ! command -v lrelease >/dev/null || ! command -v Xvfb >/dev/null || ! $(SYS_PY) -c "import ensurepip" 2>/dev/null \
	  || ! $(SYS_PY) -c "import PyQt6.QtSvg, PyQt6.Qsci" 2>/dev/null; then \
	  $(MAKE) --no-print-directory _apt PKGS="$(APT_TOOL_PACKAGES)"; fi

_apt:
	$(call apt_install,$(PKGS))

# --- build --------------------------------------------------------------------------------------
TS_FILES := $(wildcard i18n/*.ts)
QM_FILES := $(patsubst i18n/%.ts,$(BUILD)/i18n/%.qm,$(TS_FILES))

$(BUILD)/i18n/%.qm: i18n/%.ts
	@mkdir -p $(BUILD)/i18n
	@if command -v lrelease >/dev/null; then lrelease -silent $< -qm $@; else echo "lrelease missing: $@ not built"; fi

translations: tool-deps
	pylupdate5 -noobsolete $$(find $(PLUGIN) -name '*.py' | sort) -ts $(TS_FILES)
	$(MAKE) --no-print-directory $(QM_FILES)

build: $(QM_FILES)
	@rm -rf $(PLUGIN_DIR) && mkdir -p $(PLUGIN_DIR)
	@tar -C $(PLUGIN) --exclude='__pycache__' --exclude='*.pyc' -cf - . | tar -C $(PLUGIN_DIR) -xf -
	@cp metadata.txt LICENSE $(PLUGIN_DIR)/
	@tar -C . --exclude='__pycache__' --exclude='*.pyc' --exclude='resources/styles/*.py' -cf - resources | tar -C $(PLUGIN_DIR) -xf -
	@mkdir -p $(PLUGIN_DIR)/i18n && if ls $(BUILD)/i18n/*.qm >/dev/null 2>&1; then cp $(BUILD)/i18n/*.qm $(PLUGIN_DIR)/i18n/; fi
	@if [ -f $(DEMO_GPKG) ]; then mkdir -p $(PLUGIN_DIR)/data && cp $(DEMO_GPKG) $(PLUGIN_DIR)/data/; fi
	@if [ -d docs/help ]; then cp -r docs/help $(PLUGIN_DIR)/help; fi
	@echo "Built $(PLUGIN_DIR) (version $(VERSION))"

demo: $(DEMO_GPKG)

# The generator is a development tool in demo/ (not shipped); the GeoPackage is rebuilt when it changes.
DEMO_SOURCES := $(wildcard demo/*.py demo/*/*.py)

$(DEMO_GPKG): $(DEMO_SOURCES)
	@mkdir -p $(dir $@)
	$(SYS_PY) -m demo --output $@

# The zip the QGIS plugin repository accepts: one top folder (listed first), no caches, no .pyc, no '..' paths.
define ZIP_PLUGIN
import os, sys, zipfile
build, name, out = sys.argv[1:4]
skip = {"__pycache__", ".git", "__MACOSX", ".DS_Store"}
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
    for root, dirs, files in os.walk(os.path.join(build, name)):
        dirs[:] = sorted(d for d in dirs if d not in skip)
        zf.write(root, os.path.relpath(root, build) + "/")
        for f in sorted(files):
            if f not in skip and not f.endswith((".pyc", ".pyo")):
                zf.write(os.path.join(root, f), os.path.relpath(os.path.join(root, f), build))
endef
export ZIP_PLUGIN

package: deps demo build
	@mkdir -p dist && rm -f dist/$(PLUGIN)-$(VERSION).zip
	@$(SYS_PY) -c "$$ZIP_PLUGIN" $(BUILD) $(PLUGIN) dist/$(PLUGIN)-$(VERSION).zip
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

deploy: deps demo build
	@mkdir -p $(QGIS_PROFILE_DIR)/python/plugins
	@rm -rf $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)
	@cp -r $(PLUGIN_DIR) $(QGIS_PROFILE_DIR)/python/plugins/
	@echo "Installed into $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN): enable it in Plugins > Manage and Install Plugins"

# --- run ----------------------------------------------------------------------------------------
run: deps demo build
	@mkdir -p $(PROFILES)/profiles/digiresan/QGIS
	@$(SYS_PY) scripts/enable_plugin.py $(PROFILES)/profiles/digiresan/QGIS/QGIS3.ini $(PLUGIN)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display: set DISPLAY (e.g. start 'Xvfb :77 &' and use DISPLAY=:77 make run)"; exit 1; fi
	QGIS_PLUGINPATH=$(abspath $(BUILD)) qgis --profiles-path $(abspath $(PROFILES)) --profile digiresan \
	  --nologo --noversioncheck --code $(abspath scripts/run_startup.py)

# --- test ---------------------------------------------------------------------------------------
$(VENV)/.installed: requirements-test.txt requirements-qt6.txt
	@$(MAKE) --no-print-directory tool-deps
	$(SYS_PY) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install -q -r requirements-test.txt
	$(VENV)/bin/pip install -q --ignore-requires-python -r requirements-qt6.txt
	@touch $@

venv: $(VENV)/.installed

lint: venv
	$(VENV)/bin/ruff check $(PLUGIN) demo tests $(wildcard bench db scripts)
	$(VENV)/bin/flake8 $(PLUGIN) demo tests
	$(SYS_PY) scripts/check_translations.py $(PLUGIN) $(TS_FILES)
	QT_QPA_PLATFORM=offscreen $(SYS_PY) scripts/check_qt6.py $(PLUGIN) demo tests $(wildcard bench db scripts)
	$(PY) scripts/check_qgis_migration.py $(PLUGIN) demo tests $(wildcard bench db scripts)

test: deps venv lint build
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# LTR_SUITE=trixie|bookworm picks the chroot (default: the one the host is not); needs root (debootstrap, chroot).
test-ltr:
	@command -v debootstrap >/dev/null || $(MAKE) --no-print-directory _apt PKGS="debootstrap"
	bash .ci/ltr.sh $(LTR_SUITE)

bench: deps venv build
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(if $(QUICK),--quick,)

clean:
	rm -rf $(BUILD) dist .qgis-settings .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +

-include db/db.mk
