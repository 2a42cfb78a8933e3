# Money and account: balance, redeem codes, own API key, models, language, admin money tools.
# HTML parse mode: variables that carry user text are escaped by the code.

## /balance
balance-title = 💰 <b>余额：{ $balance }</b>
balance-key-linked = 🔑 已绑定你自己的 API 密钥 { $masked }：生成费用由它支付，不从本余额扣除。
balance-key-quota = 密钥额度：剩余 <b>{ $remaining }</b>，共 { $total }（已用 { $used }）。
balance-key-quota-unlimited = 密钥额度：<b>无限制</b>（已用 { $used }）。
balance-key-quota-unavailable = 暂时无法读取你的密钥额度。请过一分钟再发送 /balance。
balance-key-exhausted = ⚠️ 你的 API 密钥已没有额度。请到获取该密钥的地方充值，或用 /key remove 移除密钥，改为从本余额付费。
balance-key-invalid = ⚠️ 你的 API 密钥 { $masked } 被拒绝（密钥错误、已停用或已过期）。请用 /key 发送新密钥，或用 /key remove 移除密钥，改为从本余额付费。
balance-history-title = <b>最近的交易</b>（UTC）
balance-history-empty = 暂无交易记录。
balance-line = { $amount } · { $what } · { $when }
balance-kind-topup = 充值
balance-kind-code = 兑换码 { $hint }
balance-kind-charge = 生成，{ $model }
balance-kind-refund = 退款，{ $model }
balance-kind-adjustment = 运营方调整
balance-how-to-buy-link = 🎟 <b>充值：</b>在 { $link } 购买兑换码，然后发到这里（或使用 /redeem <i>兑换码</i>）。
balance-how-to-buy-contact = 🎟 <b>充值：</b>向 { $contact } 购买兑换码，然后发到这里（或使用 /redeem <i>兑换码</i>）。
balance-how-to-redeem = 🎟 <b>充值：</b>把兑换码发到这里（或使用 /redeem <i>兑换码</i>）。

## Redeem codes
redeem-usage = 🎟 请发送你的兑换码：<code>/redeem XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code> — 或者直接粘贴到这里。
redeem-ok = ✅ 兑换成功：<b>+{ $amount }</b>。余额：<b>{ $balance }</b>。
redeem-ok-own-key = 你已绑定自己的 API 密钥，所以生成费用由它支付；执行 /key remove 后会重新使用本余额。
redeem-malformed = ❌ 这不是兑换码。兑换码的格式是 <code>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>。
redeem-typo = ❌ 这个兑换码有输入错误：有一个字符错了，或有两个字符颠倒了。请检查后重试。
redeem-not-found = ❌ 没有这个兑换码。请检查后重试。
redeem-expired = ⌛ 这个兑换码已过期。
redeem-used-up = ❌ 这个兑换码已被使用。
redeem-already = ℹ️ 你已经兑换过这个兑换码了。
redeem-disabled = ❌ 这个兑换码已被卖家作废。
redeem-attempts-left = 剩余尝试次数：{ $attempts }。
redeem-locked = 🔒 输错兑换码的次数太多：兑换功能已锁定 { $minutes } 分钟。
redeem-rate-limited = 🔒 输错兑换码的次数太多。请在 { $minutes } 分钟后再试。

## Own API key
key-ask = 🔑 请发送你的 API 密钥（以 <code>sk-</code> 开头）。我读取后会立即删除你的消息。

    发送 /cancel 取消。
key-ask-replace = 🔑 已绑定你的密钥 { $masked }（{ $status }）。发送新密钥即可替换，发送 /key remove 解除绑定，或发送 /cancel。
key-status-ok = 正常
key-status-invalid = 被拒绝（密钥错误或已过期）
key-cancelled = 已取消，没有做任何更改。
key-linked = ✅ 已绑定你的密钥 { $masked }。之后的生成将使用它运行并由它付费，不从你的余额扣除。发送 /key remove 可解除绑定。
key-not-a-key = ❌ 这不是 API 密钥：密钥的格式是 <code>sk-</code> 后接至少 16 个字母和数字。没有做任何更改。发送 /key 重试。
key-invalid = ❌ 这个密钥被拒绝（密钥错误、已停用或已过期）。没有做任何更改。请检查后重新发送 /key。
key-exhausted = ❌ 这个密钥已没有额度。没有做任何更改。请到获取该密钥的地方充值，然后重新发送 /key。
key-unavailable = ⚠️ 暂时无法验证密钥：服务没有响应。没有做任何更改；请过几分钟再发送 /key。
key-rate-limited = 🔒 验证密钥的次数太多。请在 { $minutes } 分钟后再试。
key-delete-failed = ⚠️ 我无法删除你发送密钥的消息：请自行删除。
key-removed = 🗑 已移除你的密钥 { $masked }。生成费用将重新从你的余额扣除。
key-none = 你还没有绑定密钥。发送 /key 进行绑定。
key-group = ⚠️ 千万不要在群组里发送你的密钥。我已尝试删除那条消息；如果它还在，请到获取该密钥的地方吊销它。请改为在私聊中把 /key 发给我。

