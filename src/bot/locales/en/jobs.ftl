# Job status, delivery and failures (shared by every generation family).
job-queued = ⏳ Queued… ({ $model })
job-queued-charged = 💳 { $price } reserved, { $balance } left. Refunded if it fails.
job-status-charged = 💳 { $price } reserved, refunded if it fails.
job-queued-own-key = 🔑 Runs on your own API key: nothing is charged here.
job-confirm-question = 💳 { $model } costs { $price }; { $balance } will be left on your balance. Start it?
job-confirm-start = ✅ Start · { $price }
job-confirm-cancel = ✖️ Cancel
job-confirm-starting = Starting…
job-confirm-dropped = ✖️ Not started. Nothing was charged.
job-confirm-expired = This question has expired. Send the request again.
job-generating = 🎨 Generating with { $model }… { $elapsed }
job-running = ⏳ { $model }: { $progress } · { $elapsed }
job-held = ⚠️ Midjourney is holding this prompt for review ({ $reason }) · { $elapsed }. It may still run; if it does not, it is refused and refunded.
job-done-caption = { $model } · { $cost }
job-album-buttons = ⬆️ { $count ->
        [one] { $count } image
       *[other] { $count } images
    } above. What next?
job-result-note = 💬 The model says: { $note }
job-cost-own-key = your key
job-refunded = The { $amount } reserved for it has been returned to your balance.
job-button-again = 🔁 Again
job-button-edit = ✏️ Edit this
job-button-original = 📎 Original file
job-button-support = 💬 Support
job-button-cancel = ✖️ Cancel
job-cancelled = ✖️ Cancelled. { $refund }
job-cancel-too-late = It has already started and can no longer be cancelled.
job-not-yours = This button belongs to someone else's generation.
job-gone = That generation no longer exists.
job-original-gone = The original file is no longer kept. Generate it again with 🔁.
job-link-only = The file is too large to upload here ({ $size }). Download it: { $url }
jobs-empty = You have no generations yet. Send me a description of a picture to start.
jobs-title = <b>Your recent generations</b>
jobs-line = { $icon } <code>{ $id }</code> · { $model } · { $status } · { $when }
job-status-queued = queued
job-status-submitting = starting
job-status-running = in progress
job-status-delivering = sending
job-status-done = done
job-status-failed = failed
job-status-cancelled = cancelled
job-insufficient = 💰 Not enough balance: this costs { $price }, you have { $balance }.
job-insufficient-own-key = 🔑 Or link your own API key with /key.
job-failed = ❌ The generation failed: { $reason }
    { $refund }
    🆔 Job ID: <code>{ $job }</code>
