"""The section tree: heading shapes (`shapes`), labels (`labels`), the tree (`tree`).

`pipeline.segment.segment` is the entry point.
"""
