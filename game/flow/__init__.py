"""The game's state and rules, without pygame: intents in, state out (see DESIGN.md)."""
