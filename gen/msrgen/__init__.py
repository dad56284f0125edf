"""msrgen: turn registry/msrs.toml and registry/deviations.toml into C tables.

Stages: load (TOML plus a source map of line numbers) -> validate (every
error, with its line) -> model (frozen dataclasses, canonical order) ->
render (Jinja2 templates over a finished view model).
"""
