# Деньги и аккаунт: баланс, коды пополнения, свой API-ключ, модели, язык, денежные команды админов.
# Режим HTML: переменные с текстом пользователя экранирует код.

## /balance
balance-title = 💰 <b>Баланс: { $balance }</b>
balance-key-linked = 🔑 Подключён ваш собственный API-ключ { $masked }: генерации оплачиваются им, а не с этого баланса.
balance-key-quota = Квота ключа: осталось <b>{ $remaining }</b> из { $total } (израсходовано { $used }).
balance-key-quota-unlimited = Квота ключа: <b>без ограничений</b> (израсходовано { $used }).
balance-key-quota-unavailable = Не удалось сейчас узнать квоту вашего ключа. Попробуйте /balance через минуту.
balance-key-exhausted = ⚠️ У вашего API-ключа закончилась квота. Пополните её там, где вы получили ключ, или удалите ключ командой /key remove, чтобы платить с этого баланса.
balance-key-invalid = ⚠️ Ваш API-ключ { $masked } отклонён (неверный, отключён или истёк). Пришлите новый через /key или удалите его командой /key remove, чтобы платить с этого баланса.
balance-history-title = <b>Последние операции</b> (UTC)
balance-history-empty = Операций пока нет.
balance-line = { $amount } · { $what } · { $when }
balance-kind-topup = пополнение
balance-kind-code = код { $hint }
balance-kind-charge = генерация, { $model }
balance-kind-refund = возврат, { $model }
balance-kind-adjustment = корректировка оператора
balance-how-to-buy-link = 🎟 <b>Пополнить:</b> купите код на { $link } и пришлите его сюда (или /redeem <i>код</i>).
balance-how-to-buy-contact = 🎟 <b>Пополнить:</b> купите код у { $contact } и пришлите его сюда (или /redeem <i>код</i>).
balance-how-to-redeem = 🎟 <b>Пополнить:</b> пришлите сюда код пополнения (или /redeem <i>код</i>).

## Коды пополнения
redeem-usage = 🎟 Пришлите код: <code>/redeem XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code> — или просто вставьте его сюда.
redeem-ok = ✅ Код активирован: <b>+{ $amount }</b>. Баланс: <b>{ $balance }</b>.
redeem-ok-own-key = У вас подключён собственный API-ключ, поэтому генерации оплачиваются им; баланс снова используется после /key remove.
redeem-malformed = ❌ Это не код пополнения. Коды выглядят так: <code>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>.
redeem-typo = ❌ В коде опечатка: неверный символ или два символа переставлены. Проверьте и попробуйте ещё раз.
redeem-not-found = ❌ Такого кода нет. Проверьте его и попробуйте ещё раз.
redeem-expired = ⌛ Срок действия кода истёк.
redeem-used-up = ❌ Этот код уже использован.
redeem-already = ℹ️ Вы уже активировали этот код.
redeem-disabled = ❌ Этот код отозван продавцом.
redeem-attempts-left = Осталось попыток: { $attempts }.
redeem-locked = 🔒 Слишком много неверных кодов: активация заблокирована на { $minutes } мин.
redeem-rate-limited = 🔒 Слишком много неверных кодов. Попробуйте через { $minutes } мин.

## Собственный API-ключ
key-ask = 🔑 Пришлите ваш API-ключ (он начинается с <code>sk-</code>). Я удалю ваше сообщение сразу, как прочитаю его.

    /cancel — отменить.
key-ask-replace = 🔑 Подключён ключ { $masked } ({ $status }). Пришлите новый ключ, чтобы заменить его, /key remove — чтобы отключить, или /cancel.
key-status-ok = работает
key-status-invalid = отклонён (неверный или истёк)
key-cancelled = Отменено. Ничего не изменилось.
key-linked = ✅ Ключ { $masked } подключён. Теперь генерации идут на нём и оплачиваются им, а не с вашего баланса. /key remove — отключить.
key-not-a-key = ❌ Это не API-ключ: ключ выглядит как <code>sk-</code> и ещё минимум 16 букв и цифр. Ничего не изменилось. Отправьте /key, чтобы попробовать снова.
key-invalid = ❌ Этот ключ отклонён (неверный, отключён или истёк). Ничего не изменилось. Проверьте его и отправьте /key снова.
key-exhausted = ❌ У этого ключа закончилась квота. Ничего не изменилось. Пополните её там, где вы получили ключ, и отправьте /key снова.
key-unavailable = ⚠️ Сейчас не удалось проверить ключ: сервис не ответил. Ничего не изменилось; попробуйте /key через несколько минут.
key-rate-limited = 🔒 Слишком много проверок ключа. Попробуйте через { $minutes } мин.
key-delete-failed = ⚠️ Не удалось удалить ваше сообщение с ключом: пожалуйста, удалите его сами.
key-removed = 🗑 Ключ { $masked } отключён. Генерации снова оплачиваются с вашего баланса.
key-none = У вас не подключён ключ. Отправьте /key, чтобы подключить.
key-group = ⚠️ Никогда не публикуйте ключ в группе. Я попытался удалить сообщение; если оно осталось, отзовите ключ там, где вы его получили. Лучше отправьте /key мне в личные сообщения.

