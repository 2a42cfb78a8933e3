# Core: start, help, errors, commands menu.
start-greeting = 👋 你好，{ $name }！

    我可以根据你的文字生成图片和视频：
start-balance = 💳 每次生成都从余额中扣费：开始前会显示价格，生成失败会退款。你的余额：<b>{ $balance }</b>。
start-own-key = 🔑 已绑定你自己的 API 密钥：生成费用由它支付，不从余额扣除。
start-line-images = 🎨 图片：{ $names }
start-line-edit = ✏️ 照片编辑：{ $names }
start-line-midjourney = 🖼 { $names }
start-line-video = 🎬 视频：{ $names }
start-and-more = { $names } 及另外 { $count } 个模型
start-hint = ✍️ 直接发给我一段画面描述就行，也可以使用下面的按钮。
help-text = <b>我能做什么</b>：请在下面选择一个主题，或者直接发给我一段画面描述。
help-topic-images = 🎨 图片
help-topic-midjourney = 🖼 Midjourney
help-topic-video = 🎬 视频
help-topic-money = 💰 余额与支付
help-topic-account = ⚙️ 设置与客服
help-images = <b>🎨 图片</b>

    /imagine <i>提示词</i>：生成图片（也可以直接发文字给我）
    /edit <i>修改说明</i>：编辑照片（也可以发送照片，并把修改说明作为说明文字；以相册发送也可以）
    /settings：模型、尺寸和图片数量
    /models：所有模型及其价格
    /jobs：你最近的生成记录

    每个结果下方都有：🔁 再来一次、✏️ 编辑这张、📎 原图文件。
help-midjourney = <b>🖼 Midjourney</b>

    /mj <i>提示词</i>：一次生成四张图片，拼成四宫格；支持 --ar 16:9 或 --v 6 等参数
    四宫格下方的按钮：U1–U4 放大其中一张，V1–V4 生成它的变体，🔄 重新生成；之后还可以缩小视野、平移和局部重绘
    /blend：混合多张照片（以相册发送，并附上 /blend 作为说明文字）
    /describe：发送一张照片，获得四条对应的提示词
help-video = <b>🎬 视频</b>

    /video <i>提示词</i>：用文字生成视频；开始前我会先显示价格、时长和模型
    发送照片并附上 /video 作为说明文字：让照片动起来（图生视频）
    视频需要几分钟才能生成：完成后我会把结果发到这里，即使我中途重启过也一样。
help-money = <b>💰 余额与支付</b>

    /balance：你的余额与交易记录
    /topup：用 Telegram Stars 充值
    /redeem <i>兑换码</i>：用兑换码充值（也可以直接把兑换码发给我）
    /invite：邀请好友，双方都能获得奖励
    /key：使用你自己的 API 密钥付费，而不是从余额扣费
    /paysupport：支付问题帮助 · /terms：服务条款

    生成开始时会预扣费用，生成失败则退回。
help-account = <b>⚙️ 设置与客服</b>

    /settings：模型与参数
    /language：切换语言
    /cancel：取消当前操作（待回答的问题、未发送的草稿）
    /support：联系人工客服；回复会发到这里
unknown-command = 我不认识这个命令。看看我能做什么：/help
unknown-command-suggest = 我不认识 /{ $typed }。你是想输入 /{ $command } 吗？
cancel-nothing = 没有可以取消的操作：目前没有待回答的问题或草稿。发送 /help 看看我能做什么。
bot-short-description = 用文字生成图片和视频，领先的 AI 模型尽在一个聊天中。按次付费。
bot-description = 我可以根据描述，用 { $names } 等模型生成图片和视频，全部在一个聊天里完成。我还能编辑照片，让照片动起来。

    每次生成都从余额中扣费；开始前会显示价格，生成失败会退款。点击“开始”即可查看可用的模型和充值方式。
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
cmd-gallery = 我的作品库
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
