# Job status, delivery and failures (shared by every generation family).
job-queued = ⏳ 排队中……（{ $model }）
job-queued-charged = 💳 已预扣 { $price }，余额剩余 { $balance }。失败会退款。
job-status-charged = 💳 已预扣 { $price }，失败会退款。
job-queued-own-key = 🔑 使用你自己的 API 密钥运行：这里不扣费。
job-confirm-question = 💳 { $model } 需要 { $price }；扣费后余额剩余 { $balance }。要开始吗？
job-confirm-start = ✅ 开始 · { $price }
job-confirm-cancel = ✖️ 取消
job-confirm-starting = 正在开始……
job-confirm-dropped = ✖️ 未开始，未扣费。
job-confirm-expired = 这个确认已过期。请重新发送请求。
job-generating = 🎨 { $model } 正在生成…… { $elapsed }
job-running = ⏳ { $model }：{ $progress } · { $elapsed }
job-held = ⚠️ Midjourney 正在审核这条提示词（{ $reason }）· { $elapsed }。它仍有可能继续运行；如果没有通过，会被拒绝并退款。
job-done-caption = { $model } · { $cost }
job-album-buttons = ⬆️ 上面是 { $count } 张图片。接下来要做什么？
job-result-note = 💬 模型回复：{ $note }
job-cost-own-key = 你的密钥
job-refunded = 为此预扣的 { $amount } 已退回你的余额。
job-button-again = 🔁 再来一次
job-button-edit = ✏️ 编辑这张
job-button-original = 📎 原图文件
job-button-support = 💬 客服
job-button-cancel = ✖️ 取消
job-cancelled = ✖️ 已取消。{ $refund }
job-cancel-too-late = 已经开始运行，无法再取消。
job-not-yours = 这个按钮属于别人的生成任务。
job-gone = 这个生成任务已不存在。
job-original-gone = 原图文件已不再保留。请用 🔁 重新生成。
job-link-only = 文件太大，无法在这里上传（{ $size }）。请下载：{ $url }
jobs-empty = 你还没有生成记录。发给我一段画面描述就可以开始。
jobs-title = <b>你最近的生成记录</b>
jobs-line = { $icon } <code>{ $id }</code> · { $model } · { $status } · { $when }
job-status-queued = 排队中
job-status-submitting = 启动中
job-status-running = 进行中
job-status-delivering = 发送中
job-status-done = 已完成
job-status-failed = 失败
job-status-cancelled = 已取消
job-insufficient = 💰 余额不足：本次需要 { $price }，你的余额为 { $balance }。
job-insufficient-own-key = 🔑 也可以用 /key 绑定你自己的 API 密钥。
job-failed = ❌ 生成失败：{ $reason }
    { $refund }
    🆔 任务编号：<code>{ $job }</code>