## /models
models-title = 📋 <b>Модели и цены</b>
models-family-image = 🎨 Изображения
models-family-chat-image = 💬 Изображения от чат-моделей
models-family-edit = ✏️ Редактирование фото
models-family-midjourney = 🖼 Midjourney
models-family-video = 🎬 Видео
models-line = • { $title } — { $price }
models-price-image = { $price } за изображение
models-price-call = { $price } за запрос
models-price-mj = { $price } за /imagine, увеличение { $upscale }, вариация { $variation }
models-price-second = { $price } за секунду ({ $durations } с)
models-price-video = { $price } за видео ({ $durations } с)
models-price-pro = pro ×{ $factor }
models-price-free = бесплатно
models-empty = Сейчас нет доступных моделей.
models-footer = Модель выбирается в /settings. Цена списывается с /balance при запуске генерации и возвращается, если она не удалась.
models-own-key = 🔑 У вас подключён собственный API-ключ: генерации оплачиваются им, эти цены к вам не относятся.

## /language

## Суммы, которые вводят админы
money-amount-not-a-number = ❌ «{ $value }» — не сумма. Пишите так: 5 или 2.50.
money-amount-zero = ❌ Сумма не может быть нулевой.
money-amount-negative = ❌ Сумма должна быть положительной.
money-amount-decimals = ❌ В «{ $value }» слишком много знаков после запятой для { $currency }.
money-amount-ambiguous = ❌ «{ $value }» неоднозначно (тысячи или дробная часть?). Пишите 1000 или 1.50.
money-amount-too-large = ❌ «{ $value }» — слишком много: не больше { $maxAmount } за раз.

## Меню команд админов (ADMIN_COMMANDS в commands.ts)
admin-cmd-codes = Выпустить коды пополнения
admin-cmd-credit = Начислить или списать баланс
admin-cmd-user = Баланс, ключ и задания пользователя

## /codes (админы)
codes-usage =
    Использование: <code>/codes &lt;количество&gt; &lt;сумма&gt; [активаций] [срок]</code>
    • <code>/codes 10 5</code> — десять одноразовых кодов по 5 { $currency }
    • <code>/codes 1 2.50 100 30d</code> — один код на 100 человек, действует 30 дней
    Срок: <code>12h</code>, <code>30d</code>, <code>2w</code>, дата вида <code>2026-12-31</code> (включительно, UTC) или <code>never</code>.
codes-bad-count = ❌ Количество — целое число от 1 до { $max }.
codes-bad-uses = ❌ Число активаций — целое число от 1 до { $max }.
codes-bad-expiry = ❌ «{ $value }» — не срок: используйте 12h, 30d, 2w, будущую дату вида 2026-12-31 или never.
codes-done = ✅ Кодов: { $count } × <b>{ $amount }</b>, активаций на код: { $uses }, { $expiry }. Партия <code>{ $batch }</code>.
codes-expiry-never = без срока
codes-expiry-at = действуют до { $date } UTC
codes-inline-title = Нажмите на код, чтобы скопировать:
codes-file-header =
    Коды пополнения, партия { $batch }
    Сумма: { $amount } за активацию
    Активаций на код: { $uses }
    Срок: { $expiry }
    Кодов: { $count }, созданы { $created } UTC админом { $admin }
codes-file-links = Ссылки (открытие в Telegram активирует код):

## /credit (админы)
credit-usage =
    Использование: <code>/credit &lt;id или @username&gt; &lt;сумма&gt; [заметка]</code>
    Отрицательная сумма списывает деньги (но не ниже нуля). Пример: <code>/credit @ann 5 компенсация</code>
credit-unknown-user = ❌ Пользователь { $query } мне неизвестен: сначала он должен написать боту.
credit-below-zero = ❌ Баланс { $name } ушёл бы в минус (сейчас { $balance }). Ничего не изменилось.
credit-done = ✅ { $amount } для { $name } (<code>{ $id }</code>). Новый баланс: <b>{ $balance }</b>.

## /user (админы)
user-usage = Использование: <code>/user &lt;id или @username&gt;</code>
user-unknown = ❌ Пользователь { $query } мне неизвестен.
user-card =
    👤 <b>{ $name }</b> · { $username } · id <code>{ $id }</code>
    Язык: { $language } · с нами с { $created } · был(а) { $seen } (UTC)
    Статус: { $flags }
    💰 Баланс: <b>{ $balance }</b>
    🔑 Свой ключ: { $key }
user-flag-banned = ⛔ заблокирован
user-flag-blocked = 🚫 заблокировал бота
user-flags-none = ✅ активен
user-key-none = нет
user-key-ok = { $masked } (работает)
user-key-invalid = { $masked } (отклонён)
user-jobs-title = <b>Последние задания</b>
user-jobs-empty = Заданий нет.
user-job-line = <code>{ $id }</code> · { $model } · { $status } · { $price } · { $when }
user-job-own-key = свой ключ
user-ledger-title = <b>Журнал операций</b>
user-ledger-empty = Записей нет.
user-ledger-line = { $amount } → { $after } · { $what } · { $when }{ $extra }
user-ledger-actor = от <code>{ $actor }</code>

