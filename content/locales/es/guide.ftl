### The audio guide: its caption, and the words the voice says.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

guide-caption = 🎧 { $name }: reprodúcelo ahora y deja el teléfono; sigue el temporizador de arriba y se detiene con él (⏸ Pausa, ⏹ Parar). ▶️ Seguir envía el resto.
# Where the guide is not sent: the person's privacy settings refuse voice notes, the chat
# does not allow them, or Telegram could not be reached. The first two are said once a while.
guide-refused_privacy = 🎧 Tu privacidad de Telegram rechaza las notas de voz: la audioguía no llegará. El temporizador de arriba sigue igual.
guide-refused_here = 🎧 Este chat no permite notas de voz: la audioguía no llegará. El temporizador de arriba sigue igual.
guide-not_sent = 🎧 No se pudo enviar la audioguía ahora; el temporizador de arriba sigue igual. El 🎧 del siguiente ejercicio lo vuelve a intentar.
# What the voice says. `make media` speaks each into content/voice/<language>/ (commit the result).
guide-spoken-get_ready = En posición.
guide-spoken-switch = Otro lado.
guide-spoken-rest = Descansa.
guide-spoken-left = Lado izquierdo.
guide-spoken-right = Lado derecho.
guide-spoken-set = Serie { $number }.
guide-spoken-start = Empieza.
guide-spoken-seconds_left =
    { $seconds ->
        [one] Queda { $seconds } segundo.
       *[other] Quedan { $seconds } segundos.
    }
guide-spoken-count = { $number }.
guide-spoken-release = Suelta.
guide-spoken-done = Terminado.
