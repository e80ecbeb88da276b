### /language: which language the bot speaks. A language's name on its button is its own
### name from Babel's CLDR data (English, Русский, Español), never translated.

language-page =
    🌐 <b>Language</b>: { $language }
    Until you choose, I follow your Telegram app's language.
language-page_group =
    🌐 <b>Language of this group</b>: { $language }
    Messages everyone here sees come in it; each person's own buttons answer in their own language.
# Said in the language just chosen.
language-changed = 🌐 From now on I speak English.
language-unknown = I don't speak that language. Pick one below, or send /language en, /language ru or /language es.
