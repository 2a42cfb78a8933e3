# Support: the user's side, and the operator's support chat (in the operator's language).
support-contact = 💬 Підтримка: { $contact }
    Напишіть туди, і ми допоможемо.
support-ask = 💬 Напишіть у підтримку одним повідомленням: текст, фото або документ (скриншоти допомагають). /cancel — скасувати.
support-ask-reply = ✍️ Напишіть відповідь підтримці: текст, фото або документ. /cancel — скасувати.
support-button-send = ✅ Надіслати
support-button-cancel = ✖️ Скасувати
support-button-reply = 💬 Відповісти підтримці
support-confirm = Надіслати це повідомлення в підтримку?
support-cancelled = Скасовано. Нічого не надіслано.
support-empty = Повідомлення порожнє. Опишіть, будь ласка, своє питання словами (фото з підписом теж підійде).
support-too-long = Повідомлення задовге ({ $length ->
    [one] { $length } символ
    [few] { $length } символи
    [many] { $length } символів
   *[other] { $length } символу
}, можна щонайбільше { $max }). Скоротіть його або надішліть документом.
support-unsupported = Я можу передати лише текст, фото й документи. Опишіть, будь ласка, усе в повідомленні.
support-sent = ✅ Надіслано в підтримку, звернення #{ $ticket }. Відповідь прийде сюди, у цей чат.
support-sent-more = ✅ Додано до вашого звернення #{ $ticket }.
support-failed = ⚠️ Зараз не вдалося зв’язатися з підтримкою. Спробуйте пізніше або напишіть { $contact }.
support-failed-no-contact = ⚠️ Зараз не вдалося зв’язатися з підтримкою. Спробуйте пізніше.
support-not-set-up = 💬 Підтримку для цього бота ще не налаштовано, тож повідомлення нікуди надіслати. Вибачте.
support-rate-limited = ⏳ Ви пишете в підтримку надто часто. Зачекайте кілька хвилин.
support-expired = Цей запит застарів. Надішліть /support, щоб почати знову.
support-private-only = Щоб звернутися в підтримку, напишіть мені в особистому чаті: { $link }
support-closed-user = ✅ Ваше звернення #{ $ticket } закрито. Якщо потрібно щось іще, надішліть /support.
support-header-new = 📩 <b>Нове звернення #{ $ticket }</b>
support-header-more = 💬 <b>Звернення #{ $ticket }</b>
support-header-user = 👤 { $name } · <code>{ $id }</code> · { $username } · { $language }
support-header-balance = 💰 Баланс: { $balance }
support-header-banned = ⛔ Забанений
support-header-blocked = 🚫 Заблокував бота
support-header-no-jobs = 🧾 Генерацій ще немає
support-header-last-job = 🧾 Остання генерація: <code>{ $job }</code> · { $family } · { $model } · { $status } · { $when }
support-header-last-error = ⚠️ Її помилка: <code>{ $code }</code> { $message }
support-header-hint-forum = ↩️ Усе, що написано в цій темі, надходить користувачеві; почніть повідомлення з //, щоб воно лишилося тут. /close закриває звернення.
support-header-hint-group = ↩️ Щоб відповісти, дайте відповідь на це повідомлення (або на повідомлення користувача нижче). /close у відповідь закриває звернення.
support-answer-blocked = ⚠️ Не доставлено: користувач заблокував бота.
support-answer-failed = ⚠️ Не доставлено: { $reason }
support-not-ticket = Це повідомлення не належить до жодного звернення. Дайте відповідь на повідомлення користувача чи його заголовок або напишіть у темі користувача.
support-ticket-closed = ✅ Звернення #{ $ticket } закрито. Користувача повідомлено.
support-ticket-already-closed = Звернення #{ $ticket } уже закрито.
support-close-where = Використовуйте /close у темі користувача або у відповідь на повідомлення звернення.
support-not-staff = Відповідати користувачам і закривати звернення тут можуть лише оператори бота (ADMIN_IDS). Ваше повідомлення залишилося в цьому чаті, користувачеві його не надіслано.
support-not-staff-chat-admins = Відповідати користувачам і закривати звернення тут можуть лише оператори бота та адміністратори цього чату. Ваше повідомлення залишилося в цьому чаті, користувачеві його не надіслано.
support-anonymous-admin = Анонімні адміністратори не можуть тут відповідати користувачам: бот не знає, хто ви. Вимкніть «Залишатися анонімним» у своїх правах адміністратора або попросіть оператора встановити SUPPORT_STAFF=chat-admins. Ваше повідомлення не надіслано користувачеві.
support-ask-payment = 💳 Розкажіть підтримці одним повідомленням, що пішло не так з оплатою (скриншот чека допоможе). Ваші останні платежі зірками буде додано для оператора. /cancel — скасувати.
support-header-stars = ⭐ Платіж зірками { $when }: { $stars } ⭐, ID платежу <code>{ $charge }</code>
support-header-stars-refunded = ⭐ Платіж зірками { $when }: { $stars } ⭐, повернуто, ID платежу <code>{ $charge }</code>
