"""Getting sources: what to check against, fetching, the snapshot cache, readable text.

The only package that touches the network (``network``, which ``fetch`` imports only for URLs
that need a request) and the cache directory (``cache``, ``textcache``, ``cachedir``).
"""
