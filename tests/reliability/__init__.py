"""The reliability suite (issue 19): each defect as a test against the real component."""
