"""Storage: models, the database handle, repository functions and migrations.

This package is the only place in the project that builds SQL.
"""
