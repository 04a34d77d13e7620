"""NLP: the language models (spaCy for English and Spanish, natasha for Russian) and the sentence/parse stages.

Owns model loading (lazily, once per process, single-threaded maths) and the stages that split an article into
sentences and parse those that can hold an event into tokens, dependencies and named-entity spans.

May import: the foundation and `reading`.
"""
