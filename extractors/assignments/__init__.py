"""Assignments (ANNOTATION §3): who must do what, by when, from duties and task tables."""
