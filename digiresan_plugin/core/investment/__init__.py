"""Invest: maintenance candidates, budget scenarios and the backlog in kronor (headless, no widgets).

``model`` (the JSON model) → ``sources`` / ``network`` (the twin as numpy columns) → ``condition`` (levels,
classes, forecast) → ``treatments`` (which, cost, benefit) → ``coordination`` (dig first, moratorium) →
``candidates`` (the list with reasons) and ``scenario`` (N years under a budget, the backlog) → ``plan``
(an accepted scenario written into the paving plan).
"""
