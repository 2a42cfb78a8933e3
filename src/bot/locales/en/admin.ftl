# Admin tools: ban, reload, stats, broadcast (only admins ever see these).
admin-cmd-stats = Statistics
admin-cmd-broadcast = Message all users
admin-cmd-ban = Ban a user
admin-cmd-unban = Unban a user
admin-cmd-reload = Reload the model catalog
admin-usage-ban = Usage: /ban <user id or @username>, or /ban as a reply to a ticket message in the support chat.
admin-usage-unban = Usage: /unban <user id or @username>
admin-user-not-found = No user “{ $query }” found. They must have written to the bot at least once.
admin-banned = ⛔ { $user } is banned: they get only the ban note from now on.
admin-already-banned = { $user } was already banned.
admin-unbanned = ✅ { $user } is unbanned.
admin-not-banned = { $user } was not banned.
admin-cannot-ban-admin = Admins cannot be banned.
admin-reload-ok = ✅ Catalog reloaded: { $models ->
    [one] { $models } model
   *[other] { $models } models
} (enabled: { $enabled }, before: { $previous }).
admin-reload-failed = ❌ The catalog was not reloaded; the current one stays (models: { $models }).
stats-title = 📊 <b>Statistics</b> · { $when }
stats-users = 👥 Users: { $total } · active today { $today } · 7 days { $week } · new today { $fresh }
stats-users-flags = blocked the bot { $blocked } · banned { $banned } · with a balance { $funded }
stats-jobs-title = 🎨 <b>Jobs</b>: total { $total }, today { $today }
stats-jobs-family = • { $family }: { $total } (today { $today }) · done { $done } · failed { $failed } · in progress { $active }
stats-jobs-none = • none yet
stats-money-today = 💰 Today: top-ups { $topups } · spent { $spent } · refunds { $refunds }
stats-money-total = 💰 In total: top-ups { $topups } · spent { $spent } · refunds { $refunds }
stats-models-title = 🏆 <b>Top models</b> (7 days)
stats-model = • { $model }: { $total } ({ $failed }% failed)
stats-failures-title = ⚠️ <b>Failures</b> (24 h): { $failed } of { $finished } ({ $percent }%)
stats-failure-family = • { $family }: { $failed } of { $finished } ({ $percent }%)
stats-failure-codes = Reasons: { $codes }
stats-gateway = 🌐 Gateway (last { $minutes } min): calls { $requests }, errors { $errors } ({ $percent }%)
stats-gateway-kinds = Errors: { $kinds }
stats-tickets = 💬 Support tickets: open { $open }, total { $total }
broadcast-ask = 📣 Send me the message to broadcast (text, photo, video, document…). It will be copied as it is to { $count ->
    [one] { $count } user
   *[other] { $count } users
}. /cancel to stop.
broadcast-nobody = Nobody to send to: no user (other than admins) can receive messages yet.
broadcast-confirm = Send this message to { $count ->
    [one] { $count } user
   *[other] { $count } users
}?
broadcast-button-send = 📣 Send
broadcast-button-cancel = ✖️ Cancel
broadcast-button-stop = ⏹ Stop
broadcast-cancelled = Cancelled. Nothing was sent.
broadcast-unsupported = That cannot be broadcast. Send a text, photo, video, document or another ordinary message.
broadcast-progress = 📣 Broadcast #{ $id }: { $done } of { $total } ({ $percent }%)
    ✅ sent { $sent } · 🚫 blocked { $blocked } · ⚠️ failed { $failed }
broadcast-eta = ⏱ about { $eta } left
broadcast-done = 📣 Broadcast #{ $id } finished in { $elapsed }.
    ✅ Sent: { $sent } · 🚫 blocked the bot: { $blocked } · ⚠️ failed: { $failed } · skipped: { $skipped }
broadcast-stopped = ⏹ Broadcast #{ $id } stopped after { $done } of { $total }.
    ✅ Sent: { $sent } · 🚫 blocked the bot: { $blocked } · ⚠️ failed: { $failed }
broadcast-source-gone = ❌ Broadcast #{ $id } stopped: its message was deleted. Sent: { $sent } of { $total }.
broadcast-stopping = Stopping…
broadcast-not-running = This broadcast is no longer running.

alert-key_rejected =
    🚨 <b>The gateway rejects the bot's key</b> (GATEWAY_API_KEY). Every generation paid from balances fails and is refunded until it works again.
    Check or replace the key at { $gateway }, then restart the bot.
alert-key_rejected-cleared = ✅ The gateway accepts the bot's key again.
alert-balance_low =
    🚨 <b>The bot's gateway balance is low</b>: { $remaining } USD left. When it runs out, generations fail (and are refunded).
    Top it up at { $gateway }.
alert-balance_low-cleared = ✅ The bot's gateway balance is above the alert level again.
alert-gateway_down =
    🚨 <b>The gateway has not answered for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }</b> ({ $gateway }). Generations fail or wait.
alert-gateway_down-cleared = ✅ The gateway answers again.

## Stars in /stats, reconciliation
stats-stars-total = ⭐ Stars in total: received { $stars }, refunded { $refunded } ({ $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
})
stats-stars-day = · { $day }: { $stars } ⭐ received, { $refunded } ⭐ refunded ({ $payments ->
    [one] { $payments } payment
   *[other] { $payments } payments
})
stats-referral = 🤝 Referral credit paid: today { $today } · in total { $total }
reconcile-clean = ✅ Stars reconciliation: { $checked ->
    [one] { $checked } Telegram transaction matches
   *[other] { $checked } Telegram transactions match
} the ledger.
reconcile-title = ⚠️ <b>Stars reconciliation</b> ({ $checked ->
    [one] { $checked } Telegram transaction read
   *[other] { $checked } Telegram transactions read
}):
reconcile-credited = · credited now: { $stars } ⭐ of user { $user } had no ledger entry (charge <code>{ $chargeId }</code>)
reconcile-reversed = · refunded on Telegram's side, credit taken back now: { $stars } ⭐ of user { $user } (charge <code>{ $chargeId }</code>)
reconcile-unmatched = · in the ledger but not at Telegram: { $stars } ⭐ of user { $user } (charge <code>{ $chargeId }</code>): check it by hand
reconcile-foreign = · a Telegram payment this bot cannot credit: { $stars } ⭐ (charge <code>{ $chargeId }</code>): check it by hand
reconcile-failed = ❌ Could not read the Stars transactions from Telegram. Try again later.
