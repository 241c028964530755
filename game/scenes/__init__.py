"""One module per screen. Scenes see intents, never raw events, and never parse YAML."""
