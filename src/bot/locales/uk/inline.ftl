# Inline sharing (@bot words in any chat): the button shown above an empty list.
inline-nothing-yet = 🎨 Поки нічим поділитися: відкрийте бота й створіть щось
inline-no-match = 🔍 Нічого не знайшлося: відкрийте бота, щоб створити
