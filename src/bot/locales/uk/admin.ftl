# Admin tools: ban, reload, stats, broadcast (only admins ever see these).
admin-cmd-stats = Статистика
admin-cmd-broadcast = Розсилка всім користувачам
admin-cmd-ban = Забанити користувача
admin-cmd-unban = Розбанити користувача
admin-cmd-reload = Перезавантажити каталог моделей
admin-usage-ban = Використання: /ban <id користувача або @username> або /ban у відповідь на повідомлення звернення в чаті підтримки.
admin-usage-unban = Використання: /unban <id користувача або @username>
admin-user-not-found = Користувача «{ $query }» не знайдено. Він має хоча б раз написати боту.
admin-banned = ⛔ Користувача { $user } забанено: відтепер він отримуватиме лише повідомлення про бан.
admin-already-banned = Користувач { $user } уже був забанений.
admin-unbanned = ✅ Користувача { $user } розбанено.
admin-not-banned = Користувач { $user } не був забанений.
admin-cannot-ban-admin = Адміністраторів банити не можна.
admin-reload-ok = ✅ Каталог перезавантажено: { $models ->
    [one] { $models } модель
    [few] { $models } моделі
    [many] { $models } моделей
   *[other] { $models } моделі
} (увімкнено: { $enabled }, було: { $previous }).
admin-reload-failed = ❌ Каталог не перезавантажено, залишається поточний (моделей: { $models }).
stats-title = 📊 <b>Статистика</b> · { $when }
stats-users = 👥 Користувачі: { $total } · активні сьогодні { $today } · за 7 днів { $week } · нові сьогодні { $fresh }
stats-users-flags = заблокували бота { $blocked } · забанені { $banned } · з балансом { $funded }
stats-jobs-title = 🎨 <b>Завдання</b>: усього { $total }, сьогодні { $today }
stats-jobs-family = • { $family }: { $total } (сьогодні { $today }) · готово { $done } · не вдалося { $failed } · у роботі { $active }
stats-jobs-none = • поки немає
stats-money-today = 💰 Сьогодні: поповнення { $topups } · витрачено { $spent } · повернення { $refunds }
stats-money-total = 💰 Усього: поповнення { $topups } · витрачено { $spent } · повернення { $refunds }
stats-models-title = 🏆 <b>Топ моделей</b> (7 днів)
stats-model = • { $model }: { $total } (невдалих { $failed }%)
stats-failures-title = ⚠️ <b>Збої</b> (24 год): { $failed } з { $finished } ({ $percent }%)
stats-failure-family = • { $family }: { $failed } з { $finished } ({ $percent }%)
stats-failure-codes = Причини: { $codes }
stats-gateway = 🌐 API-шлюз (за { $minutes } хв): { $requests ->
    [one] { $requests } запит
    [few] { $requests } запити
    [many] { $requests } запитів
   *[other] { $requests } запиту
}, { $errors ->
    [one] { $errors } помилка
    [few] { $errors } помилки
    [many] { $errors } помилок
   *[other] { $errors } помилки
} ({ $percent }%)
stats-gateway-kinds = Помилки: { $kinds }
stats-tickets = 💬 Підтримка: { $open ->
    [one] { $open } відкрите звернення
    [few] { $open } відкриті звернення
    [many] { $open } відкритих звернень
   *[other] { $open } відкритого звернення
}, усього { $total }
broadcast-ask = 📣 Надішліть повідомлення для розсилки (текст, фото, відео, документ…). Його буде скопійовано як є { $count ->
    [one] { $count } користувачеві
    [few] { $count } користувачам
    [many] { $count } користувачам
   *[other] { $count } користувача
}. /cancel — скасувати.
broadcast-nobody = Немає кому надсилати: поки що жоден користувач (крім адміністраторів) не може отримувати повідомлення.
broadcast-confirm = Надіслати це повідомлення { $count ->
    [one] { $count } користувачеві
    [few] { $count } користувачам
    [many] { $count } користувачам
   *[other] { $count } користувача
}?
broadcast-button-send = 📣 Надіслати
broadcast-button-cancel = ✖️ Скасувати
broadcast-button-stop = ⏹ Зупинити
broadcast-cancelled = Скасовано. Нічого не надіслано.
broadcast-unsupported = Це не можна розіслати. Надішліть текст, фото, відео, документ або інше звичайне повідомлення.
broadcast-progress = 📣 Розсилка #{ $id }: { $done } з { $total } ({ $percent }%)
    ✅ надіслано { $sent } · 🚫 заблокували { $blocked } · ⚠️ не вдалося { $failed }
