"""How the bot runs: transport, pacing, ordering, inbox, webhook, lifecycle, jobs."""
