### /language: which language the bot speaks. A language's name on its button is its own
### name from Babel's CLDR data (English, Русский, Español), never translated.

language-page =
    🌐 <b>Язык</b>: { $language }
    Пока вы не выбрали, я говорю на языке вашего Telegram.
language-page_group =
    🌐 <b>Язык этой группы</b>: { $language }
    На нём приходят сообщения, которые видят все; личные кнопки отвечают каждому на его языке.
# Said in the language just chosen.
language-changed = 🌐 Теперь я говорю по-русски.
language-unknown = На этом языке я не говорю. Выберите язык ниже или отправьте /language en, /language ru или /language es.
