"""Agency recognition (ANNOTATION §3): the lexicon, one matching engine, the grammar of names.

`extractors.mentions.agencies` is the entry point; the modules here are its parts:
`lexicon` (the data, read once), `engine` (syllable tokens and spaCy PhraseMatchers on a folded
NORM), `places` (where a place closes a name), `names` (bodies read from their head noun),
`local` (People's Committees by level), `groups` (bodies described, not named), `canonical`
(the contract's way of writing a name).
"""
