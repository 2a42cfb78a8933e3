# Money and account: balance, redeem codes, own API key, models, language, admin money tools.
# HTML parse mode: variables that carry user text are escaped by the code.

## /balance
balance-title = 💰 <b>Balance: { $balance }</b>
balance-key-linked = 🔑 Your own API key { $masked } is linked: generations are paid with it, not from this balance.
balance-key-quota = Key quota: <b>{ $remaining }</b> left of { $total } (used { $used }).
balance-key-quota-unlimited = Key quota: <b>unlimited</b> (used { $used }).
balance-key-quota-unavailable = The quota of your key could not be read right now. Try /balance again in a minute.
balance-key-exhausted = ⚠️ Your API key has no quota left. Top it up where you got the key, or remove it with /key remove to pay from this balance.
balance-key-invalid = ⚠️ Your API key { $masked } is refused (wrong, disabled or expired). Send a new one with /key, or remove it with /key remove to pay from this balance.
balance-history-title = <b>Recent transactions</b> (UTC)
balance-history-empty = No transactions yet.
balance-line = { $amount } · { $what } · { $when }
balance-kind-topup = top-up
balance-kind-code = redeem code { $hint }
balance-kind-charge = generation, { $model }
balance-kind-refund = refund, { $model }
balance-kind-adjustment = correction by the operator
balance-how-to-buy-link = 🎟 <b>Top up:</b> buy a code at { $link } and send it here (or /redeem <i>code</i>).
balance-how-to-buy-contact = 🎟 <b>Top up:</b> buy a code from { $contact } and send it here (or /redeem <i>code</i>).
balance-how-to-redeem = 🎟 <b>Top up:</b> send me a redeem code here (or /redeem <i>code</i>).

## Redeem codes
redeem-usage = 🎟 Send me your code: <code>/redeem XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code> — or just paste it here.
redeem-ok = ✅ Code redeemed: <b>+{ $amount }</b>. Balance: <b>{ $balance }</b>.
redeem-ok-own-key = Your own API key is linked, so generations are paid with it; this balance is used again after /key remove.
redeem-malformed = ❌ That is not a redeem code. Codes look like <code>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>.
redeem-typo = ❌ This code has a typo: a character is wrong or two are swapped. Check it and try again.
redeem-not-found = ❌ There is no such code. Check it and try again.
redeem-expired = ⌛ This code has expired.
redeem-used-up = ❌ This code has already been used.
redeem-already = ℹ️ You have already redeemed this code.
redeem-disabled = ❌ This code has been withdrawn by the seller.
redeem-attempts-left = Attempts left: { $attempts }.
redeem-locked = 🔒 Too many wrong codes: redeeming is locked for { $minutes } min.
redeem-rate-limited = 🔒 Too many wrong codes. Try again in { $minutes } min.

## Own API key
key-ask = 🔑 Send me your API key (it starts with <code>sk-</code>). I will delete your message as soon as I have read it.

    /cancel to stop.
key-ask-replace = 🔑 Your key { $masked } is linked ({ $status }). Send a new key to replace it, /key remove to unlink it, or /cancel.
key-status-ok = working
key-status-invalid = refused (wrong or expired)
key-cancelled = Cancelled. Nothing was changed.
key-linked = ✅ Your key { $masked } is linked. Generations now run on it and are paid with it, not from your balance. /key remove unlinks it.
key-not-a-key = ❌ That is not an API key: keys look like <code>sk-</code> followed by at least 16 letters and digits. Nothing was changed. Send /key to try again.
key-invalid = ❌ This key is refused (wrong, disabled or expired). Nothing was changed. Check it and send /key again.
key-exhausted = ❌ This key has no quota left. Nothing was changed. Top it up where you got it and send /key again.
key-unavailable = ⚠️ I could not check the key right now: the service did not answer. Nothing was changed; try /key again in a few minutes.
key-rate-limited = 🔒 Too many key checks. Try again in { $minutes } min.
key-delete-failed = ⚠️ I could not delete your message with the key: please delete it yourself.
key-removed = 🗑 Your key { $masked } is removed. Generations are paid from your balance again.
key-none = You have no key linked. Send /key to link one.
key-group = ⚠️ Never post your key in a group. I tried to delete the message; if it is still there, revoke the key where you got it. Send /key to me in a private chat instead.

