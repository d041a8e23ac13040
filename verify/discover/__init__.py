"""Finding the sources a draft names but does not link: search, archives, outlet domains.

Nothing here runs unless a check asks for discovery on that run (``Options.discover``): a
search query sends a draft's unpublished words to a third party.
"""
