# Money and account: balance, redeem codes, own API key, models, language, admin money tools.
# HTML parse mode: variables that carry user text are escaped by the code.

## /balance
balance-title = 💰 <b>Баланс: { $balance }</b>
balance-key-linked = 🔑 Підключено ваш власний API-ключ { $masked }: генерації оплачуються через нього, а не з цього балансу.
balance-key-quota = Ліміт ключа: залишилося <b>{ $remaining }</b> з { $total } (використано { $used }).
balance-key-quota-unlimited = Ліміт ключа: <b>без обмежень</b> (використано { $used }).
balance-key-quota-unavailable = Зараз не вдалося дізнатися ліміт вашого ключа. Спробуйте /balance ще раз за хвилину.
balance-key-exhausted = ⚠️ Ліміт вашого API-ключа вичерпано. Поповніть його там, де ви отримали ключ, або відключіть ключ командою /key remove, щоб платити з цього балансу.
balance-key-invalid = ⚠️ Ваш API-ключ { $masked } відхилено (неправильний, вимкнений або прострочений). Надішліть новий через /key або відключіть його командою /key remove, щоб платити з цього балансу.
balance-history-title = <b>Останні операції</b> (UTC)
balance-history-empty = Операцій ще немає.
balance-line = { $amount } · { $what } · { $when }
balance-kind-topup = поповнення
balance-kind-code = код поповнення { $hint }
balance-kind-charge = генерація, { $model }
balance-kind-refund = повернення, { $model }
balance-kind-adjustment = коригування оператором
balance-how-to-buy-link = 🎟 <b>Поповнення:</b> купіть код на { $link } і надішліть його сюди (або /redeem <i>код</i>).
balance-how-to-buy-contact = 🎟 <b>Поповнення:</b> купіть код у { $contact } і надішліть його сюди (або /redeem <i>код</i>).
balance-how-to-redeem = 🎟 <b>Поповнення:</b> надішліть мені сюди код поповнення (або /redeem <i>код</i>).

## Redeem codes
redeem-usage = 🎟 Надішліть свій код: <code>/redeem XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code> — або просто вставте його сюди.
redeem-ok = ✅ Код активовано: <b>+{ $amount }</b>. Баланс: <b>{ $balance }</b>.
redeem-ok-own-key = У вас підключено власний API-ключ, тож генерації оплачуються через нього; цей баланс знову використовуватиметься після /key remove.
redeem-malformed = ❌ Це не код поповнення. Коди мають такий вигляд: <code>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>.
redeem-typo = ❌ У коді помилка: один символ неправильний або два переставлено місцями. Перевірте його й спробуйте ще раз.
redeem-not-found = ❌ Такого коду немає. Перевірте його й спробуйте ще раз.
redeem-expired = ⌛ Термін дії цього коду минув.
redeem-used-up = ❌ Цей код уже використано.
redeem-already = ℹ️ Ви вже активували цей код.
redeem-disabled = ❌ Продавець відкликав цей код.
redeem-attempts-left = Залишилося спроб: { $attempts }.
redeem-locked = 🔒 Забагато неправильних кодів: активацію заблоковано на { $minutes } хв.
redeem-rate-limited = 🔒 Забагато неправильних кодів. Спробуйте знову через { $minutes } хв.

## Own API key
key-ask = 🔑 Надішліть мені свій API-ключ (він починається з <code>sk-</code>). Я видалю ваше повідомлення, щойно його прочитаю.

    /cancel — скасувати.
