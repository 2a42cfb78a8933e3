# 小程序（作品库）及打开它的按钮。
app-title = 我的作品
app-empty = 这里还没有内容。你的图片和视频生成后会出现在这里。
app-loading = 加载中……
app-more = 显示更多
app-original = ⬇️ 原始文件
app-share = ↗️ 分享到聊天
app-error = 出了点问题。请关闭作品库后重新打开。
app-error-auth = 无法确认你的身份。请从机器人中重新打开作品库。
app-error-gone = 这个结果已不可用。
button-gallery = 🖼 我的作品库
gallery-open = 🖼 你的作品都在作品库里：
gallery-off = 这个机器人还没有设置作品库。发送 /jobs 查看最近的生成记录。
