# Video generation: /video, its settings keyboard, delivery fallbacks.
video-usage =
    🎬 在命令后面描述你想要的视频，例如：
    <code>/video a hummingbird hovering near a flower, slow motion</code>

    想让照片动起来，就发送照片并附上 <code>/video</code> 和描述作为说明文字，或者用 <code>/video</code> 加描述回复这张照片。加上 <code>--duration 10</code>、<code>--ar 9:16</code> 或 <code>--mode pro</code> 可以为本次请求设置这些参数。
video-no-model = 🎬 目前没有可用的视频模型。请稍后再试。
video-image-too-large = 📷 这个文件大小为 { $size }：机器人只能从 Telegram 下载不超过 { $sizeLimit } 的文件。请发送更小的照片（以照片而不是文件的形式发送：Telegram 会自动压缩）。未扣费。
video-image-not-image = 📄 这不是我能做成动画的图片。请发送照片，或 PNG、JPEG、WebP 文件，并附上 /video 和描述作为说明文字。未扣费。
video-screen-title = 🎬 <b>视频</b> · { $model }
video-screen-frames = { $count ->
    [1] 🖼 从你的照片开始
   *[other] 🖼 从你的第一张照片开始，到第二张照片结束
}
video-screen-references = { $count ->
    [1] 🖼 以你的照片作为参考
   *[other] 🖼 以你的 { $count } 张照片作为参考
}
video-screen-duration = ⏱ { $seconds } 秒
video-screen-mode = ⚙️ { $mode ->
    [pro] 专业
   *[std] 标准
}
video-screen-price = 💰 价格：{ $price }
video-screen-own-key = 🔑 使用你自己的 API 密钥付费
video-button-model = 🎬 { $model } ▾
video-duration-label = { $seconds } 秒
video-mode-label = { $mode ->
    [pro] 专业
   *[std] 标准
}
video-button-confirm = ✅ 生成 · { $price }
video-button-confirm-own = ✅ 生成（你的密钥）
video-button-cancel = ✖️
video-button-back = ⬅️ 返回
video-price-second = { $price }/秒
video-price-call = { $price }
video-choose-model = 🎬 选择视频模型：
video-choose-model-image = { $count ->
    [1] 🎬 选择让你的照片动起来的模型：
   *[other] 🎬 选择支持 { $count } 张照片的模型：
}
video-saved-model = ✅ 模型：{ $model }
video-draft-gone = 这个请求已过期。请重新发送 /video。
video-not-yours = 这是别人的请求。发送 /video 创建你自己的。
video-already-started = 这个视频已经在制作中了。请查看 /jobs。
video-model-gone = 这个模型已下架，请选择其他模型。
video-cancelled = ✖️ 已取消，未扣费。
video-started = 🎬 { $model } · { $seconds } 秒 · { $price }：已开始。视频做好后我会发到这里；生成视频需要几分钟。
video-again-toast = 🔁 再来一次……
video-again-model-gone = 模型 { $model } 已下架，无法重复这次生成。发送 /video 选择其他模型。
video-size-over = 超过 { $sizeLimit }
video-link = 视频太大，无法在这里上传（{ $size }）。请下载：{ $url }
    该链接由模型提供方提供，可能在一天内失效。
video-link-private = 视频已经生成好了，但文件太大，无法在这里上传（{ $size }）；而提供方只向生成它的密钥提供该文件，所以我无法给你发送链接。请发送 /support 联系客服，并附上任务编号 { $task }，以获取文件。
video-effect-squish = 🫳 挤压
video-effect-expansion = 🎈 膨胀
video-effect-fuzzyfuzzy = 🧸 毛绒
video-effect-bloombloom = 🌸 绽放
video-effect-dizzydizzy = 💫 眩晕
video-extend-unavailable = 目前没有可用于这个视频的操作，或者视频还没准备好。
video-extend-toast = ⏩ 续接视频：请检查并确认
video-screen-extend = ⏩ 续接你之前的视频
video-lipsync-toast = 🗣 对口型：请用要说的台词回复新消息
video-screen-ask-words = 🗣 <b>请回复这条消息</b>，写下人物要说的台词。
video-screen-ask-prompt = ✍️ <b>请回复这条消息</b>，写下视频的描述。
video-prompt-set = ✅ 收到：文字已填入上方的键盘。请检查后点击“生成”。
video-voice-oversea_male1 = 👨 男声
video-voice-commercial_lady_en_f-v1 = 👩 女声
video-voice-reader_en_m-v1 = 📖 旁白
video-voice-uk_boy1 = 👦 男孩（英式）
video-voice-uk_man2 = 🎩 男士（英式）
video-audio-voice-note = 🎙 Kling 对口型不支持语音消息（OGG）格式。请以 MP3、M4A、WAV 或 AAC 文件发送音频，作为对键盘消息的回复，或直接回复要说的台词。
video-audio-format = 🎵 对口型不支持这个音频文件的格式：请发送 MP3、M4A、WAV 或 AAC。
video-audio-not-taken = 🎵 { $model } 只能朗读文字：请改为回复文字。
video-audio-too-large = 🎵 这个音频文件太大了：对口型最多支持 { $sizeLimit }。请发送更短的音频。
video-audio-set = ✅ 收到：视频将使用你的音频。请检查上方的键盘后点击“生成”。
video-screen-ask-words-or-audio = 🗣 <b>请回复这条消息</b>，写下人物要说的台词，或发送要朗读的音频文件（MP3、M4A、WAV、AAC）。
video-input-too-large = 🎞 这个视频太大了：机器人只能从 Telegram 下载不超过 { $sizeLimit } 的文件。请发送更短或更小的视频。未扣费。
video-screen-video = 🎞 基于你的视频
