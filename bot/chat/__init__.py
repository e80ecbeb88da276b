"""What a person sees: texts rendered, keyboards, buttons, replies, pictures."""
