"""The progress and settings Mini App: pages the bot's own web server serves at WEBAPP_URL,
and the data calls behind them, each signed in by Telegram's initData."""
