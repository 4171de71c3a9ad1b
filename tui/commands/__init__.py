"""Headless subcommands of the `newsreader` CLI, one module each."""
