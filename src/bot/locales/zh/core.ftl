# Core: start, help, errors, commands menu.
start-greeting =
    👋 你好，{ $name }！

    我可以用最好的模型生成图片和视频：DALL·E、FLUX、Gemini、Midjourney、Kling、Sora、Veo 等等。

    直接发给我一段画面描述就行，也可以使用下面的命令。
start-balance = 💰 余额：{ $balance }
help-text =
    <b>我能做什么</b>

    🎨 /imagine <i>提示词</i> — 生成图片（也可以直接发文字给我）
    ✏️ /edit <i>修改说明</i> — 编辑照片（发送带说明文字的照片）
    🖼 /mj <i>提示词</i> — Midjourney；/blend、/describe
    🎬 /video <i>提示词</i> — 生成视频（发送带说明文字的照片即为图生视频）
    ⚙️ /settings — 模型、尺寸、图片数量
    📋 /models — 模型与价格
    🧾 /jobs — 最近的生成记录

    💰 /balance — 余额与账单
    🎟 /redeem <i>兑换码</i> — 用兑换码充值
    🔑 /key — 使用你自己的 API 密钥
    💬 /support — 联系客服
    🌐 /language — 切换语言
unknown-command = 我不认识这个命令。看看我能做什么：/help
unknown-callback = 这个按钮已失效。
error-generic = ⚠️ 我这边出了点问题，这次没有扣费。请稍后再试。
banned = ⛔ 你使用本机器人的权限已被暂停。如果你认为这是误判，请联系 { $contact }。
banned-no-contact = ⛔ 你使用本机器人的权限已被暂停。
not-in-private = 请在私聊中给我发这个。
language-choose = 🌐 请选择语言：
language-set = ✅ 语言：简体中文
button-models = 📋 模型与价格
button-balance = 💰 余额
button-help = ❓ 帮助
button-support = 💬 客服
cmd-start = 开始
cmd-help = 机器人能做什么
cmd-imagine = 生成图片
cmd-edit = 编辑照片
cmd-mj = Midjourney
cmd-video = 生成视频
cmd-settings = 模型与参数
cmd-models = 模型与价格
cmd-jobs = 我的生成记录
cmd-balance = 余额
cmd-redeem = 使用兑换码
cmd-key = 我自己的 API 密钥
cmd-support = 联系客服
cmd-language = 语言
cmd-cancel = 取消当前操作
cmd-topup = 用 Telegram Stars 充值
cmd-invite = 邀请好友
cmd-paysupport = 支付问题帮助
cmd-terms = 服务条款
start-welcome-credit = 🎁 欢迎！你有 <b>{ $amount }</b> 可以用来试用各个模型。
terms-default = 📄 <b>条款</b>
    使用 Telegram Stars 支付即购买本机器人的生成余额；每次生成前都会显示价格，并按该价格从余额中扣除；生成失败时，费用会自动退回余额。
    支付相关的问题：/paysupport。Stars 是否退款由运营方决定。
