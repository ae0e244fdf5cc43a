"""The OCR model of the clean stage: lexicon and language model, the noisy channel and its
candidates, the document cache, the error prior, casing and speck tables. It imports no
cleaning step; the steps receive its objects through their context (`resources.Resources`)."""
