"""The rules and services of coaching: no Telegram here."""