job-failed-bad_key = 机器人自己的 API 密钥被拒绝了，在运营方修复之前无法进行生成。你不会有任何损失：请稍后再试，或发送 /support 联系客服。
job-failed-key_exhausted = 机器人的生成额度暂时用完了。请稍后再试，或发送 /support 联系客服。
job-failed-model_not_allowed = 这个模型目前不可用。请在 /settings 中选择其他模型。
job-failed-insufficient_balance = 机器人在提供方的账户目前余额不足。请稍后再试，或发送 /support 联系客服。
job-failed-own-bad_key = 你的 API 密钥被拒绝（密钥错误或已过期）。请用 /key 发送新密钥，或用 /key remove 移除密钥，改为从余额付费。
job-failed-own-key_exhausted = 你的 API 密钥已没有额度。请到获取该密钥的地方充值，或用 /key remove 移除密钥，改为从余额付费。
job-failed-own-model_not_allowed = 你的 API 密钥无权使用这个模型。请在 /settings 中选择其他模型，或到获取该密钥的地方为它开放此模型。
job-failed-own-insufficient_balance = 你的 API 密钥所属的账户余额不足。请到获取该密钥的地方充值，或用 /key remove 移除密钥，改为从余额付费。
job-failed-banned_prompt = 提示词中含有违禁词{ $word ->
    [none] {""}
   *[other] （“{ $word }”）
}。请换个说法再试。
job-failed-content_policy = 请求被模型的内容政策拒绝。请修改提示词后再试。
job-failed-rate_limited = 模型目前很忙。请一分钟后再试。
job-failed-queue_full = 队列已满。请过几分钟再试。
job-failed-no_channel = 这个模型暂时不可用。请在 /settings 中换一个模型，或稍后再试。
job-failed-not_implemented = 这个模型不支持此操作。请在 /settings 中选择其他模型。
job-failed-not_found = 此操作所依赖的先前结果在提供方那里已经过期。请重新开始一次生成。
job-failed-timeout = 模型响应超时。请重试。
job-failed-upstream = 模型提供方出错了。请稍后再试。
job-failed-network = 无法连接到生成服务。请一分钟后再试。
job-failed-malformed = 模型返回了我无法读取的内容。请重试；如果再次出现，请在 /settings 中选择其他模型。
job-failed-invalid_request = 模型拒绝了请求。请修改提示词或设置后再试。
job-failed-too_large = 结果文件太大，无法在这里发送。请发送 /support 联系客服，并附上下方的任务编号。
job-failed-interrupted = 处理过程中机器人重启了。请重新发送请求。
job-failed-deadline = 未能在规定时间内完成。请重试；relax 队列可能更慢，换用更快的速度也许会有帮助。
job-failed-lost_task = 提供方丢失了这个任务。请重新发送请求。
job-failed-task_failed = 模型未能完成这个任务。请重试，或在 /settings 中选择其他模型。
job-failed-provider-words = 模型原话：“{ $detail }”。
job-failed-mj_moderation = Midjourney 根据其社区准则暂停或拒绝了这条提示词（“{ $detail }”），不会再继续。请修改提示词后再试；如果你认为这是误判，请联系客服。
job-failed-mj_invalid_parameter = Midjourney 不接受提示词中的某个参数：{ $detail }。请修正（--ar、--v、--stylize ……）后再试。
job-failed-mj_account = 服务的 Midjourney 账户暂时无法接收任务（套餐或快速时长的限制）。请稍后再试或联系客服。
job-failed-mj_image_fetch = Midjourney 无法读取其中一张图片。请重新发送这张照片，或换一张。
job-failed-delivery_failed = 我无法把结果发送给你。请发送 /support 联系客服，并附上下方的任务编号。
job-failed-input_unavailable = 我无法从 Telegram 下载你的照片。请重新发送。
job-failed-input_too_large = 你的照片超过了 Telegram 允许机器人下载的大小（20 MB）。请发送更小的照片。
job-failed-input_not_image = 你发送的文件不是我能使用的图片。请发送 JPG、PNG 或 WebP 格式的照片。
job-failed-input_not_audio = 你发送的音频文件格式无法使用（支持 MP3、M4A、WAV 或 AAC）。
job-failed-input_not_video = 你发送的文件不是我能使用的视频（支持 MP4、MOV 或 WebM）。
job-failed-unknown = 出了点问题{ $detail ->
    [none] {""}
   *[other] ：{ $detail }
}。
job-failed-reason = 原因：{ $detail }
# Requests the catalog refuses (any family): nothing is charged. $allowed lists the choices.
job-problem-prompt_empty = ✍️ 描述是空的。请写下你想要的内容，例如：雪地里的一只红狐狸，水彩风格。
job-problem-prompt_too_long = ✍️ 描述太长了：{ $length } 个字符，而 { $model } 最多接受 { $limit } 个。请精简后重新发送。未扣费。
job-problem-size_unsupported = 📐 { $model } 不支持这个尺寸。可选：{ $allowed }。未扣费。
job-problem-aspect_unsupported = 📐 { $model } 不支持这个宽高比。可选：{ $allowed }。未扣费。
job-problem-n_out_of_range = 🔢 { $model } 每次请求最多生成 { $limit } 张图片。可选：{ $allowed }。未扣费。
job-problem-duration_unsupported = ⏱ { $model } 不支持这个时长。可选：{ $allowed }。未扣费。
job-problem-mode_unsupported = ⚙️ { $model } 不支持这个模式。可选：{ $allowed }。未扣费。
job-problem-image_required = 📷 { $model } 需要一张图片：请发送照片，并把描述写在照片说明里。未扣费。
job-problem-image_not_supported = 📷 { $model } 不接受图片。请只发送描述，或在 /settings 中选择其他模型。未扣费。
job-problem-too_many_images = 📷 { $model } 每次请求最多接受 { $limit } 张图片。请少发几张。未扣费。
job-problem-too_few_images = 📷 { $model } 至少需要 { $limit } 张图片。请在同一个相册中多发几张。未扣费。
job-problem-option_unsupported = ⚙️ { $model } 的 { $option } 不支持这个值。可选：{ $allowed }。未扣费。
job-problem-option_not_taken = ⚙️ { $model } 不接受 { $option }。请去掉它后重新发送请求，或在 /settings 中选择其他模型。未扣费。
job-problem-seed_invalid = 🎲 种子必须是 0 到 { $limit } 之间的整数，例如 --seed 42。未扣费。
job-problem-transparent_format = 🫥 透明背景需要 PNG 或 WebP 格式：请加上 --format png。未扣费。
job-problem-effect_unsupported = ✨ { $model } 不支持这个特效。可选：{ $allowed }。未扣费。
job-too-many-active = ⏳ 你已有 { $limit } 个生成任务在进行中。请等其中一个完成（见 /jobs）后再试。
job-original-limit = { $seconds ->
   *[other] 同时请求的原图文件太多：请在 { $seconds } 秒后再试。
}
job-button-extend = ⏩ 延长
job-problem-source_required = ⏩ { $model } 需要基于你之前的某个视频：请使用该视频下方的按钮。未扣费。
job-problem-source_not_supported = ⏩ { $model } 无法处理这个视频。请选择适用于它的模型。未扣费。
job-button-lipsync = 🗣 对口型
job-problem-voice_unsupported = 🗣 { $model } 不支持这个声音。可选：{ $allowed }。未扣费。
job-problem-audio_not_supported = 🎵 { $model } 只能朗读文字：请发送文字，而不是音频文件。未扣费。
job-problem-video_required = 🎞 { $model } 需要基于视频：请发送视频，附上 /video 和描述作为说明文字。未扣费。
job-problem-video_not_supported = 🎞 { $model } 不接受视频。请在键盘上选择其他模型。未扣费。
