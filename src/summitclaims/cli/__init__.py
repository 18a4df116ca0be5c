"""The command-line layer: typer wrappers over plain functions. The only place that prints."""
