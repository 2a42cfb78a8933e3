# Core: start, help, errors, commands menu.
start-greeting =
    👋 Hi, { $name }!

    I generate images and videos with the best models: DALL·E, FLUX, Gemini, Midjourney, Kling, Sora, Veo and more.

    Just send me a description of a picture — or use the commands below.
start-balance = 💰 Balance: { $balance }
help-text =
    <b>What I can do</b>

    🎨 /imagine <i>prompt</i> — generate an image (or just send me text)
    ✏️ /edit <i>instruction</i> — edit a photo (send a photo with a caption)
    🖼 /mj <i>prompt</i> — Midjourney; /blend, /describe
    🎬 /video <i>prompt</i> — make a video (a photo with the caption turns it into image-to-video)
    ⚙️ /settings — model, size, number of images
    📋 /models — models and prices
    🧾 /jobs — your recent generations

    💰 /balance — balance and history
    🎟 /redeem <i>code</i> — top up with a code
    🔑 /key — use your own gateway key
    💬 /support — write to support
    🌐 /language — change the language
unknown-command = I don't know that command. Here is what I can do: /help
unknown-callback = This button is no longer active.
error-generic = ⚠️ Something went wrong on my side. Nothing was charged for it. Please try again in a moment.
banned = ⛔ Your access to this bot has been suspended. If you think this is a mistake, contact { $contact }.
banned-no-contact = ⛔ Your access to this bot has been suspended.
not-in-private = Please write to me in a private chat for that.
language-choose = 🌐 Choose your language:
language-set = ✅ Language: English
button-models = 📋 Models and prices
button-balance = 💰 Balance
button-help = ❓ Help
button-support = 💬 Support
cmd-start = Start
cmd-help = What the bot can do
cmd-imagine = Generate an image
cmd-edit = Edit a photo
cmd-mj = Midjourney
cmd-video = Generate a video
cmd-settings = Model and parameters
cmd-models = Models and prices
cmd-jobs = My generations
cmd-balance = Balance
cmd-redeem = Redeem a code
cmd-key = My own gateway key
cmd-support = Contact support
cmd-language = Language
cmd-cancel = Cancel the current action
cmd-topup = Top up with Telegram Stars
cmd-invite = Invite friends
cmd-paysupport = Help with a payment
cmd-terms = Terms of service
start-welcome-credit = 🎁 Welcome! You have <b>{ $amount }</b> to try the models.
terms-default = 📄 <b>Terms</b>
    Payments in Telegram Stars buy generation balance in this bot; the balance is spent on generations at the prices shown before each one, and a failed generation is refunded to the balance automatically.
    Questions or problems with a payment: /paysupport. The operator decides on refunds of Stars.
