# Inline sharing (@bot words in any chat): the button shown above an empty list.
inline-nothing-yet = 🎨 Aún no hay nada que compartir: abre el bot y crea algo
inline-no-match = 🔍 Nada coincide: abre el bot para crearlo
