# Inline sharing (@bot words in any chat): the button shown above an empty list.
inline-nothing-yet = 🎨 Nothing to share yet: open the bot and create something
inline-no-match = 🔍 Nothing matches: open the bot to create it
