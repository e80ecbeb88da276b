"""Back Warm-up Coach: a Telegram bot that guides a lower-back warm-up."""