## /models
models-title = 📋 <b>模型与价格</b>
models-family-image = 🎨 图片
models-family-chat-image = 💬 对话模型生成的图片
models-family-edit = ✏️ 照片编辑
models-family-midjourney = 🖼 Midjourney
models-family-video = 🎬 视频
models-line = • { $title } — { $price }
models-price-image = 每张 { $price }
models-price-call = 每次请求 { $price }
models-price-mj = 每次 /imagine { $price }，放大 { $upscale }，变体 { $variation }
models-price-second = 每秒 { $price }（{ $durations } 秒）
models-price-video = 每个视频 { $price }（{ $durations } 秒）
models-price-pro = pro ×{ $factor }
models-price-free = 免费
models-empty = 目前没有可用的模型。
models-footer = 在 /settings 中选择模型。生成开始时从你的 /balance 余额中扣费，失败则退回。
models-own-key = 🔑 已绑定你自己的 API 密钥：你的生成费用由它支付，因此这些价格不适用于你。

## /language

## Amounts typed by admins
money-amount-not-a-number = ❌ “{ $value }”不是有效金额。请写成 5 或 2.50 这样的格式。
money-amount-zero = ❌ 金额不能为零。
money-amount-negative = ❌ 金额必须为正数。
money-amount-decimals = ❌ “{ $value }”的小数位数超出了 { $currency } 的精度。
money-amount-ambiguous = ❌ “{ $value }”有歧义（是千位分隔还是小数？）。请写成 1000 或 1.50。
money-amount-too-large = ❌ “{ $value }”太大了：单次最多 { $maxAmount }。

## Admin command menu (commands.ts ADMIN_COMMANDS)
admin-cmd-codes = 生成兑换码
admin-cmd-credit = 增加或扣减余额
admin-cmd-user = 查看用户的余额、密钥和任务

## /codes (admins)
codes-usage =
    用法：<code>/codes &lt;数量&gt; &lt;金额&gt; [使用次数] [有效期]</code>
    • <code>/codes 10 5</code> — 十个面额 5 { $currency } 的一次性兑换码
    • <code>/codes 1 2.50 100 30d</code> — 一个可供 100 人兑换的兑换码，有效期 30 天
    有效期：<code>12h</code>、<code>30d</code>、<code>2w</code>、日期如 <code>2026-12-31</code>（当天结束前有效，UTC）或 <code>never</code>。
codes-bad-count = ❌ 数量必须是 1 到 { $max } 之间的整数。
codes-bad-uses = ❌ 使用次数必须是 1 到 { $max } 之间的整数。
codes-bad-expiry = ❌ “{ $value }”不是有效的有效期：请使用 12h、30d、2w、未来的日期（如 2026-12-31）或 never。
codes-done = ✅ { $count } 个兑换码 × <b>{ $amount }</b>，每个可使用 { $uses } 次，{ $expiry }。批次 <code>{ $batch }</code>。
codes-expiry-never = 永不过期
codes-expiry-at = 有效期至 { $date } UTC
codes-inline-title = 点击兑换码即可复制：
codes-file-header =
    兑换码，批次 { $batch }
    金额：每次兑换 { $amount }
    每个兑换码可使用次数：{ $uses }
    有效期：{ $expiry }
    共 { $count } 个兑换码，由管理员 { $admin } 于 { $created } UTC 创建
codes-file-links = 深度链接（在 Telegram 中打开即可兑换）：

## /credit (admins)
credit-usage =
    用法：<code>/credit &lt;用户 ID 或 @用户名&gt; &lt;金额&gt; [备注]</code>
    负数金额表示扣款（余额不会低于零）。示例：<code>/credit @ann 5 compensation</code>
credit-unknown-user = ❌ 我不认识用户 { $query }：对方必须先给机器人发过消息。
credit-below-zero = ❌ 这会让 { $name } 的余额低于零（当前为 { $balance }）。没有做任何更改。
credit-done = ✅ { $name }（<code>{ $id }</code>）：{ $amount }。新余额：<b>{ $balance }</b>。

## /user (admins)
user-usage = 用法：<code>/user &lt;用户 ID 或 @用户名&gt;</code>
user-unknown = ❌ 我不认识用户 { $query }。
user-card =
    👤 <b>{ $name }</b> · { $username } · ID <code>{ $id }</code>
    语言：{ $language } · 加入于 { $created } · 最后活跃 { $seen }（UTC）
    状态：{ $flags }
    💰 余额：<b>{ $balance }</b>
    🔑 自己的密钥：{ $key }
