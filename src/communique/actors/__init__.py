"""Actors: who is named, resolved to countries, organisations and people with roles, in any language.

Owns the gazetteers (countries, organisations, cities, seats of power, demonyms, titles and officials, built from
CLDR, geonames and the data files), the `entities` stage, and the use of the learned actor table, which the
knowledge base hands in as plain data (this wing never reads the store), and the `triage` stage (which sentences
name two actors, read before any model runs).

May import: the foundation, `reading` and `nlp`.
"""
