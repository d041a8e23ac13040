"""Getting sources: what to check against, fetching, the snapshot cache, readable text.

The only package that touches the network (``fetch``) and the cache directory (``cache``).
"""
