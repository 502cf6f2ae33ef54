"""Thin widgets on top of ``digiresan_plugin.core``."""
