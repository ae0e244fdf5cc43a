"""Targets (ANNOTATION §2): numbers, units, comparators, indicators and their codes, years."""
