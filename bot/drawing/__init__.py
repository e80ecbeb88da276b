"""The demonstration figures: geometry, frames, and the media build."""
