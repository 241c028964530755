"""Drawing helpers: palettes, text layout and cache, widgets, metrics."""
