"""Prefect flows: thin wrappers that wire library calls together (no logic of their own).

Import ``flows.runtime`` and call ``configure_prefect(settings)`` BEFORE importing a flow module
(Prefect reads its settings when it is imported). Parameters, run names, task names, states and
artifacts carry sha256 ids, counts and types only — never file names or text.
"""
