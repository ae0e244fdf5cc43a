"""The gold workflow around `pipeline/gold.py`: drafts from extraction (`vnplan gold init`) and
the round trip through Label Studio (`vnplan gold export/import --format label-studio`).

How annotators use them: docs/annotating.md.
"""
