# Inline sharing (@bot words in any chat): the button shown above an empty list.
inline-nothing-yet = 🎨 还没有可分享的作品：打开机器人去创作吧
inline-no-match = 🔍 没有匹配的作品：打开机器人去创作吧
