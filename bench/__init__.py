"""``make bench``: side-by-side performance of the plugin against QGIS's own tools (issue 6).

``python -m bench [--quick] [--scales 10000,100000,1000000] [--points 200] [--no-postgres]`` generates cached demo
twins under ``build/bench/``, runs each measurement in its own process (:mod:`bench.identify`,
:mod:`bench.ideas`, :mod:`bench.postgis`), and writes ``BENCHMARKS.md`` plus the raw JSON under ``build/bench/``.
Numbers are medians of repeated runs; ratios are what compare across machines. Nothing here is a test.
"""
