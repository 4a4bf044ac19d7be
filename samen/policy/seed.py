"""Synthetic prevention policy: strategies, plans, actions and initiatives (filled later)."""
