# Support: the user's side, and the operator's support chat (in the operator's language).
support-contact = 💬 Support: { $contact }
    Write there and we will help you.
support-ask = 💬 Write your message to support in one message: text, a photo or a document (screenshots help). /cancel to stop.
support-ask-reply = ✍️ Write your reply to support: text, a photo or a document. /cancel to stop.
support-button-send = ✅ Send
support-button-cancel = ✖️ Cancel
support-button-reply = 💬 Reply to support
support-confirm = Send this message to support?
support-cancelled = Cancelled. Nothing was sent.
support-empty = The message is empty. Please describe your question in words (a photo with a caption is fine too).
support-too-long = That is too long ({ $length ->
    [one] { $length } character
   *[other] { $length } characters
}, at most { $max }). Please shorten it, or send it as a document.
support-unsupported = I can pass on text, photos and documents only. Please describe it in a message.
support-sent = ✅ Sent to support as request #{ $ticket }. The answer will come here, in this chat.
support-sent-more = ✅ Added to your request #{ $ticket }.
support-failed = ⚠️ I could not reach support right now. Please try again later, or write to { $contact }.
support-failed-no-contact = ⚠️ I could not reach support right now. Please try again later.
support-not-set-up = 💬 Support is not set up for this bot yet, so there is nowhere to send a message. Sorry about that.
support-rate-limited = ⏳ You are writing to support too often. Please wait a few minutes.
support-expired = This request has expired. Write /support to start again.
support-private-only = Write to me in a private chat for support: { $link }
support-closed-user = ✅ Your support request #{ $ticket } was closed. If you need anything else, write /support.
support-header-new = 📩 <b>New ticket #{ $ticket }</b>
support-header-more = 💬 <b>Ticket #{ $ticket }</b>
support-header-user = 👤 { $name } · <code>{ $id }</code> · { $username } · { $language }
support-header-balance = 💰 Balance: { $balance }
support-header-banned = ⛔ Banned
support-header-blocked = 🚫 Has blocked the bot
support-header-no-jobs = 🧾 No generations yet
support-header-last-job = 🧾 Last job: <code>{ $job }</code> · { $family } · { $model } · { $status } · { $when }
support-header-last-error = ⚠️ Its error: <code>{ $code }</code> { $message }
support-header-hint-forum = ↩️ Everything written in this topic goes to the user; start a message with // to keep it here. /close closes the ticket.
support-header-hint-group = ↩️ Reply to this message (or to the user's message below) to answer. /close as a reply closes the ticket.
support-answer-blocked = ⚠️ Not delivered: the user has blocked the bot.
support-answer-failed = ⚠️ Not delivered: { $reason }
support-not-ticket = This message is not part of a ticket. Reply to a user's message or its header, or write in the user's topic.
support-ticket-closed = ✅ Ticket #{ $ticket } closed. The user was told.
support-ticket-already-closed = Ticket #{ $ticket } is already closed.
support-close-where = Use /close inside a user's topic, or as a reply to a ticket message.
support-not-staff = Only the bot's operators (ADMIN_IDS) can answer users or close tickets here. Your message stays in this chat and was not sent to the user.
support-not-staff-chat-admins = Only the bot's operators and this chat's administrators can answer users or close tickets here. Your message stays in this chat and was not sent to the user.
support-anonymous-admin = Anonymous admins cannot answer users here: the bot cannot tell who you are. Turn off "Remain anonymous" in your admin rights, or ask the operator to set SUPPORT_STAFF=chat-admins. Your message was not sent to the user.
support-ask-payment = 💳 Tell support what went wrong with your payment, in one message (a screenshot of the receipt helps). Your recent Stars payments are attached for the operator. /cancel to stop.
support-header-stars = ⭐ Stars payment { $when }: { $stars } ⭐, charge <code>{ $charge }</code>
support-header-stars-refunded = ⭐ Stars payment { $when }: { $stars } ⭐, refunded, charge <code>{ $charge }</code>
