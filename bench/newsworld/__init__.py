"""A small fictional coastal region and its local newsrooms, and the pages and drafts written about it.

Everything is generated from the word lists and sentence templates in ``words`` with a seeded
``random.Random``, so the same seed gives the same bytes on every machine. ``bench/make_corpus.py``
is the command that writes a corpus to disk.
"""
