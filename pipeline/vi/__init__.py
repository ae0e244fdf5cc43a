"""The Vietnamese language layer: what every stage needs to know about the language and the
genre, importing no stage (only the standard library, `regex`, and its own data in
`pipeline/vi/data/`).

- `chars`: NFC, Đ (and the eth typed for it), invisible characters, spaces, line endings;
- `syllable`: syllables and tones: skeleton, tone placement styles, lookup keys;
- `fold`: the one diacritic fold for matching ("Sở Tài chính" → "so tai chinh"), slugs;
- `vocabulary`: the syllable inventory, how well a text reads as Vietnamese;
- `lines`: lines with offsets and the line grammar (headings, list items, connectors);
- `markers`: list-marker alphabets, Roman numerals, references to points;
- `legal`: document numbers, dates of issue, attachment notes and citations.
"""
