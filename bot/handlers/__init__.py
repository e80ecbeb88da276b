"""Handlers, one module per feature. `bot.app` wires them in order."""
