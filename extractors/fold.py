from pipeline.vi.fold import collapse, fold, fold_document, pattern_of  # noqa: F401
