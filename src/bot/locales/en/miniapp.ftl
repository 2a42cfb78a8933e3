# The Mini App (gallery) and the buttons that open it.
app-title = My results
app-empty = Nothing here yet. Your images and videos appear here once they are made.
app-loading = Loading…
app-more = Show more
app-original = ⬇️ Original file
app-share = ↗️ Share in a chat
app-error = Something went wrong. Close the gallery and open it again.
app-error-auth = This page could not confirm who you are. Open the gallery again from the bot.
app-error-gone = This result is no longer available.
button-gallery = 🖼 My gallery
gallery-open = 🖼 Your results, in a gallery:
gallery-off = The gallery is not set up on this bot. /jobs lists your recent generations.