job-failed-bad_key = the bot's own API key was refused, so no generations run until the operator fixes it. Nothing is lost: try again later, or write to /support.
job-failed-key_exhausted = the bot has used up its generation quota for now. Try again later, or write to /support.
job-failed-model_not_allowed = this model is not available right now. Choose another one in /settings.
job-failed-insufficient_balance = the bot's account at the provider is out of funds right now. Try again later, or write to /support.
job-failed-own-bad_key = your API key was refused (wrong or expired). Send a new one with /key, or remove it with /key remove to pay from your balance.
job-failed-own-key_exhausted = your API key has no quota left. Top it up where you got the key, or remove it with /key remove to pay from your balance.
job-failed-own-model_not_allowed = your API key may not use this model. Choose another one in /settings, or allow the model for the key where you got it.
job-failed-own-insufficient_balance = the account of your API key is out of funds. Top it up where you got the key, or remove it with /key remove to pay from your balance.
job-failed-banned_prompt = the prompt contains a forbidden word{ $word ->
    [none] {""}
   *[other] {" "}(“{ $word }”)
}. Rephrase it and try again.
job-failed-content_policy = the request was refused by the model's content policy. Rephrase the prompt and try again.
job-failed-rate_limited = the models are busy right now. Try again in a minute.
job-failed-queue_full = the queue is full right now. Please try again in a few minutes.
job-failed-no_channel = this model is temporarily unavailable. Try another one in /settings or try again later.
job-failed-not_implemented = this model does not offer that operation. Choose another model in /settings.
job-failed-not_found = the earlier result this belongs to has expired at the provider. Start a new generation.
job-failed-timeout = the model took too long to answer. Please try again.
job-failed-upstream = the model's provider had an error. Please try again in a moment.
job-failed-network = the generation service could not be reached. Try again in a minute.
job-failed-malformed = the model sent back something I could not read. Try again; if it happens again, choose another model in /settings.
job-failed-invalid_request = the model refused the request. Change the prompt or the settings and try again.
job-failed-too_large = the result is larger than I can send here. Write to /support and quote the job ID below.
job-failed-interrupted = the bot was restarted while it was working on it. Send the request again.
job-failed-deadline = it did not finish in time. Please try again; a relax queue can take longer, so a faster speed may help.
job-failed-lost_task = the provider lost track of the task. Send the request again.
job-failed-task_failed = the model could not finish it. Try again, or choose another model in /settings.
job-failed-provider-words = The model said: “{ $detail }”.
job-failed-mj_moderation = Midjourney held or refused this prompt under its community guidelines (“{ $detail }”). It will not continue. Rephrase the prompt and try again; if you think it is a mistake, contact support.
job-failed-mj_invalid_parameter = Midjourney did not accept a parameter of the prompt: { $detail }. Fix it (--ar, --v, --stylize …) and try again.
job-failed-mj_account = the service's Midjourney account cannot take jobs right now (its plan or fast hours). Please try again later or contact support.
job-failed-mj_image_fetch = Midjourney could not read one of the images. Send the photo again, or another one.
job-failed-delivery_failed = I could not send you the result. Write to /support and quote the job ID below.
job-failed-input_unavailable = I could not download your photo from Telegram. Send it again.
job-failed-input_too_large = your photo is larger than Telegram lets bots download (20 MB). Send a smaller one.
job-failed-input_not_image = the file you sent is not an image I can use. Send a JPG, PNG or WebP photo.
job-failed-input_not_audio = the sound file you sent is not one I can use (MP3, M4A, WAV or AAC).
job-failed-input_not_video = the file you sent is not a video I can use (MP4, MOV or WebM).
job-failed-unknown = something went wrong{ $detail ->
    [none] {""}
   *[other] : { $detail }
}.
job-failed-reason = Reason: { $detail }
# Requests the catalog refuses (any family): nothing is charged. $allowed lists the choices.
job-problem-prompt_empty = ✍️ The description is empty. Write what you want, for example: a red fox in the snow, watercolor.
job-problem-prompt_too_long = ✍️ The description is too long: { $length ->
    [one] { $length } character
   *[other] { $length } characters
}, and { $model } accepts at most { $limit }. Shorten it and send it again. Nothing was charged.
job-problem-size_unsupported = 📐 { $model } does not offer this size. Choose one of: { $allowed }. Nothing was charged.
job-problem-aspect_unsupported = 📐 { $model } does not offer this aspect ratio. Choose one of: { $allowed }. Nothing was charged.
job-problem-n_out_of_range = 🔢 { $model } makes at most { $limit ->
    [one] { $limit } image
   *[other] { $limit } images
} per request. Choose one of: { $allowed }. Nothing was charged.
job-problem-duration_unsupported = ⏱ { $model } does not offer this length. Choose one of: { $allowed }. Nothing was charged.
job-problem-mode_unsupported = ⚙️ { $model } does not offer this mode. Choose one of: { $allowed }. Nothing was charged.
job-problem-image_required = 📷 { $model } needs an image: send a photo with the description as its caption. Nothing was charged.
job-problem-image_not_supported = 📷 { $model } does not take images. Send only a description, or choose another model in /settings. Nothing was charged.
job-problem-too_many_images = 📷 { $model } takes at most { $limit ->
    [one] { $limit } image
   *[other] { $limit } images
} per request. Send fewer. Nothing was charged.
job-problem-too_few_images = 📷 { $model } needs at least { $limit ->
    [one] { $limit } image
   *[other] { $limit } images
}. Send more in one album. Nothing was charged.
job-problem-option_unsupported = ⚙️ { $model } does not offer this value for { $option }. Choose one of: { $allowed }. Nothing was charged.
job-problem-option_not_taken = ⚙️ { $model } does not take { $option }. Send the request without it, or choose another model in /settings. Nothing was charged.
job-problem-seed_invalid = 🎲 The seed must be a whole number from 0 to { $limit }, for example --seed 42. Nothing was charged.
job-problem-transparent_format = 🫥 A transparent background needs PNG or WebP: add --format png. Nothing was charged.
job-problem-effect_unsupported = ✨ { $model } does not offer this effect. Choose one of: { $allowed }. Nothing was charged.
job-too-many-active = ⏳ You already have { $limit ->
    [one] { $limit } generation
   *[other] { $limit } generations
} in progress. Wait for one to finish (see /jobs), then try again.
job-original-limit = { $seconds ->
    [one] Too many originals at once: try again in { $seconds } second.
   *[other] Too many originals at once: try again in { $seconds } seconds.
}
job-button-extend = ⏩ Extend
job-problem-source_required = ⏩ { $model } works on one of your earlier videos: use its button under the video. Nothing was charged.
job-problem-source_not_supported = ⏩ { $model } cannot work on this video. Choose a model offered for it. Nothing was charged.
job-button-lipsync = 🗣 Lip sync
job-problem-voice_unsupported = 🗣 { $model } does not offer this voice. Choose one of: { $allowed }. Nothing was charged.
job-problem-audio_not_supported = 🎵 { $model } speaks written words only: send the text instead of a sound file. Nothing was charged.
job-problem-video_required = 🎞 { $model } works on a video: send one with /video and the description as its caption. Nothing was charged.
job-problem-video_not_supported = 🎞 { $model } does not take a video. Choose another model on the keyboard. Nothing was charged.