user-flag-banned = ⛔ 已封禁
user-flag-blocked = 🚫 已屏蔽机器人
user-flags-none = ✅ 正常
user-key-none = 无
user-key-ok = { $masked }（正常）
user-key-invalid = { $masked }（被拒绝）
user-jobs-title = <b>最近的任务</b>
user-jobs-empty = 没有任务。
user-job-line = <code>{ $id }</code> · { $model } · { $status } · { $price } · { $when }
user-job-own-key = 自己的密钥
user-ledger-title = <b>账本</b>
user-ledger-empty = 没有记录。
user-ledger-line = { $amount } → { $after } · { $what } · { $when }{ $extra }
user-ledger-actor = 操作人 <code>{ $actor }</code>

## Telegram Stars
balance-kind-stars = Telegram Stars，{ $stars } ⭐
balance-kind-stars-refund = Stars 支付已退款
balance-kind-welcome = 新用户赠送额度
balance-kind-referral = 邀请奖励
balance-how-to-stars = ⭐ <b>用 Telegram Stars 充值：</b>/topup
stars-button = ⭐ 用 Stars 充值
stars-packs = ⭐ <b>用 Telegram Stars 充值</b>
    请选择一个套餐。支付由 Telegram 处理，确认后余额会立即增加。
    支付问题：/paysupport · 条款：/terms
stars-pack-button = { $stars } ⭐ → { $credit }
stars-off = 这里不支持 Telegram Stars 充值。请改用兑换码（/redeem）。
stars-pack-gone = 这个套餐已停售。请重新打开 /topup。
stars-invoice-title = 余额 +{ $credit }
stars-invoice-description = { $stars ->
   *[other] { $stars } 个 Telegram Stars
}，兑换 { $bot } 中 { $credit } 的生成余额。
stars-invoice-label = 余额 +{ $credit }
stars-checkout-malformed = 这张账单不是本机器人的套餐。请打开 /topup 获取新账单。
stars-checkout-not-yours = 这张账单是为其他账户创建的。请在机器人中打开 /topup 获取你自己的账单。
stars-checkout-changed = 账单创建后这个套餐已有变动。请打开 /topup 查看当前套餐。
stars-checkout-gone = 这个套餐已停售。请打开 /topup 查看当前的套餐。
stars-paid = ✅ 已收到付款：{ $stars } ⭐ → <b>+{ $credit }</b>。余额：<b>{ $balance }</b>。
stars-paid-unreadable = ⚠️ Telegram 确认了一笔我无法对应到套餐的付款。你的钱不会丢失：请通过 /paysupport 联系，运营方会处理。
stars-refunded = ↩️ 你支付的 { $stars } ⭐ 已退款。已从你的余额中扣回 { $taken }；当前余额：<b>{ $balance }</b>。

## Referrals and the welcome credit
invite-text = 🤝 <b>邀请好友</b>
    有人通过你的链接打开机器人并首次充值后，你们双方都会获得 <b>{ $bonus }</b>。
    你的链接：{ $link }
    { $invited ->
        [0] 还没有人通过它加入。
       *[other] 已有 { $invited } 人通过它加入；其中 { $rewarded } 人已充值。
    }
invite-off = 这里不提供邀请功能。
invite-refused-self = ℹ️ 这是你自己的邀请链接：请把它分享给朋友。
invite-refused-unknown_code = ℹ️ 这个邀请链接无效（可能输错了）。
invite-refused-not_new = ℹ️ 邀请链接仅适用于新用户，而你之前已经使用过本机器人。
referral-bonus-referred = 🎁 感谢充值：你获得了 <b>{ $amount }</b> 的邀请奖励。
referral-bonus-referrer = 🎉 你邀请的好友刚刚完成充值：你获得了 <b>{ $amount }</b> 的邀请奖励。

## Admin: Stars payments
admin-cmd-stars = 用户的 Stars 支付与退款
admin-cmd-reconcile = 与 Telegram 核对 Stars 支付
user-stars-button = ⭐ Stars 支付
stars-admin-usage = 用法：<code>/stars &lt;ID 或 @用户名&gt;</code>
stars-admin-none = { $name } 没有任何 Stars 支付。
stars-admin-title = ⭐ <b>{ $name } 的 Stars 支付</b>（最新在前，UTC）
stars-admin-line = { $when } · { $stars } ⭐ → { $credit } · <code>{ $charge }</code>
stars-admin-line-refunded = { $when } · { $stars } ⭐ → { $credit } · 已退款，扣回 { $reversed } · <code>{ $charge }</code>
stars-admin-refund-button = ↩️ 退款 { $stars } ⭐（{ $when }）
stars-admin-refund-anyway = ↩️ 仍然退款
stars-admin-spent = ⚠️ 该用户已花掉这笔额度的一部分（{ $stars } ⭐ 兑换的 { $credit }）。退款会退还全部 Stars，但只能扣回剩余的 { $left }（余额将归零）。仍然退款吗？
stars-admin-refunded = ✅ 已退款 { $stars } ⭐。已从余额中扣回 { $taken }；当前余额为 { $balance }。
stars-admin-refund-failed = ❌ Telegram 拒绝了退款：{ $reason }。资金未发生变动。
stars-admin-already = ℹ️ 这笔付款已经退款了。
stars-admin-unknown = 数据库中没有这笔付款。
