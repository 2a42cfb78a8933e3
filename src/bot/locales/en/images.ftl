# Image generation, photo editing, /settings and /jobs.
imagine-usage =
    🎨 Describe the picture after the command, for example:
    <code>/imagine a red fox in the snow, watercolor</code>

    In a private chat you can also just send the description. Add <code>--ar 16:9</code>, <code>--size 1024x768</code> or <code>--n 2</code> to override /settings for one request.
imagine-no-model = 🎨 No image model is available right now. Please try again later.
edit-no-model = ✏️ No model for editing photos is available right now. Please try again later.
edit-ask = ✏️ What should I change in this photo? Send the instruction as a message (or /cancel).
edit-ask-album = ✏️ What should I change in these { $count } photos? Send the instruction as a message (or /cancel).
edit-send-photo = 📷 Now send the photo to edit (or /cancel).
edit-send-photo-captioned = 📷 Send the photo to edit with the instruction as its caption, e.g. “make the sky purple” (or /cancel).
edit-too-large = 📷 This file is { $size }: bots can only download files up to { $limit } from Telegram. Send a smaller photo (as a photo, not as a file, Telegram compresses it). Nothing was charged.
edit-not-image = 📄 This file is not an image I can edit. Send a photo, or a PNG, JPEG or WebP file. Nothing was charged.
edit-cancelled = ✖️ Cancelled. Send a description to generate an image, or a photo with a caption to edit it.
settings-title = ⚙️ <b>Settings</b>
settings-line-model = 🎨 Image model: <b>{ $model }</b> · { $price }
settings-line-size = 📐 Size: { $value }
settings-line-aspect = 📐 Aspect ratio: { $value }
settings-line-n = 🔢 Images per request: { $n } (up to { $max })
settings-line-edit = ✏️ Edit model: <b>{ $model }</b> · { $price }
settings-line-mj = 🖼 Midjourney: <b>{ $model }</b> · { $price }
settings-button-mj = 🖼 Midjourney speed
settings-choose-mj = 🖼 Midjourney and Niji at each speed: relax is cheaper but may wait in a queue, turbo is fastest. Prices are per grid and per upscale.
settings-price-mj = { $imagine } a grid, { $upscale } an upscale
settings-button-model = 🎨 Image model
settings-button-size = 📐 Size
settings-button-aspect = 📐 Aspect ratio
settings-button-n = 🔢 Number of images
settings-button-edit = ✏️ Edit model
settings-button-back = ⬅️ Back
settings-button-close = ✖️ Close
settings-family-image = 🖼 Image models ({ $count })
settings-family-chat-image = 💬 Chat image models ({ $count })
settings-family-edit = ✏️ Photo edit models ({ $count })
settings-choose-family-g = 🎨 Which kind of model should make your images?
settings-choose-family-e = ✏️ Which kind of model should edit your photos?
settings-choose-model-g = 🎨 { $family }: choose the model for new images.
settings-choose-model-e = ✏️ { $family }: choose the model for editing photos.
settings-choose-size = 📐 Sizes { $model } offers:
settings-choose-aspect = 📐 Aspect ratios { $model } offers:
settings-choose-n = 🔢 How many images per request? { $model } makes up to { $max }; each one is charged.
settings-price-image = { $price } per image
settings-price-call = { $price } per request
settings-not-yours = These are someone else’s settings. Send /settings for yours.
settings-model-gone = This model is no longer offered. Choose another one.
settings-saved-model = ✅ Model: { $model }
settings-saved-value = ✅ Saved: { $value }
settings-no-sizes = { $model } has no size options: it chooses the size itself.
settings-single-n = { $model } makes one image per request.
jobs-cancel-button = ✖️ Cancel { $id }
jobs-cancelled-toast = ✖️ Cancelled, nothing was charged.
jobs-already-cancelled = It is already cancelled.
jobs-again-toast = 🔁 Once more…
jobs-model-gone = The model { $model } is no longer offered, so I cannot repeat this. Choose another one in /settings.
jobs-not-finished = This generation has not finished.
jobs-edit-which = Reply to the image you want to change with /edit and what to change.
