"""The maintenance plan dock (candidates, budget scenarios) over core/investment."""
