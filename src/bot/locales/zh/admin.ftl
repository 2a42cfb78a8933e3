# Admin tools: ban, reload, stats, broadcast (only admins ever see these).
admin-cmd-stats = 统计数据
admin-cmd-broadcast = 给所有用户发消息
admin-cmd-ban = 封禁用户
admin-cmd-unban = 解封用户
admin-cmd-reload = 重新加载模型目录
admin-usage-ban = 用法：/ban <用户 ID 或 @用户名>，或在客服群中回复工单消息时发送 /ban。
admin-usage-unban = 用法：/unban <用户 ID 或 @用户名>
admin-user-not-found = 未找到用户“{ $query }”。对方必须至少给机器人发过一次消息。
admin-banned = ⛔ { $user } 已被封禁：从现在起只会收到封禁通知。
admin-already-banned = { $user } 此前已被封禁。
admin-unbanned = ✅ { $user } 已解封。
admin-not-banned = { $user } 没有被封禁。
admin-cannot-ban-admin = 管理员不能被封禁。
admin-reload-ok = ✅ 模型目录已重新加载：共 { $models } 个模型，已启用 { $enabled } 个（之前为 { $previous } 个）。
admin-reload-failed = ❌ 模型目录未能重新加载，继续使用当前目录（{ $models } 个模型）。
stats-title = 📊 <b>统计数据</b> · { $when }
stats-users = 👥 用户：{ $total } · 今日活跃 { $today } · 7 天活跃 { $week } · 今日新增 { $fresh }
stats-users-flags = 屏蔽机器人 { $blocked } · 已封禁 { $banned } · 有余额 { $funded }
stats-jobs-title = 🎨 <b>任务</b>：共 { $total } 个，今日 { $today } 个
stats-jobs-family = • { $family }：{ $total }（今日 { $today }）· 完成 { $done } · 失败 { $failed } · 进行中 { $active }
stats-jobs-none = • 暂无
stats-money-today = 💰 今日：充值 { $topups } · 消费 { $spent } · 退款 { $refunds }
stats-money-total = 💰 累计：充值 { $topups } · 消费 { $spent } · 退款 { $refunds }
stats-models-title = 🏆 <b>热门模型</b>（7 天）
stats-model = • { $model }：{ $total }（失败率 { $failed }%）
stats-failures-title = ⚠️ <b>失败</b>（24 小时）：{ $finished } 个中失败 { $failed } 个（{ $percent }%）
stats-failure-family = • { $family }：{ $finished } 个中失败 { $failed } 个（{ $percent }%）
stats-failure-codes = 原因：{ $codes }
stats-gateway = 🌐 网关（最近 { $minutes } 分钟）：{ $requests } 次调用，{ $errors } 次错误（{ $percent }%）
stats-gateway-kinds = 错误：{ $kinds }
stats-tickets = 💬 客服：{ $open } 个未关闭工单，共 { $total } 个
broadcast-ask = 📣 把要群发的消息发给我（文字、照片、视频、文件……）。它会原样复制给 { $count } 位用户。发送 /cancel 取消。
broadcast-nobody = 没有可发送的对象：目前还没有（管理员以外的）用户能接收消息。
broadcast-confirm = 要把这条消息发给 { $count } 位用户吗？
broadcast-button-send = 📣 发送
broadcast-button-cancel = ✖️ 取消
broadcast-button-stop = ⏹ 停止
broadcast-cancelled = 已取消，什么都没有发送。
broadcast-unsupported = 这类消息无法群发。请发送文字、照片、视频、文件或其他普通消息。
broadcast-progress = 📣 群发 #{ $id }：{ $done } / { $total }（{ $percent }%）
    ✅ 已发送 { $sent } · 🚫 已屏蔽 { $blocked } · ⚠️ 失败 { $failed }
broadcast-eta = ⏱ 预计还需 { $eta }
broadcast-done = 📣 群发 #{ $id } 已完成，用时 { $elapsed }。
    ✅ 已发送：{ $sent } · 🚫 屏蔽了机器人：{ $blocked } · ⚠️ 失败：{ $failed } · 已跳过：{ $skipped }
broadcast-stopped = ⏹ 群发 #{ $id } 已停止，已完成 { $done } / { $total }。
    ✅ 已发送：{ $sent } · 🚫 屏蔽了机器人：{ $blocked } · ⚠️ 失败：{ $failed }
broadcast-source-gone = ❌ 群发 #{ $id } 已停止：原消息已被删除。已发送：{ $sent } / { $total }。
broadcast-stopping = 正在停止……
broadcast-not-running = 这次群发已不在进行中。

alert-key_rejected =
    🚨 <b>网关拒绝了机器人的密钥</b>（GATEWAY_API_KEY）。在恢复之前，所有从余额付费的生成都会失败并退款。
    请在 { $gateway } 检查或更换密钥，然后重启机器人。
alert-key_rejected-cleared = ✅ 网关重新接受机器人的密钥了。
alert-balance_low =
    🚨 <b>机器人的网关余额不足</b>：仅剩 { $remaining } USD。余额用完后，生成会失败（并退款）。
    请在 { $gateway } 充值。
alert-balance_low-cleared = ✅ 机器人的网关余额已重新高于警戒线。
alert-gateway_down =
    🚨 <b>网关已有 { $minutes ->
       *[other] { $minutes } 分钟
    }没有响应</b>（{ $gateway }）。生成会失败或一直等待。
alert-gateway_down-cleared = ✅ 网关恢复响应了。

## Stars in /stats, reconciliation
stats-stars-total = ⭐ Stars 累计：收到 { $stars }，退款 { $refunded }（{ $payments ->
   *[other] { $payments } 笔支付
}）
stats-stars-day = · { $day }：收到 { $stars } ⭐，退款 { $refunded } ⭐（{ $payments ->
   *[other] { $payments } 笔支付
}）
stats-referral = 🤝 已发放的邀请奖励：今日 { $today } · 累计 { $total }
reconcile-clean = ✅ Stars 对账：{ $checked ->
   *[other] { $checked } 笔 Telegram 交易
}与账本一致。
reconcile-title = ⚠️ <b>Stars 对账</b>（{ $checked ->
   *[other] 已读取 { $checked } 笔 Telegram 交易
}）：
reconcile-credited = · 已补记：用户 { $user } 的 { $stars } ⭐ 没有账本记录（交易 <code>{ $chargeId }</code>）
reconcile-reversed = · Telegram 端已退款，现已扣回额度：用户 { $user } 的 { $stars } ⭐（交易 <code>{ $chargeId }</code>）
reconcile-unmatched = · 账本中有、Telegram 中没有：用户 { $user } 的 { $stars } ⭐（交易 <code>{ $chargeId }</code>）：请人工核查
reconcile-foreign = · 一笔本机器人无法入账的 Telegram 支付：{ $stars } ⭐（交易 <code>{ $chargeId }</code>）：请人工核查
reconcile-failed = ❌ 无法从 Telegram 读取 Stars 交易记录。请稍后再试。
