### /language: which language the bot speaks. A language's name on its button is its own
### name from Babel's CLDR data (English, Русский, Español), never translated.

language-page =
    🌐 <b>Idioma</b>: { $language }
    Hasta que elijas, sigo el idioma de tu app de Telegram.
language-page_group =
    🌐 <b>Idioma de este grupo</b>: { $language }
    Los mensajes que ve todo el grupo llegan en él; los botones de cada persona responden en su idioma.
# Said in the language just chosen.
language-changed = 🌐 A partir de ahora hablo español.
language-unknown = No hablo ese idioma. Elige uno abajo o envía /language en, /language ru o /language es.
