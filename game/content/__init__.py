"""Content: typed models and the YAML loader. Never imports pygame."""