key-ask-replace = 🔑 Ваш ключ { $masked } підключено ({ $status }). Надішліть новий ключ, щоб замінити його, /key remove — щоб відключити, або /cancel.
key-status-ok = працює
key-status-invalid = відхилений (неправильний або прострочений)
key-cancelled = Скасовано. Нічого не змінено.
key-linked = ✅ Ваш ключ { $masked } підключено. Тепер генерації працюють на ньому й оплачуються через нього, а не з вашого балансу. /key remove — відключити.
key-not-a-key = ❌ Це не API-ключ: ключ має вигляд <code>sk-</code> і ще щонайменше 16 літер і цифр. Нічого не змінено. Надішліть /key, щоб спробувати знову.
key-invalid = ❌ Цей ключ відхилено (неправильний, вимкнений або прострочений). Нічого не змінено. Перевірте його й знову надішліть /key.
key-exhausted = ❌ Ліміт цього ключа вичерпано. Нічого не змінено. Поповніть ліміт там, де отримали ключ, і знову надішліть /key.
key-unavailable = ⚠️ Зараз не вдалося перевірити ключ: сервіс не відповів. Нічого не змінено; спробуйте /key ще раз за кілька хвилин.
key-rate-limited = 🔒 Забагато перевірок ключа. Спробуйте знову через { $minutes } хв.
key-delete-failed = ⚠️ Не вдалося видалити ваше повідомлення з ключем: будь ласка, видаліть його самі.
key-removed = 🗑 Ваш ключ { $masked } відключено. Генерації знову оплачуються з вашого балансу.
key-none = У вас не підключено ключа. Надішліть /key, щоб підключити.
key-group = ⚠️ Ніколи не публікуйте ключ у групі. Я спробував видалити повідомлення; якщо воно досі там, відкличте ключ там, де ви його отримали. Натомість надішліть /key мені в особистому чаті.

## /models
models-title = 📋 <b>Моделі та ціни</b>
models-family-image = 🎨 Зображення
models-family-chat-image = 💬 Зображення від чат-моделей
models-family-edit = ✏️ Редагування фото
models-family-midjourney = 🖼 Midjourney
models-family-video = 🎬 Відео
models-line = • { $title } — { $price }
models-price-image = { $price } за зображення
models-price-call = { $price } за запит
models-price-mj = { $price } за /imagine, Upscale { $upscale }, Variation { $variation }
models-price-second = { $price } за секунду ({ $durations } с)
models-price-video = { $price } за відео ({ $durations } с)
models-price-pro = pro ×{ $factor }
models-price-free = безкоштовно
models-empty = Зараз немає доступних моделей.
models-footer = Оберіть модель у /settings. Вартість списується з /balance, коли генерація стартує, і повертається, якщо вона не вдалася.
models-own-key = 🔑 У вас підключено власний API-ключ: ваші генерації оплачуються через нього, тож ці ціни на вас не поширюються.

## /language

## Amounts typed by admins
money-amount-not-a-number = ❌ «{ $value }» — це не сума. Пишіть, наприклад, 5 або 2.50.
money-amount-zero = ❌ Сума не може бути нульовою.
money-amount-negative = ❌ Сума має бути додатною.
money-amount-decimals = ❌ У «{ $value }» забагато знаків після коми для { $currency }.
money-amount-ambiguous = ❌ «{ $value }» — неоднозначно (тисячі чи дробова частина?). Напишіть 1000 або 1.50.
money-amount-too-large = ❌ «{ $value }» — забагато: щонайбільше { $maxAmount } за раз.

## Admin command menu (commands.ts ADMIN_COMMANDS)
admin-cmd-codes = Створити коди поповнення
admin-cmd-credit = Нарахувати або списати з балансу
admin-cmd-user = Баланс, ключ і завдання користувача

## /codes (admins)
codes-usage =
    Використання: <code>/codes &lt;кількість&gt; &lt;сума&gt; [використань] [термін]</code>
    • <code>/codes 10 5</code> — десять одноразових кодів по 5 { $currency }
    • <code>/codes 1 2.50 100 30d</code> — один код, який можуть активувати 100 людей, дійсний 30 днів
    Термін: <code>12h</code>, <code>30d</code>, <code>2w</code>, дата на кшталт <code>2026-12-31</code> (дійсний до кінця цього дня, UTC) або <code>never</code>.
