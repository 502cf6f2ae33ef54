"""Core logic of the Digiresan plugin: no widgets here, everything testable headless."""