## Telegram Stars
balance-kind-stars = Telegram Stars, { $stars } ⭐
balance-kind-stars-refund = возврат оплаты Stars
balance-kind-welcome = приветственный бонус
balance-kind-referral = бонус за приглашение
balance-how-to-stars = ⭐ <b>Пополнить звёздами Telegram:</b> /topup
stars-button = ⭐ Пополнить звёздами
stars-packs = ⭐ <b>Пополнение звёздами Telegram</b>
    Выберите пакет. Оплату принимает Telegram, баланс пополнится сразу после подтверждения.
    Вопросы об оплате: /paysupport · Условия: /terms
stars-pack-button = { $stars } ⭐ → { $credit }
stars-off = Пополнение звёздами Telegram здесь недоступно. Отправьте код пополнения (/redeem).
stars-pack-gone = Этот пакет больше не продаётся. Откройте /topup ещё раз.
stars-invoice-title = Баланс +{ $credit }
stars-invoice-description = { $stars ->
    [one] { $stars } звезда Telegram
    [few] { $stars } звезды Telegram
   *[many] { $stars } звёзд Telegram
} за { $credit } баланса для генераций в { $bot }.
stars-invoice-label = Баланс +{ $credit }
stars-checkout-malformed = Этот счёт не относится к пакетам бота. Откройте /topup, чтобы получить новый.
stars-checkout-not-yours = Этот счёт выставлен другому аккаунту. Откройте /topup в боте, чтобы получить свой.
stars-checkout-changed = Пакет изменился после выставления счёта. Откройте /topup, чтобы получить актуальный.
stars-checkout-gone = Этот пакет больше не продаётся. Откройте /topup, чтобы увидеть текущие пакеты.
stars-paid = ✅ Оплата получена: { $stars } ⭐ → <b>+{ $credit }</b>. Баланс: <b>{ $balance }</b>.
stars-paid-unreadable = ⚠️ Telegram подтвердил оплату, которую я не могу сопоставить с пакетом. Ничего не потеряно: напишите в /paysupport, оператор разберётся.
stars-refunded = ↩️ Ваша оплата { $stars } ⭐ возвращена. С баланса списано { $taken }; баланс: <b>{ $balance }</b>.

## Приглашения и приветственный бонус
invite-text = 🤝 <b>Пригласите друзей</b>
    Когда кто-то откроет бота по вашей ссылке и впервые пополнит баланс, вы оба получите <b>{ $bonus }</b>.
    Ваша ссылка: { $link }
    { $invited ->
        [0] По ней пока никто не пришёл.
        [one] По ней пришёл { $invited } человек; пополнили баланс: { $rewarded }.
        [few] По ней пришли { $invited } человека; пополнили баланс: { $rewarded }.
       *[many] По ней пришли { $invited } человек; пополнили баланс: { $rewarded }.
    }
invite-off = Приглашения здесь недоступны.
invite-refused-self = ℹ️ Это ваша собственная ссылка-приглашение: поделитесь ею с друзьями.
invite-refused-unknown_code = ℹ️ Эта ссылка-приглашение недействительна (возможно, в ней опечатка).
invite-refused-not_new = ℹ️ Ссылки-приглашения — для новых пользователей, а вы уже пользовались ботом.
referral-bonus-referred = 🎁 Спасибо за пополнение: вы получили бонус за приглашение <b>{ $amount }</b>.
referral-bonus-referrer = 🎉 Приглашённый вами друг пополнил баланс: вы получили бонус <b>{ $amount }</b>.

## Админ: оплаты звёздами
admin-cmd-stars = Оплаты звёздами и возвраты пользователя
admin-cmd-reconcile = Сверить оплаты звёздами с Telegram
user-stars-button = ⭐ Оплаты звёздами
stars-admin-usage = Использование: <code>/stars &lt;id или @username&gt;</code>
stars-admin-none = { $name } не платил(а) звёздами.
stars-admin-title = ⭐ <b>Оплаты звёздами: { $name }</b> (сначала новые, UTC)
stars-admin-line = { $when } · { $stars } ⭐ → { $credit } · <code>{ $charge }</code>
stars-admin-line-refunded = { $when } · { $stars } ⭐ → { $credit } · возвращено, списано { $reversed } · <code>{ $charge }</code>
stars-admin-refund-button = ↩️ Вернуть { $stars } ⭐ ({ $when })
stars-admin-refund-anyway = ↩️ Всё равно вернуть
stars-admin-spent = ⚠️ Пользователь уже потратил часть этого пополнения ({ $credit } за { $stars } ⭐). Возврат отдаст все звёзды, но списать можно только оставшиеся { $left } (баланс станет нулевым). Всё равно вернуть?
stars-admin-refunded = ✅ Возвращено { $stars } ⭐. С баланса списано { $taken }; теперь на нём { $balance }.
stars-admin-refund-failed = ❌ Telegram отказал в возврате: { $reason }. Деньги не двигались.
stars-admin-already = ℹ️ Эта оплата уже возвращена.
stars-admin-unknown = Этой оплаты нет в базе.
