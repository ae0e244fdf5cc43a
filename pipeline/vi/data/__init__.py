"""Data of the Vietnamese language layer: word lists, the line grammar and the n-gram counts of
clean Vietnamese (package data, read with `pipeline.vi.resources`)."""
