"""Data of the clean stage's OCR model: learned channels, the speck channel, hand-written
confusions, page furniture patterns (package data, read by `pipeline.clean.resources`)."""