codes-bad-count = ❌ Кількість має бути цілим числом від 1 до { $max }.
codes-bad-uses = ❌ Кількість використань має бути цілим числом від 1 до { $max }.
codes-bad-expiry = ❌ «{ $value }» — не термін дії: використовуйте 12h, 30d, 2w, майбутню дату на кшталт 2026-12-31 або never.
codes-done = ✅ { $count ->
    [one] { $count } код
    [few] { $count } коди
    [many] { $count } кодів
   *[other] { $count } коду
} × <b>{ $amount }</b>, { $uses ->
    [one] { $uses } використання
    [few] { $uses } використання
    [many] { $uses } використань
   *[other] { $uses } використання
} на кожен, { $expiry }. Партія <code>{ $batch }</code>.
codes-expiry-never = безстроково
codes-expiry-at = дійсні до { $date } UTC
codes-inline-title = Натисніть на код, щоб скопіювати його:
codes-file-header =
    Коди поповнення, партія { $batch }
    Сума: { $amount } за одну активацію
    Використань на код: { $uses }
    Термін дії: { $expiry }
    Кодів: { $count }, створено { $created } UTC адміністратором { $admin }
codes-file-links = Діплінки (якщо відкрити такий у Telegram, код активується):

## /credit (admins)
credit-usage =
    Використання: <code>/credit &lt;id користувача або @username&gt; &lt;сума&gt; [примітка]</code>
    Від’ємна сума списує кошти (але не нижче нуля). Приклад: <code>/credit @ann 5 компенсація</code>
credit-unknown-user = ❌ Я не знаю користувача { $query }: спершу він має написати боту.
credit-below-zero = ❌ Тоді баланс { $name } став би від’ємним (зараз { $balance }). Нічого не змінено.
credit-done = ✅ { $amount } для { $name } (<code>{ $id }</code>). Новий баланс: <b>{ $balance }</b>.

## /user (admins)
user-usage = Використання: <code>/user &lt;id користувача або @username&gt;</code>
user-unknown = ❌ Я не знаю користувача { $query }.
user-card =
    👤 <b>{ $name }</b> · { $username } · id <code>{ $id }</code>
    Мова: { $language } · з нами від { $created } · востаннє був { $seen } (UTC)
    Статус: { $flags }
    💰 Баланс: <b>{ $balance }</b>
    🔑 Власний ключ: { $key }
user-flag-banned = ⛔ забанений
user-flag-blocked = 🚫 заблокував бота
user-flags-none = ✅ активний
user-key-none = немає
user-key-ok = { $masked } (працює)
user-key-invalid = { $masked } (відхилений)
user-jobs-title = <b>Останні завдання</b>
user-jobs-empty = Завдань немає.
user-job-line = <code>{ $id }</code> · { $model } · { $status } · { $price } · { $when }
user-job-own-key = власний ключ
user-ledger-title = <b>Журнал операцій</b>
user-ledger-empty = Записів немає.
user-ledger-line = { $amount } → { $after } · { $what } · { $when }{ $extra }
user-ledger-actor = виконав <code>{ $actor }</code>

## Telegram Stars
balance-kind-stars = зірки Telegram, { $stars } ⭐
balance-kind-stars-refund = повернення платежу зірками
balance-kind-welcome = вітальний бонус
balance-kind-referral = реферальний бонус
balance-how-to-stars = ⭐ <b>Поповнення зірками Telegram:</b> /topup
stars-button = ⭐ Поповнити зірками
stars-packs = ⭐ <b>Поповнення зірками Telegram</b>
    Оберіть пакет. Оплату приймає Telegram, а баланс поповниться, щойно платіж буде підтверджено.
    Питання щодо оплати: /paysupport · Умови: /terms