broadcast-eta = ⏱ залишилося приблизно { $eta }
broadcast-done = 📣 Розсилку #{ $id } завершено за { $elapsed }.
    ✅ Надіслано: { $sent } · 🚫 заблокували бота: { $blocked } · ⚠️ не вдалося: { $failed } · пропущено: { $skipped }
broadcast-stopped = ⏹ Розсилку #{ $id } зупинено: оброблено { $done } з { $total }.
    ✅ Надіслано: { $sent } · 🚫 заблокували бота: { $blocked } · ⚠️ не вдалося: { $failed }
broadcast-source-gone = ❌ Розсилку #{ $id } зупинено: її повідомлення видалено. Надіслано: { $sent } з { $total }.
broadcast-stopping = Зупиняю…
broadcast-not-running = Ця розсилка вже не триває.

alert-key_rejected =
    🚨 <b>API-шлюз відхиляє ключ бота</b> (GATEWAY_API_KEY). Усі генерації, оплачені з балансу, завершуються помилкою й повертаються, доки ключ знову не запрацює.
    Перевірте або замініть ключ на { $gateway }, потім перезапустіть бота.
alert-key_rejected-cleared = ✅ API-шлюз знову приймає ключ бота.
alert-balance_low =
    🚨 <b>На рахунку бота в API-шлюзі мало коштів</b>: залишилося { $remaining } USD. Коли вони закінчаться, генерації не вдаватимуться (з поверненням коштів).
    Поповніть рахунок на { $gateway }.
alert-balance_low-cleared = ✅ Баланс бота в API-шлюзі знову вищий за поріг сповіщення.
alert-gateway_down =
    🚨 <b>API-шлюз не відповідає вже { $minutes ->
        [one] { $minutes } хвилину
        [few] { $minutes } хвилини
        [many] { $minutes } хвилин
       *[other] { $minutes } хвилини
    }</b> ({ $gateway }). Генерації не вдаються або чекають.
alert-gateway_down-cleared = ✅ API-шлюз знову відповідає.

## Stars in /stats, reconciliation
stats-stars-total = ⭐ Зірок усього: отримано { $stars }, повернуто { $refunded } ({ $payments ->
    [one] { $payments } платіж
    [few] { $payments } платежі
    [many] { $payments } платежів
   *[other] { $payments } платежу
})
stats-stars-day = · { $day }: отримано { $stars } ⭐, повернуто { $refunded } ⭐ ({ $payments ->
    [one] { $payments } платіж
    [few] { $payments } платежі
    [many] { $payments } платежів
   *[other] { $payments } платежу
})
stats-referral = 🤝 Реферальні бонуси: сьогодні { $today } · усього { $total }
reconcile-clean = ✅ Звірка зірок: { $checked ->
    [one] { $checked } транзакція Telegram збігається
    [few] { $checked } транзакції Telegram збігаються
    [many] { $checked } транзакцій Telegram збігаються
   *[other] { $checked } транзакції Telegram збігаються
} з журналом операцій.
reconcile-title = ⚠️ <b>Звірка зірок</b> ({ $checked ->
    [one] прочитано { $checked } транзакцію Telegram
    [few] прочитано { $checked } транзакції Telegram
    [many] прочитано { $checked } транзакцій Telegram
   *[other] прочитано { $checked } транзакції Telegram
}):
reconcile-credited = · зараховано зараз: { $stars } ⭐ користувача { $user } не було в журналі (ID платежу <code>{ $chargeId }</code>)
reconcile-reversed = · повернуто на боці Telegram, зарахування щойно скасовано: { $stars } ⭐ користувача { $user } (ID платежу <code>{ $chargeId }</code>)
reconcile-unmatched = · є в журналі, але немає в Telegram: { $stars } ⭐ користувача { $user } (ID платежу <code>{ $chargeId }</code>): перевірте вручну
reconcile-foreign = · платіж у Telegram, який бот не може зарахувати: { $stars } ⭐ (ID платежу <code>{ $chargeId }</code>): перевірте вручну
reconcile-failed = ❌ Не вдалося отримати транзакції зірок із Telegram. Спробуйте пізніше.
