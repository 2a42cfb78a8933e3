# Инструменты администратора: бан, перезагрузка каталога, статистика, рассылка.
admin-cmd-stats = Статистика
admin-cmd-broadcast = Рассылка всем пользователям
admin-cmd-ban = Заблокировать пользователя
admin-cmd-unban = Разблокировать пользователя
admin-cmd-reload = Перезагрузить каталог моделей
admin-usage-ban = Использование: /ban <id или @username>, либо /ban в ответ на сообщение обращения в чате поддержки.
admin-usage-unban = Использование: /unban <id или @username>
admin-user-not-found = Пользователь «{ $query }» не найден. Он должен был хотя бы раз написать боту.
admin-banned = ⛔ { $user } заблокирован: теперь он получает только уведомление о блокировке.
admin-already-banned = { $user } уже был заблокирован.
admin-unbanned = ✅ { $user } разблокирован.
admin-not-banned = { $user } не был заблокирован.
admin-cannot-ban-admin = Администраторов блокировать нельзя.
admin-reload-ok = ✅ Каталог перезагружен: моделей { $models }, включено { $enabled } (было { $previous }).
admin-reload-failed = ❌ Каталог не перезагружен, остаётся текущий (моделей: { $models }).
stats-title = 📊 <b>Статистика</b> · { $when }
stats-users = 👥 Пользователи: { $total } · активны сегодня { $today } · за 7 дней { $week } · новых сегодня { $fresh }
stats-users-flags = заблокировали бота { $blocked } · забанены { $banned } · с балансом { $funded }
stats-jobs-title = 🎨 <b>Задачи</b>: всего { $total }, сегодня { $today }
stats-jobs-family = • { $family }: { $total } (сегодня { $today }) · готово { $done } · ошибок { $failed } · в работе { $active }
stats-jobs-none = • пока нет
stats-money-today = 💰 Сегодня: пополнения { $topups } · потрачено { $spent } · возвраты { $refunds }
stats-money-total = 💰 Всего: пополнения { $topups } · потрачено { $spent } · возвраты { $refunds }
stats-models-title = 🏆 <b>Популярные модели</b> (7 дней)
stats-model = • { $model }: { $total } (ошибок { $failed }%)
stats-failures-title = ⚠️ <b>Ошибки</b> (24 ч): { $failed } из { $finished } ({ $percent }%)
stats-failure-family = • { $family }: { $failed } из { $finished } ({ $percent }%)
stats-failure-codes = Причины: { $codes }
stats-gateway = 🌐 Шлюз (последние { $minutes } мин): запросов { $requests }, ошибок { $errors } ({ $percent }%)
stats-gateway-kinds = Ошибки: { $kinds }
stats-tickets = 💬 Поддержка: открыто { $open }, всего { $total }
broadcast-ask = 📣 Пришлите сообщение для рассылки (текст, фото, видео, документ…). Оно будет скопировано как есть { $count ->
    [one] { $count } пользователю
   *[other] { $count } пользователям
}. /cancel — отмена.
broadcast-nobody = Рассылать некому: пока нет пользователей (кроме администраторов), которым можно написать.
broadcast-confirm = Отправить это сообщение { $count ->
    [one] { $count } пользователю
   *[other] { $count } пользователям
}?
broadcast-button-send = 📣 Отправить
broadcast-button-cancel = ✖️ Отмена
broadcast-button-stop = ⏹ Остановить
broadcast-cancelled = Отменено. Ничего не отправлено.
broadcast-unsupported = Это нельзя разослать. Пришлите текст, фото, видео, документ или другое обычное сообщение.
broadcast-progress = 📣 Рассылка №{ $id }: { $done } из { $total } ({ $percent }%)
    ✅ отправлено { $sent } · 🚫 заблокировали { $blocked } · ⚠️ ошибок { $failed }
broadcast-eta = ⏱ осталось примерно { $eta }
broadcast-done = 📣 Рассылка №{ $id } завершена за { $elapsed }.
    ✅ Отправлено: { $sent } · 🚫 заблокировали бота: { $blocked } · ⚠️ ошибок: { $failed } · пропущено: { $skipped }
broadcast-stopped = ⏹ Рассылка №{ $id } остановлена после { $done } из { $total }.
    ✅ Отправлено: { $sent } · 🚫 заблокировали бота: { $blocked } · ⚠️ ошибок: { $failed }
broadcast-source-gone = ❌ Рассылка №{ $id } остановлена: её сообщение удалено. Отправлено: { $sent } из { $total }.
broadcast-stopping = Останавливаю…
broadcast-not-running = Эта рассылка уже не идёт.

alert-key_rejected =
    🚨 <b>Шлюз отклоняет ключ бота</b> (GATEWAY_API_KEY). Все генерации за счёт баланса падают и возвращаются, пока ключ не заработает.
    Проверьте или замените ключ на { $gateway } и перезапустите бота.
alert-key_rejected-cleared = ✅ Шлюз снова принимает ключ бота.
alert-balance_low =
    🚨 <b>На счёте бота в шлюзе мало средств</b>: осталось { $remaining } USD. Когда они кончатся, генерации будут падать (с возвратом).
    Пополните счёт на { $gateway }.
alert-balance_low-cleared = ✅ Баланс бота в шлюзе снова выше порога.
alert-gateway_down =
    🚨 <b>Шлюз не отвечает { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[many] { $minutes } минут
    }</b> ({ $gateway }). Генерации падают или ждут.
alert-gateway_down-cleared = ✅ Шлюз снова отвечает.

## Звёзды в /stats, сверка
stats-stars-total = ⭐ Звёзд всего: получено { $stars }, возвращено { $refunded } ({ $payments ->
    [one] { $payments } оплата
    [few] { $payments } оплаты
   *[many] { $payments } оплат
})
stats-stars-day = · { $day }: получено { $stars } ⭐, возвращено { $refunded } ⭐ ({ $payments ->
    [one] { $payments } оплата
    [few] { $payments } оплаты
   *[many] { $payments } оплат
})
stats-referral = 🤝 Бонусы за приглашения: сегодня { $today } · всего { $total }
reconcile-clean = ✅ Сверка звёзд: { $checked ->
    [one] { $checked } транзакция Telegram совпадает
    [few] { $checked } транзакции Telegram совпадают
   *[many] { $checked } транзакций Telegram совпадают
} с журналом.
reconcile-title = ⚠️ <b>Сверка звёзд</b> ({ $checked ->
    [one] прочитана { $checked } транзакция Telegram
    [few] прочитаны { $checked } транзакции Telegram
   *[many] прочитано { $checked } транзакций Telegram
}):
reconcile-credited = · зачислено сейчас: { $stars } ⭐ пользователя { $user } не было в журнале (платёж <code>{ $chargeId }</code>)
reconcile-reversed = · возвращено со стороны Telegram, пополнение списано сейчас: { $stars } ⭐ пользователя { $user } (платёж <code>{ $chargeId }</code>)
reconcile-unmatched = · есть в журнале, но нет в Telegram: { $stars } ⭐ пользователя { $user } (платёж <code>{ $chargeId }</code>) — проверьте вручную
reconcile-foreign = · оплата в Telegram, которую бот не может зачислить: { $stars } ⭐ (платёж <code>{ $chargeId }</code>) — проверьте вручную
reconcile-failed = ❌ Не удалось прочитать транзакции звёзд из Telegram. Попробуйте позже.
