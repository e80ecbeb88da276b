"""`make bench`: the bot measured against a fast fake Bot API, beside a bare PTB baseline."""
