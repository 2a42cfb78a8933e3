# Midjourney: /mj, result buttons, the modal prompt, /blend and /describe.
mj-usage =
    🖼 <b>Midjourney</b> ({ $model })

    /mj <i>prompt</i> — four images in a grid; Midjourney parameters such as <code>--ar 16:9 --v 6</code> pass through. A photo with the caption <code>/mj prompt</code> is used as a reference.
    /blend — mix 2–5 photos.
    /describe — four prompts for a photo.

    The buttons under each result upscale (U1–U4), vary (V1–V4, 🔄) and zoom or pan.
    Speed and price: /settings, or <code>--fast</code> / <code>--relax</code> / <code>--turbo</code> in the prompt.
mj-unavailable = Midjourney is not available right now.
mj-speed-unavailable = --{ $mode } is not offered here. Speeds you can use: { $offered }. Nothing was charged.
mj-prompt-too-long = The prompt is too long: at most { $limit ->
    [one] { $limit } character
   *[other] { $limit } characters
}.
mj-too-many-images = At most { $limit ->
    [one] { $limit } reference photo
   *[other] { $limit } reference photos
} for this model.
mj-images-not-supported = This model does not take reference photos.
mj-image-too-large = 📷 This file is { $size }: bots can only download files up to { $sizeLimit } from Telegram. Send a smaller photo (as a photo, not as a file: Telegram compresses it). Nothing was charged.
mj-image-not-image = 📄 This album item is not an image I can use as a reference: send photos, or PNG, JPEG or WebP files. Nothing was charged.
mj-button-working = ⏳ { $action }…
mj-button-unsupported = This button is not available for this Midjourney model. Try another button, or start a new /mj.
mj-button-region = 🖌 Vary (Region) needs a mask drawn on the image, which a chat can't do. Try 🪄 Vary (Subtle) or (Strong), or 🔍 Custom Zoom.
mj-button-region-gallery = 🖌 Vary (Region) is drawn in the gallery: open /gallery, pick this image and paint the part to redraw.
mj-button-stale = This button is out of date.
mj-button-busy = Already on it…
mj-button-not-yours = These buttons belong to someone else's image.
mj-button-model-off = This Midjourney model is no longer available.
mj-result-caption = { $model } · { $cost }
mj-mode-fast = fast
mj-mode-relax = relax
mj-mode-turbo = turbo
mj-ran-mode = ⚡ Ran in { $mode } mode.
mj-ran-other-mode = ⚡ Ran in { $mode } mode, not { $asked }: the service did not pass the speed on. You paid the { $asked } price.
mj-document-note = The full-size image (larger than Telegram allows for photos).
mj-describe-title = 🔍 <b>Four prompts for your image</b>
mj-describe-hint = Tap a number to imagine that prompt.
mj-describe-button = { $n } ✨ Imagine
mj-describe-gone = That prompt is no longer available.
mj-preview-caption = 👀 Preview
mj-modal-zoom-ask =
    🔍 <b>Custom Zoom</b>: send the prompt with <code>--zoom</code> between 1 and 2, or only a number (e.g. <code>1.5</code>) to keep the prompt:
    <code>{ $prompt }</code>

    The zoom costs { $price }. /cancel to call it off.
mj-modal-remix-ask =
    🎛 <b>Remix</b>: this { $action } can take a new prompt before it runs. Current prompt:
    <code>{ $prompt }</code>

    It costs { $price }.
mj-modal-new-ask = ✏️ Send the new prompt as text. /cancel to call it off.
mj-modal-button-keep = ▶️ Keep the prompt
mj-modal-button-new = ✏️ New prompt
mj-modal-button-cancel = ✖️ Cancel
mj-modal-continuing = ▶️ On it.
mj-modal-waiting = ✅ Got it: it goes on as soon as Midjourney is ready.
mj-modal-cancelled = ✖️ Cancelled. { $refund }
mj-modal-gone = This step is no longer waiting for a prompt.
mj-modal-text-only = Please send the prompt as text, or /cancel.
mj-modal-insufficient = 💰 Not enough balance for this step: it costs { $price }, you have { $balance }.
mj-blend-ask = 🧩 <b>Blend</b>: send 2–5 photos (an album is easiest). /cancel to stop.
mj-blend-choose = 📐 Photos: { $count }. Choose the shape of the result, or send more photos (up to 5).
mj-blend-portrait = ▯ Portrait
mj-blend-square = ◻️ Square
mj-blend-landscape = ▭ Landscape
mj-blend-need-more = Send at least 2 photos first.
mj-blend-too-many = At most 5 photos: the others are left out.
mj-blend-cancelled = Blend cancelled.
mj-describe-ask = 🔍 <b>Describe</b>: send a photo and I'll write four prompts for it. /cancel to stop.
mj-describe-cancelled = Describe cancelled.
mj-photo-only = Please send a photo, or /cancel.
mj-finish-first = Finish the current step first, or /cancel it.
mj-action-upscale = Upscale
mj-action-variation = Variation
mj-action-low_variation = Vary (Subtle)
mj-action-high_variation = Vary (Strong)
mj-action-reroll = Reroll
mj-action-zoom = Zoom out
mj-action-pan = Pan
mj-action-custom_zoom = Custom Zoom
mj-action-inpaint = Vary (Region)
