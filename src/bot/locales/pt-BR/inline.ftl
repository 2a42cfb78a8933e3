# Inline sharing (@bot words in any chat): the button shown above an empty list.
inline-nothing-yet = 🎨 Ainda não há nada para compartilhar: abra o bot e crie algo
inline-no-match = 🔍 Nada encontrado: abra o bot para criar
