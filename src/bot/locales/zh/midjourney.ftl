# Midjourney: /mj, result buttons, the modal prompt, /blend and /describe.
mj-usage =
    🖼 <b>Midjourney</b>（{ $model }）

    /mj <i>提示词</i> — 生成四张图组成的网格图；<code>--ar 16:9 --v 6</code> 等 Midjourney 参数会原样传递。带说明文字 <code>/mj 提示词</code> 的照片会被用作参考图。
    /blend — 混合 2–5 张照片。
    /describe — 为一张照片生成四条提示词。

    每个结果下方的按钮可以放大（U1–U4）、生成变体（V1–V4、🔄）以及缩放或平移。
    速度与价格：/settings，或在提示词中加上 <code>--fast</code> / <code>--relax</code> / <code>--turbo</code>。
mj-unavailable = Midjourney 目前不可用。
mj-speed-unavailable = 这里不提供 --{ $mode }。可用的速度：{ $offered }。未扣费。
mj-prompt-too-long = 提示词太长了：最多 { $limit } 个字符。
mj-too-many-images = 这个模型最多接受 { $limit } 张参考图。
mj-images-not-supported = 这个模型不接受参考图。
mj-image-too-large = 📷 这个文件大小为 { $size }：机器人只能从 Telegram 下载不超过 { $sizeLimit } 的文件。请发送更小的照片（以照片而不是文件的形式发送：Telegram 会自动压缩）。未扣费。
mj-image-not-image = 📄 相册中的这一项不是我能用作参考的图片：请发送照片，或 PNG、JPEG、WebP 文件。未扣费。
mj-button-working = ⏳ { $action }……
mj-button-unsupported = 这个 Midjourney 模型不支持此按钮。请试试其他按钮，或用 /mj 重新开始。
mj-button-region = 🖌 局部重绘需要在图片上绘制蒙版，聊天里做不到。可以试试 🪄 轻微变化或强烈变化，或 🔍 自定义缩放。
mj-button-region-gallery = 🖌 Vary (Region) 需要在作品库中绘制：打开 /gallery，选择这张图片，涂抹需要重绘的部分。
mj-button-stale = 这个按钮已过期。
mj-button-busy = 正在处理……
mj-button-not-yours = 这些按钮属于别人的图片。
mj-button-model-off = 这个 Midjourney 模型已不再提供。
mj-result-caption = { $model } · { $cost }
mj-mode-fast = fast
mj-mode-relax = relax
mj-mode-turbo = turbo
mj-ran-mode = ⚡ 以 { $mode } 模式运行。
mj-ran-other-mode = ⚡ 以 { $mode } 模式运行，而不是 { $asked }：服务没有传递速度设置。你支付的是 { $asked } 的价格。
mj-document-note = 原尺寸图片（超过了 Telegram 对照片的大小限制）。
mj-describe-title = 🔍 <b>为你的图片生成的四条提示词</b>
mj-describe-hint = 点击数字，用对应的提示词生成图片。
mj-describe-button = { $n } ✨ 生成
mj-describe-gone = 这条提示词已不可用。
mj-preview-caption = 👀 预览
mj-modal-zoom-ask =
    🔍 <b>自定义缩放</b>：发送带 <code>--zoom</code>（1 到 2 之间）的提示词，或只发送一个数字（例如 <code>1.5</code>）以保留原提示词：
    <code>{ $prompt }</code>

    缩放费用为 { $price }。发送 /cancel 取消。
mj-modal-remix-ask =
    🎛 <b>Remix</b>：这次{ $action }可以在运行前换一条新提示词。当前提示词：
    <code>{ $prompt }</code>

    费用为 { $price }。
mj-modal-new-ask = ✏️ 请以文字发送新的提示词。发送 /cancel 取消。
mj-modal-button-keep = ▶️ 保留提示词
mj-modal-button-new = ✏️ 新提示词
mj-modal-button-cancel = ✖️ 取消
mj-modal-continuing = ▶️ 马上处理。
mj-modal-waiting = ✅ 收到：Midjourney 一就绪就会继续。
mj-modal-cancelled = ✖️ 已取消。{ $refund }
mj-modal-gone = 这一步已不再等待提示词。
mj-modal-text-only = 请以文字发送提示词，或发送 /cancel。
mj-modal-insufficient = 💰 余额不足以完成这一步：需要 { $price }，你的余额为 { $balance }。
mj-blend-ask = 🧩 <b>混合</b>：请发送 2–5 张照片（以相册发送最方便）。发送 /cancel 取消。
mj-blend-choose = 📐 照片：{ $count } 张。请选择结果的画幅，或继续发送照片（最多 5 张）。
mj-blend-portrait = ▯ 竖版
mj-blend-square = ◻️ 方形
mj-blend-landscape = ▭ 横版
mj-blend-need-more = 请先发送至少 2 张照片。
mj-blend-too-many = 最多 5 张照片：多出的照片不会被使用。
mj-blend-cancelled = 已取消混合。
mj-describe-ask = 🔍 <b>反推提示词</b>：发送一张照片，我会为它写出四条提示词。发送 /cancel 取消。
mj-describe-cancelled = 已取消反推提示词。
mj-photo-only = 请发送照片，或发送 /cancel。
mj-finish-first = 请先完成当前步骤，或用 /cancel 取消。
mj-action-upscale = 放大
mj-action-variation = 变体
mj-action-low_variation = 轻微变化
mj-action-high_variation = 强烈变化
mj-action-reroll = 重新生成
mj-action-zoom = 缩小视野
mj-action-pan = 平移
mj-action-custom_zoom = 自定义缩放
mj-action-inpaint = 局部重绘