## /models
models-title = 📋 <b>Models and prices</b>
models-family-image = 🎨 Images
models-family-chat-image = 💬 Images from chat models
models-family-edit = ✏️ Photo editing
models-family-midjourney = 🖼 Midjourney
models-family-video = 🎬 Video
models-line = • { $title } — { $price }
models-price-image = { $price } per image
models-price-call = { $price } per request
models-price-mj = { $price } per /imagine, upscale { $upscale }, variation { $variation }
models-price-second = { $price } per second ({ $durations } s)
models-price-video = { $price } per video ({ $durations } s)
models-price-pro = pro ×{ $factor }
models-price-free = free
models-empty = No models are available right now.
models-footer = Choose a model in /settings. The price is charged from your /balance when a generation starts and returned if it fails.
models-own-key = 🔑 Your own API key is linked: your generations are paid with it, so these prices do not apply to you.

## /language

## Amounts typed by admins
money-amount-not-a-number = ❌ “{ $value }” is not an amount. Write it like 5 or 2.50.
money-amount-zero = ❌ The amount must not be zero.
money-amount-negative = ❌ The amount must be positive.
money-amount-decimals = ❌ “{ $value }” has too many decimal places for { $currency }.
money-amount-ambiguous = ❌ “{ $value }” is ambiguous (thousands or decimals?). Write 1000 or 1.50.
money-amount-too-large = ❌ “{ $value }” is too large: at most { $maxAmount } at a time.

## Admin command menu (commands.ts ADMIN_COMMANDS)
admin-cmd-codes = Mint redeem codes
admin-cmd-credit = Credit or debit a balance
admin-cmd-user = A user’s balance, key and jobs

## /codes (admins)
codes-usage =
    Usage: <code>/codes &lt;count&gt; &lt;amount&gt; [uses] [expiry]</code>
    • <code>/codes 10 5</code> — ten single-use codes of 5 { $currency }
    • <code>/codes 1 2.50 100 30d</code> — one code that 100 people can redeem, valid 30 days
    Expiry: <code>12h</code>, <code>30d</code>, <code>2w</code>, a date like <code>2026-12-31</code> (valid through that day, UTC) or <code>never</code>.
codes-bad-count = ❌ The count must be a whole number from 1 to { $max }.
codes-bad-uses = ❌ Uses must be a whole number from 1 to { $max }.
codes-bad-expiry = ❌ “{ $value }” is not an expiry: use 12h, 30d, 2w, a future date like 2026-12-31, or never.
codes-done = ✅ { $count ->
    [one] { $count } code
   *[other] { $count } codes
} × <b>{ $amount }</b>, { $uses ->
    [one] one use
   *[other] { $uses } uses
} each, { $expiry }. Batch <code>{ $batch }</code>.
codes-expiry-never = no expiry
codes-expiry-at = valid until { $date } UTC
codes-inline-title = Tap a code to copy it:
codes-file-header =
    Redeem codes, batch { $batch }
    Amount: { $amount } per redemption
    Uses per code: { $uses }
    Expiry: { $expiry }
    Codes: { $count }, created { $created } UTC by admin { $admin }
codes-file-links = Deep links (opening one in Telegram redeems the code):

## /credit (admins)
credit-usage =
    Usage: <code>/credit &lt;user id or @username&gt; &lt;amount&gt; [note]</code>
    A negative amount takes money away (never below zero). Example: <code>/credit @ann 5 compensation</code>
credit-unknown-user = ❌ I don't know the user { $query }: they must have written to the bot first.
credit-below-zero = ❌ That would take the balance of { $name } below zero (it is { $balance }). Nothing was changed.
credit-done = ✅ { $amount } for { $name } (<code>{ $id }</code>). New balance: <b>{ $balance }</b>.

## /user (admins)
user-usage = Usage: <code>/user &lt;user id or @username&gt;</code>
user-unknown = ❌ I don't know the user { $query }.
user-card =
    👤 <b>{ $name }</b> · { $username } · id <code>{ $id }</code>
    Language: { $language } · joined { $created } · last seen { $seen } (UTC)
    Status: { $flags }
    💰 Balance: <b>{ $balance }</b>
    🔑 Own key: { $key }
user-flag-banned = ⛔ banned
user-flag-blocked = 🚫 blocked the bot
user-flags-none = ✅ active
user-key-none = none
user-key-ok = { $masked } (working)
user-key-invalid = { $masked } (refused)
user-jobs-title = <b>Last jobs</b>
user-jobs-empty = No jobs.
user-job-line = <code>{ $id }</code> · { $model } · { $status } · { $price } · { $when }
user-job-own-key = own key
user-ledger-title = <b>Ledger</b>
user-ledger-empty = No entries.
user-ledger-line = { $amount } → { $after } · { $what } · { $when }{ $extra }
user-ledger-actor = by <code>{ $actor }</code>

