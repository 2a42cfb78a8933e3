# Video generation: /video, its settings keyboard, delivery fallbacks.
video-usage =
    🎬 Describe the video after the command, for example:
    <code>/video a hummingbird hovering near a flower, slow motion</code>

    To animate a photo, send it with <code>/video</code> and the description as its caption, or reply to it with <code>/video</code> and the description. Add <code>--duration 10</code>, <code>--ar 9:16</code> or <code>--mode pro</code> to set them for this request.
video-no-model = 🎬 No video model is available right now. Please try again later.
video-image-too-large = 📷 This file is { $size }: bots can only download files up to { $sizeLimit } from Telegram. Send a smaller photo (as a photo, not as a file: Telegram compresses it). Nothing was charged.
video-image-not-image = 📄 This is not an image I can animate. Send a photo, or a PNG, JPEG or WebP file, with /video and the description as its caption. Nothing was charged.
video-screen-title = 🎬 <b>Video</b> · { $model }
video-screen-frames = { $count ->
    [one] 🖼 Starts from your photo
   *[other] 🖼 Starts from your first photo and ends on the second
}
video-screen-references = { $count ->
    [one] 🖼 Draws on your photo as a reference
   *[other] 🖼 Draws on your { $count } photos as references
}
video-screen-duration = ⏱ { $seconds } s
video-screen-mode = ⚙️ { $mode ->
    [pro] Pro
   *[std] Standard
}
video-screen-price = 💰 Price: { $price }
video-screen-own-key = 🔑 Paid with your own API key
video-button-model = 🎬 { $model } ▾
video-duration-label = { $seconds } s
video-mode-label = { $mode ->
    [pro] Pro
   *[std] Standard
}
video-button-confirm = ✅ Generate · { $price }
video-button-confirm-own = ✅ Generate (your key)
video-button-cancel = ✖️
video-button-back = ⬅️ Back
video-price-second = { $price }/s
video-price-call = { $price }
video-choose-model = 🎬 Choose the video model:
video-choose-model-image = { $count ->
    [one] 🎬 Choose the model that animates your photo:
   *[other] 🎬 Choose a model that takes { $count } photos:
}
video-saved-model = ✅ Model: { $model }
video-draft-gone = This request has expired. Send /video again.
video-not-yours = This is someone else’s request. Send /video for your own.
video-already-started = This video is already being made. See /jobs.
video-model-gone = This model is no longer offered. Choose another one.
video-cancelled = ✖️ Cancelled, nothing was charged.
video-started = 🎬 { $model } · { $seconds } s · { $price }: started. I will send the video here when it is ready; videos take a few minutes.
video-again-toast = 🔁 Once more…
video-again-model-gone = The model { $model } is no longer offered, so I cannot repeat this. Send /video to choose another one.
video-size-over = over { $sizeLimit }
video-link = The video is too large to upload here ({ $size }). Download it: { $url }
    The link is the provider’s and may expire within a day.
video-link-private = The video is ready, but it is too large to upload here ({ $size }), and the provider gives it out only to the key that made it, so I cannot send a link. Write to /support with the task ID { $task } to get the file.
video-effect-squish = 🫳 Squish
video-effect-expansion = 🎈 Inflate
video-effect-fuzzyfuzzy = 🧸 Fuzzy
video-effect-bloombloom = 🌸 Bloom
video-effect-dizzydizzy = 💫 Dizzy
video-extend-unavailable = Nothing is offered for this video now, or it is not ready yet.
video-extend-toast = ⏩ A continuation: check it and confirm
video-screen-extend = ⏩ Continues your earlier video
video-lipsync-toast = 🗣 Lip sync: reply to the new message with the words to say
video-screen-ask-words = 🗣 <b>Reply to this message</b> with the words the person should say.
video-screen-ask-prompt = ✍️ <b>Reply to this message</b> with a description of the video.
video-prompt-set = ✅ Got it: the text is on the keyboard above. Check it and press Generate.
video-voice-oversea_male1 = 👨 Man
video-voice-commercial_lady_en_f-v1 = 👩 Woman
video-voice-reader_en_m-v1 = 📖 Narrator
video-voice-uk_boy1 = 👦 Boy (UK)
video-voice-uk_man2 = 🎩 Man (UK)
video-audio-voice-note = 🎙 Voice notes (OGG) are not a format Kling's lip sync takes. Send the sound as an MP3, M4A, WAV or AAC file, as a reply to the keyboard, or reply with the words to say.
video-audio-format = 🎵 This sound file's format is not one lip sync takes: send MP3, M4A, WAV or AAC.
video-audio-not-taken = 🎵 { $model } speaks written words only: reply with the text instead.
video-audio-too-large = 🎵 This sound file is too large: lip sync takes up to { $sizeLimit }. Send a shorter one.
video-audio-set = ✅ Got it: the video will speak your sound file. Check the keyboard above and press Generate.
video-screen-ask-words-or-audio = 🗣 <b>Reply to this message</b> with the words the person should say, or with a sound file (MP3, M4A, WAV, AAC) to speak.
video-input-too-large = 🎞 This video is too large: bots can download files up to { $sizeLimit } from Telegram. Send a shorter or smaller one. Nothing was charged.
video-screen-video = 🎞 Works on your video
