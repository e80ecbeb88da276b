### The command menu: each command's description (Telegram shows it beside the command).
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

commands-warmup = Empezar o seguir calentando
commands-stop = Terminar el calentamiento
commands-routines = Rutinas disponibles
commands-progress = Tu progreso
commands-settings = Tiempos, series y más ajustes
commands-target = Tu objetivo semanal
commands-remind = Recordatorio diario
commands-timezone = Zona horaria
commands-pictures = Activar o quitar animaciones
commands-language = Idioma
commands-export = Descargar tus datos
commands-forget = Borrar tus datos
commands-rest = Descanso que mantiene la racha
commands-safety = Seguridad: nota y control
commands-help = Comandos y seguridad
