"""Tables read into task rows: from the document model's cells, or from text that lost its
layout."""
