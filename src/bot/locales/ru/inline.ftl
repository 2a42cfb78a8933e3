# Inline sharing (@bot words in any chat): the button shown above an empty list.
inline-nothing-yet = 🎨 Пока нечем поделиться: откройте бота и создайте что-нибудь
inline-no-match = 🔍 Ничего не нашлось: откройте бота, чтобы создать
