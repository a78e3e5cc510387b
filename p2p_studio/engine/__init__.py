"""The editing engine: loading, token alignment, attention control, masks and the edit pipeline.

No Qt here. Long runs take a :class:`inversion.Reporter` (progress callback and stop flag).
"""
