# Core: start, help, errors, commands menu.
start-greeting = 👋 Hi, { $name }!

    I make pictures and videos from your words:
start-balance = 💳 Every generation is paid from your balance: you see the price before it starts, and a failed one is refunded. Your balance: <b>{ $balance }</b>.
start-own-key = 🔑 Your own API key is linked: generations are paid with it, not from the balance.
start-line-images = 🎨 Images: { $names }
start-line-edit = ✏️ Photo edits: { $names }
start-line-midjourney = 🖼 { $names }
start-line-video = 🎬 Video: { $names }
start-and-more = { $names } and { $count ->
        [one] { $count } more
       *[other] { $count } more
    }
start-hint = ✍️ Just send me a description of a picture, or use the buttons below.
help-text = <b>What I can do</b>: pick a topic below, or just send me a description of a picture.
help-topic-images = 🎨 Images
help-topic-midjourney = 🖼 Midjourney
help-topic-video = 🎬 Video
help-topic-money = 💰 Balance and payments
help-topic-account = ⚙️ Settings and support
help-images = <b>🎨 Images</b>

    /imagine <i>prompt</i>: generate an image (or just send me text)
    /edit <i>instruction</i>: edit a photo (or send a photo with the instruction as its caption; an album works too)
    /settings: model, size and number of images
    /models: every model and its price
    /jobs: your recent generations

    Under each result: 🔁 again, ✏️ edit it, 📎 the original file.
help-midjourney = <b>🖼 Midjourney</b>

    /mj <i>prompt</i>: four pictures in a grid; parameters like --ar 16:9 or --v 6 work
    The buttons under a grid: U1–U4 upscale one, V1–V4 vary it, 🔄 reroll; then zoom, pan and vary (region)
    /blend: mix several photos (send them as an album with /blend as the caption)
    /describe: send a photo and get four prompts for it
help-video = <b>🎬 Video</b>

    /video <i>prompt</i>: a video from text; I show its price, length and model first
    A photo with /video as its caption: the photo comes to life (image to video)
    Videos take a few minutes: I send the result here when it is ready, even if I was restarted.
help-money = <b>💰 Balance and payments</b>

    /balance: your balance and its history
    /topup: top up with Telegram Stars
    /redeem <i>code</i>: top up with a code (or just send me the code)
    /invite: invite friends and both get a bonus
    /key: use your own API key instead of the balance
    /paysupport: help with a payment · /terms: terms of service

    The price is reserved when a generation starts and returned if it fails.
help-account = <b>⚙️ Settings and support</b>

    /settings: models and parameters
    /language: change the language
    /cancel: stop what you are doing (a question, a draft)
    /support: write to a person; the answer comes here
unknown-command = I don't know that command. Here is what I can do: /help
unknown-command-suggest = I don't know /{ $typed }. Did you mean /{ $command }?
cancel-nothing = Nothing to cancel: no question or draft is open. /help shows what I can do.
bot-short-description = Images and videos from your words, with the leading AI models in one chat. Pay as you go.
bot-description = I make images and videos from a description with { $names } and more, all in one chat. I also edit photos and bring them to life.

    Each generation is paid from your balance; the price is shown before it starts, and a failed one is refunded. Press Start to see the models and how to top up.
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
cmd-gallery = My results (gallery)
cmd-balance = Balance
cmd-redeem = Redeem a code
cmd-key = My own API key
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