## Telegram Stars
balance-kind-stars = Telegram Stars, { $stars } ⭐
balance-kind-stars-refund = Stars payment refunded
balance-kind-welcome = welcome credit
balance-kind-referral = referral bonus
balance-how-to-stars = ⭐ <b>Top up with Telegram Stars:</b> /topup
stars-button = ⭐ Top up with Stars
stars-packs = ⭐ <b>Top up with Telegram Stars</b>
    Choose a pack. Telegram takes the payment, and your balance grows as soon as it is confirmed.
    Questions about a payment: /paysupport · Terms: /terms
stars-pack-button = { $stars } ⭐ → { $credit }
stars-off = Telegram Stars top-ups are not offered here. Send a redeem code instead (/redeem).
stars-pack-gone = This pack is no longer sold. Open /topup again.
stars-invoice-title = Balance +{ $credit }
stars-invoice-description = { $stars ->
    [one] { $stars } Telegram Star
   *[other] { $stars } Telegram Stars
} for { $credit } of generation balance in { $bot }.
stars-invoice-label = Balance +{ $credit }
stars-checkout-malformed = This invoice is not one of this bot's packs. Open /topup for a new one.
stars-checkout-not-yours = This invoice was made for another account. Open /topup in the bot to get your own.
stars-checkout-changed = This pack has changed since the invoice was made. Open /topup for the current one.
stars-checkout-gone = This pack is no longer sold. Open /topup to see the current packs.
stars-paid = ✅ Payment received: { $stars } ⭐ → <b>+{ $credit }</b>. Balance: <b>{ $balance }</b>.
stars-paid-unreadable = ⚠️ Telegram confirmed a payment that I cannot match to a pack. Nothing is lost: write to /paysupport and the operator will sort it out.
stars-refunded = ↩️ Your payment of { $stars } ⭐ was refunded. { $taken } was taken back from your balance; balance: <b>{ $balance }</b>.

## Referrals and the welcome credit
invite-text = 🤝 <b>Invite friends</b>
    When someone opens the bot through your link and tops up for the first time, you both get <b>{ $bonus }</b>.
    Your link: { $link }
    { $invited ->
        [0] Nobody has joined through it yet.
        [one] { $invited } person joined through it; topped up: { $rewarded }.
       *[other] { $invited } people joined through it; topped up: { $rewarded }.
    }
invite-off = Invitations are not offered here.
invite-refused-self = ℹ️ That is your own invite link: share it with friends instead.
invite-refused-unknown_code = ℹ️ This invite link is not valid (it may be mistyped).
invite-refused-not_new = ℹ️ Invite links are for people new to the bot, and you have used it before.
referral-bonus-referred = 🎁 Thanks for topping up: you got a referral bonus of <b>{ $amount }</b>.
referral-bonus-referrer = 🎉 A friend you invited just topped up: you got a referral bonus of <b>{ $amount }</b>.

## Admin: Stars payments
admin-cmd-stars = A user's Stars payments and refunds
admin-cmd-reconcile = Check Stars payments against Telegram
user-stars-button = ⭐ Stars payments
stars-admin-usage = Usage: <code>/stars &lt;id or @username&gt;</code>
stars-admin-none = { $name } has made no Stars payments.
stars-admin-title = ⭐ <b>Stars payments of { $name }</b> (newest first, UTC)
stars-admin-line = { $when } · { $stars } ⭐ → { $credit } · <code>{ $charge }</code>
stars-admin-line-refunded = { $when } · { $stars } ⭐ → { $credit } · refunded, { $reversed } taken back · <code>{ $charge }</code>
stars-admin-refund-button = ↩️ Refund { $stars } ⭐ ({ $when })
stars-admin-refund-anyway = ↩️ Refund anyway
stars-admin-spent = ⚠️ The user has already spent part of this credit ({ $credit } for { $stars } ⭐). A refund gives back all the Stars but can take back only the { $left } that is left (the balance goes to zero). Refund anyway?
stars-admin-refunded = ✅ Refunded { $stars } ⭐. { $taken } taken back from the balance; it is now { $balance }.
stars-admin-refund-failed = ❌ Telegram refused the refund: { $reason }. No money moved.
stars-admin-already = ℹ️ This payment has already been refunded.
stars-admin-unknown = This payment is not in the database.
