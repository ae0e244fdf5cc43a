"""Mentions both extractors read: agencies (gazetteer and head nouns), deadlines and years, and
where a duty's clause ends."""