stars-pack-button = { $stars } ⭐ → { $credit }
stars-off = Поповнення зірками Telegram тут недоступне. Натомість надішліть код поповнення (/redeem).
stars-pack-gone = Цей пакет більше не продається. Відкрийте /topup ще раз.
stars-invoice-title = Баланс +{ $credit }
stars-invoice-description = { $stars ->
    [one] { $stars } зірка Telegram
    [few] { $stars } зірки Telegram
    [many] { $stars } зірок Telegram
   *[other] { $stars } зірки Telegram
} за поповнення балансу для генерацій на { $credit } у боті { $bot }.
stars-invoice-label = Баланс +{ $credit }
stars-checkout-malformed = Цей рахунок не відповідає жодному пакету цього бота. Відкрийте /topup, щоб отримати новий.
stars-checkout-not-yours = Цей рахунок створено для іншого акаунта. Відкрийте /topup у боті, щоб отримати свій.
stars-checkout-changed = Пакет змінився після створення рахунку. Відкрийте /topup, щоб отримати актуальний.
stars-checkout-gone = Цей пакет більше не продається. Відкрийте /topup, щоб побачити актуальні пакети.
stars-paid = ✅ Оплату отримано: { $stars } ⭐ → <b>+{ $credit }</b>. Баланс: <b>{ $balance }</b>.
stars-paid-unreadable = ⚠️ Telegram підтвердив платіж, який я не можу зіставити з жодним пакетом. Нічого не втрачено: напишіть у /paysupport, і оператор усе владнає.
stars-refunded = ↩️ Ваш платіж на { $stars } ⭐ повернуто. З балансу списано { $taken }; баланс: <b>{ $balance }</b>.

## Referrals and the welcome credit
invite-text = 🤝 <b>Запросіть друзів</b>
    Коли хтось відкриє бота за вашим посиланням і вперше поповнить баланс, ви обоє отримаєте <b>{ $bonus }</b>.
    Ваше посилання: { $link }
    { $invited ->
        [0] За ним ще ніхто не приєднався.
        [one] За ним приєдналася { $invited } людина; поповнили баланс: { $rewarded }.
        [few] За ним приєдналися { $invited } людини; поповнили баланс: { $rewarded }.
        [many] За ним приєдналися { $invited } людей; поповнили баланс: { $rewarded }.
       *[other] За ним приєдналися { $invited } людини; поповнили баланс: { $rewarded }.
    }
invite-off = Запрошення тут недоступні.
invite-refused-self = ℹ️ Це ваше власне запрошувальне посилання: краще поділіться ним із друзями.
invite-refused-unknown_code = ℹ️ Це запрошувальне посилання недійсне (можливо, в ньому помилка).
invite-refused-not_new = ℹ️ Запрошувальні посилання — для нових користувачів, а ви вже користувалися ботом.
referral-bonus-referred = 🎁 Дякуємо за поповнення: ви отримали реферальний бонус <b>{ $amount }</b>.
referral-bonus-referrer = 🎉 Друг, якого ви запросили, щойно поповнив баланс: ви отримали реферальний бонус <b>{ $amount }</b>.

## Admin: Stars payments
admin-cmd-stars = Платежі та повернення зірок користувача
admin-cmd-reconcile = Звірити платежі зірками з Telegram
user-stars-button = ⭐ Платежі зірками
stars-admin-usage = Використання: <code>/stars &lt;id або @username&gt;</code>
stars-admin-none = У { $name } немає платежів зірками.
stars-admin-title = ⭐ <b>Платежі зірками: { $name }</b> (спершу нові, UTC)
stars-admin-line = { $when } · { $stars } ⭐ → { $credit } · <code>{ $charge }</code>
stars-admin-line-refunded = { $when } · { $stars } ⭐ → { $credit } · повернуто, списано { $reversed } · <code>{ $charge }</code>
stars-admin-refund-button = ↩️ Повернути { $stars } ⭐ ({ $when })
stars-admin-refund-anyway = ↩️ Усе одно повернути
stars-admin-spent = ⚠️ Користувач уже витратив частину цього зарахування ({ $credit } за { $stars } ⭐). Повернення віддасть усі зірки, але списати можна лише залишок { $left } (баланс стане нульовим). Усе одно повернути?
stars-admin-refunded = ✅ Повернуто { $stars } ⭐. З балансу списано { $taken }; тепер на ньому { $balance }.
stars-admin-refund-failed = ❌ Telegram відхилив повернення: { $reason }. Кошти не переміщено.
stars-admin-already = ℹ️ Цей платіж уже повернуто.
stars-admin-unknown = Цього платежу немає в базі даних.
